package dev.portcullis.engine.idp.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.cognito.CognitoTimestamp;
import dev.portcullis.engine.identity.cognito.SrpMath;
import dev.portcullis.engine.identity.cognito.SrpVectors;
import dev.portcullis.engine.identity.cognito.SrpVectors.Vector;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CognitoSrpServerTest {

  private final CognitoSrpServer server = CognitoSrpServer.create(new SplittableRandom(1));

  static List<Vector> vectors() {
    return SrpVectors.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @DisplayName("spec §9.4: SRP_B from b and the verifier of password and salt equals cognito-srp's")
  void computesSrpBOfPublishedVector(Vector v) {
    ServerEphemeral ephemeral = ServerEphemeral.of(new BigInteger(v.b(), 16), credential(v, v.password()));

    assertThat(ephemeral.srpBHex()).isEqualTo(v.srpB());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @DisplayName("spec §9.4: the published PASSWORD_CLAIM_SIGNATURE verifies")
  void verifiesPublishedSignature(Vector v) {
    ClaimVerdict verdict = server.verify(credential(v, v.password()), ephemeral(v), claim(v, v.timestamp()));

    assertThat(verdict).isEqualTo(new ClaimVerdict.Verified(CognitoTimestamp.parse(v.timestamp())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @DisplayName("spec §9.4: the published signature is rejected for a user whose password differs")
  void rejectsPublishedSignatureForOtherPassword(Vector v) {
    SrpCredential other = credential(v, v.password() + "x");
    ServerEphemeral ephemeral = ServerEphemeral.of(new BigInteger(v.b(), 16), other);

    ClaimVerdict verdict = server.verify(other, ephemeral, claim(v, v.timestamp()));

    assertThat(verdict).isInstanceOfSatisfying(ClaimVerdict.Rejected.class, r -> assertThat(r.reason())
        .contains(v.userIdForSrp()).contains("PASSWORD_CLAIM_SIGNATURE does not match"));
  }

  @Test
  @DisplayName("spec §9.4: the signature covers TIMESTAMP: a different second is rejected")
  void rejectsChangedTimestamp() {
    Vector v = vectors().get(0);

    ClaimVerdict verdict = server.verify(
        credential(v, v.password()), ephemeral(v), claim(v, v.timestamp().replace(":05 ", ":06 ")));

    assertThat(verdict.verified()).isFalse();
  }

  @Test
  @DisplayName("spec §9.4: a TIMESTAMP not in Cognito's format is rejected with the reason")
  void rejectsMalformedTimestamp() {
    Vector v = vectors().get(0);

    ClaimVerdict verdict = server.verify(credential(v, v.password()), ephemeral(v), claim(v, "2024-01-02T03:04:05Z"));

    assertThat(verdict).isInstanceOfSatisfying(ClaimVerdict.Rejected.class, r -> assertThat(r.reason())
        .contains(v.userIdForSrp()).contains("TIMESTAMP"));
  }

  @Test
  @DisplayName("spec §9.4: SRP_A ≡ 0 mod N is rejected (it would make S = 0 without the password)")
  void rejectsZeroA() {
    Vector v = vectors().get(0);
    for (BigInteger a : List.of(BigInteger.ZERO, SrpMath.N, SrpMath.N.shiftLeft(1))) {
      ClaimToVerify claim = new ClaimToVerify(a.toString(16), v.secretBlock(), v.timestamp(), v.signature());

      ClaimVerdict verdict = server.verify(credential(v, v.password()), ephemeral(v), claim);

      assertThat(verdict).isInstanceOfSatisfying(ClaimVerdict.Rejected.class,
          r -> assertThat(r.reason()).contains("SRP_A is 0 mod N"));
    }
  }

  @Test
  @DisplayName("spec §9.4: malformed SRP_A or signature is a rejection naming the parameter, not an exception")
  void rejectsMalformedValues() {
    Vector v = vectors().get(0);
    SrpCredential credential = credential(v, v.password());

    ClaimVerdict badA = server.verify(credential, ephemeral(v),
        new ClaimToVerify("not-hex", v.secretBlock(), v.timestamp(), v.signature()));
    ClaimVerdict badSignature = server.verify(credential, ephemeral(v),
        new ClaimToVerify(v.srpA(), v.secretBlock(), v.timestamp(), "***"));

    assertThat(badA).isInstanceOfSatisfying(ClaimVerdict.Rejected.class,
        r -> assertThat(r.reason()).contains("SRP_A is not a hex number"));
    assertThat(badSignature).isInstanceOfSatisfying(ClaimVerdict.Rejected.class,
        r -> assertThat(r.reason()).contains("PASSWORD_CLAIM_SIGNATURE is not Base64"));
  }

  @Test
  @DisplayName("house style: salts and b come from the injected source, 16 and 128 bytes")
  void drawsSaltAndBFromTheRandomSource() {
    SrpCredential first = CognitoSrpServer.create(new SplittableRandom(9)).enroll("Pool", "user", "pw");
    SrpCredential again = CognitoSrpServer.create(new SplittableRandom(9)).enroll("Pool", "user", "pw");
    ServerEphemeral ephemeral = server.challenge(first);

    assertThat(first).isEqualTo(again);
    assertThat(first.salt()).hasSize(32);
    assertThat(ephemeral.b().bitLength()).isBetween(1000, 1024);
    assertThat(ephemeral).isEqualTo(ServerEphemeral.of(ephemeral.b(), first));
  }

  @Test
  @DisplayName("secrets stay out of logs: toString hides b and the verifier")
  void hidesSecretsInToString() {
    SrpCredential credential = server.enroll("Pool", "user", "pw");
    ServerEphemeral ephemeral = server.challenge(credential);

    assertThat(credential.toString()).doesNotContain(credential.verifier().toString(16).substring(0, 20));
    assertThat(ephemeral.toString()).doesNotContain(ephemeral.b().toString(16).substring(0, 20));
  }

  private static SrpCredential credential(Vector v, String password) {
    return SrpCredential.derive(v.poolName(), v.userIdForSrp(), password, v.salt());
  }

  private static ServerEphemeral ephemeral(Vector v) {
    return ServerEphemeral.of(new BigInteger(v.b(), 16), credential(v, v.password()));
  }

  private static ClaimToVerify claim(Vector v, String timestamp) {
    return new ClaimToVerify(v.srpA(), v.secretBlock(), timestamp, v.signature());
  }
}
