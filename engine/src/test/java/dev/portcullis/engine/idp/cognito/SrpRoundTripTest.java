package dev.portcullis.engine.idp.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.cognito.CognitoSrpClient;
import dev.portcullis.engine.identity.cognito.PasswordClaim;
import dev.portcullis.engine.identity.cognito.PasswordVerifierChallenge;
import dev.portcullis.engine.identity.cognito.SrpLogin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import java.util.stream.IntStream;

/** Our client against our server on many random logins, seeded so a failure replays. */
class SrpRoundTripTest {

  static final int LOGINS = 1000;
  // Each attempt costs two 3072-bit exponentiations with 1024-bit exponents (client S, server S), ~2.5 ms
  // each; a wrong password on every 4th login (250 attempts) keeps the test under 10 s on two shared cores.
  static final int WRONG_PASSWORD_EVERY = 4;

  @Test
  @DisplayName("spec §9.4: 1000 random logins of our client verify on our server; 250 with a wrong password never do")
  void randomLoginsVerifyAndWrongPasswordsDoNot() {
    // One seed per login, so the run is the same whether logins go in parallel or one by one.
    long[] seeds = new SplittableRandom(20240102L).longs(LOGINS).toArray();
    List<Outcome> outcomes = IntStream.range(0, LOGINS).parallel()
        .mapToObj(i -> login(new SplittableRandom(seeds[i]), i % WRONG_PASSWORD_EVERY == 0))
        .toList();

    assertThat(outcomes).filteredOn(o -> !o.rightVerified() || o.wrongVerified()).isEmpty();
    assertThat(outcomes).filteredOn(Outcome::wrongTried).hasSize(LOGINS / WRONG_PASSWORD_EVERY);
    // The run only tests padding if it met the edge cases: B with a leading zero byte (~1 in 256) and a high bit.
    assertThat(outcomes).filteredOn(o -> o.srpB().length() < 768).isNotEmpty();
    assertThat(outcomes).filteredOn(o -> o.srpB().length() == 768 && o.srpB().charAt(0) >= '8').isNotEmpty();
  }

  private static Outcome login(SplittableRandom random, boolean tryWrongPassword) {
    RandomLogin login = RandomLogin.draw(random);
    CognitoSrpServer server = CognitoSrpServer.create(random.split());
    SrpCredential credential = server.enroll(login.poolName(), login.userIdForSrp(), login.password());
    ServerEphemeral ephemeral = server.challenge(credential);
    SrpLogin client = CognitoSrpClient.create(random.split(), Clock.fixed(login.now(), ZoneOffset.UTC)).begin();
    var challenge = new PasswordVerifierChallenge(login.poolName(), login.userIdForSrp(), ephemeral.srpBHex(),
        credential.salt(), login.secretBlock());

    ClaimVerdict right = server.verify(credential, ephemeral, claim(client, client.respond(challenge, login.password()), login));
    boolean wrongVerified = tryWrongPassword && server.verify(
        credential, ephemeral, claim(client, client.respond(challenge, login.wrongPassword()), login)).verified();
    return new Outcome(login, ephemeral.srpBHex(), right.verified(), tryWrongPassword, wrongVerified);
  }

  /** What one login showed; the login is kept so a failure names its inputs. */
  record Outcome(RandomLogin login, String srpB, boolean rightVerified, boolean wrongTried, boolean wrongVerified) {}

  private static ClaimToVerify claim(SrpLogin client, PasswordClaim claim, RandomLogin login) {
    return new ClaimToVerify(client.srpA(), login.secretBlock(), claim.timestamp(), claim.signature());
  }

  /** One random user and login; passwords include non-ASCII characters to pin UTF-8. */
  record RandomLogin(String poolName, String userIdForSrp, String password, String wrongPassword,
      String secretBlock, Instant now) {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PASSWORD_CHARS = ALNUM + "!#$%&*+-./:;<=>?@^_~ éßø€漢";
    // 2001-09-09 to 2033-05-18: every weekday, month and one- and two-digit days
    private static final long FIRST_SECOND = 1_000_000_000L;
    private static final long LAST_SECOND = 2_000_000_000L;

    static RandomLogin draw(SplittableRandom random) {
      String password = text(random, PASSWORD_CHARS, 8 + random.nextInt(24));
      byte[] secretBlock = new byte[16 + random.nextInt(1024)];
      random.nextBytes(secretBlock);
      return new RandomLogin(
          text(random, ALNUM, 1 + random.nextInt(12)),
          new java.util.UUID(random.nextLong(), random.nextLong()).toString(),
          password,
          password + text(random, PASSWORD_CHARS, 1),
          Base64.getEncoder().encodeToString(secretBlock),
          Instant.ofEpochSecond(random.nextLong(FIRST_SECOND, LAST_SECOND), random.nextInt(1_000_000_000)));
    }

    static String text(SplittableRandom random, String alphabet, int length) {
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return text.toString();
    }
  }
}
