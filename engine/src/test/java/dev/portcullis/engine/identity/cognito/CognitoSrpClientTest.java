package dev.portcullis.engine.identity.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.identity.cognito.SrpVectors.Vector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CognitoSrpClientTest {

  static List<Vector> vectors() {
    return SrpVectors.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @DisplayName("spec §9.4: SRP_A from a equals amazon-cognito-identity-js's")
  void computesSrpAOfPublishedVector(Vector v) {
    SrpLogin login = client(v.a(), Instant.EPOCH).begin();

    assertThat(login.srpA()).isEqualTo(v.srpA());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @DisplayName("spec §9.4: PASSWORD_CLAIM_SIGNATURE and TIMESTAMP equal amazon-cognito-identity-js's")
  void signsPublishedVector(Vector v) {
    Instant signedAt = CognitoTimestamp.parse(v.timestamp());
    PasswordClaim claim = client(v.a(), signedAt).begin().respond(challenge(v, v.srpB()), v.password());

    assertThat(claim.timestamp()).isEqualTo(v.timestamp());
    assertThat(claim.signature()).isEqualTo(v.signature());
  }

  @Test
  @DisplayName("spec §9.4: the vectors cover the padding edge cases they claim (B with a leading zero byte, B with the high bit)")
  void vectorsCoverPaddingEdgeCases() {
    // The test above only proves padding if these cases are really in the file.
    assertThat(vectors()).anySatisfy(v -> assertThat(v.srpB()).hasSizeLessThan(768));
    assertThat(vectors()).anySatisfy(v -> assertThat(v.srpB()).hasSize(768).matches("^[89a-f].*"));
    assertThat(vectors()).anySatisfy(v -> assertThat(v.salt()).matches("^[89a-f].*"));
    assertThat(vectors()).anySatisfy(v -> assertThat(v.salt().length() % 2).isOne());
  }

  @Test
  @DisplayName("spec §9.4: a wrong password gives a different signature")
  void wrongPasswordChangesSignature() {
    Vector v = vectors().get(0);
    Instant signedAt = CognitoTimestamp.parse(v.timestamp());

    PasswordClaim claim = client(v.a(), signedAt).begin().respond(challenge(v, v.srpB()), v.password() + "!");

    assertThat(claim.signature()).isNotEqualTo(v.signature());
  }

  @Test
  @DisplayName("spec §9.4: B = 0 is rejected (\"B cannot be zero\")")
  void rejectsZeroB() {
    Vector v = vectors().get(0);
    SrpLogin login = client(v.a(), Instant.EPOCH).begin();

    assertThatThrownBy(() -> login.respond(challenge(v, "0"), v.password()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(v.userIdForSrp())
        .hasMessageContaining("SRP_B is 0 mod N");
  }

  @Test
  @DisplayName("spec §9.4: B = N and B = 2N (≡ 0 mod N) are rejected")
  void rejectsMultipleOfN() {
    Vector v = vectors().get(0);
    for (String srpB : List.of(SrpMath.N.toString(16), SrpMath.N.shiftLeft(1).toString(16))) {
      SrpLogin login = client(v.a(), Instant.EPOCH).begin();
      assertThatThrownBy(() -> login.respond(challenge(v, srpB), v.password()))
          .hasMessageContaining("SRP_B is 0 mod N");
    }
  }

  @Test
  @DisplayName("spec §9.4: a SRP_B that is not hex is rejected naming SRP_B")
  void rejectsMalformedB() {
    Vector v = vectors().get(0);
    SrpLogin login = client(v.a(), Instant.EPOCH).begin();

    assertThatThrownBy(() -> login.respond(challenge(v, "xyz"), v.password()))
        .hasMessageContaining("SRP_B is not a hex number");
  }

  @Test
  @DisplayName("spec §9.4: a pool id in place of the pool name is refused, naming the pool name to use")
  void refusesPoolIdAsPoolName() {
    assertThatThrownBy(() -> new PasswordVerifierChallenge("us-east-1_AbCd1234", "u", "1", "1", "AA=="))
        .hasMessageContaining("'AbCd1234'");
    assertThat(PasswordVerifierChallenge.poolNameOf("us-east-1_AbCd1234")).isEqualTo("AbCd1234");
  }

  @Test
  @DisplayName("house style: a fresh login draws a fresh a from the injected source")
  void drawsEachLoginFromTheRandomSource() {
    CognitoSrpClient client = CognitoSrpClient.create(new java.util.SplittableRandom(7), Clock.systemUTC());

    assertThat(client.begin().srpA()).isNotEqualTo(client.begin().srpA());
    assertThat(CognitoSrpClient.create(new java.util.SplittableRandom(7), Clock.systemUTC()).begin().srpA())
        .isEqualTo(CognitoSrpClient.create(new java.util.SplittableRandom(7), Clock.systemUTC()).begin().srpA());
  }

  private static CognitoSrpClient client(String aHex, Instant now) {
    return CognitoSrpClient.create(FixedRandom.ofHex(aHex), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static PasswordVerifierChallenge challenge(Vector v, String srpB) {
    return new PasswordVerifierChallenge(v.poolName(), v.userIdForSrp(), srpB, v.salt(), v.secretBlock());
  }
}
