package dev.portcullis.engine.identity.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

  // RFC 6238 Appendix B's SHA1 seed, the ASCII bytes "12345678901234567890", in Base32 (RFC 4648).
  private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @ParameterizedTest(name = "T = {0} s -> {1}")
  @CsvSource({
      "59, 94287082",
      "1111111109, 07081804",
      "1111111111, 14050471",
      "1234567890, 89005924",
      "2000000000, 69279037",
      "20000000000, 65353130",
  })
  @DisplayName("RFC 6238 Appendix B: the SHA1 test vectors, 8 digits, 30 s step")
  void matchesRfc6238Vectors(long epochSecond, String expected) {
    Totp totp = new Totp(8, Duration.ofSeconds(30));

    assertThat(totp.code(RFC_SECRET, Instant.ofEpochSecond(epochSecond))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "T = {0} s -> {1}")
  @CsvSource({
      // T = 59 s is counter 1, T = 89 s counter 2, T = 299 s counter 9:
      // RFC 4226 Appendix D, HOTP values for counters 1, 2 and 9 of the same seed.
      "59, 287082",
      "89, 359152",
      "299, 520489",
  })
  @DisplayName("spec §9.2 SOFTWARE_TOKEN_MFA: Cognito's 6-digit codes (RFC 4226 Appendix D values)")
  void matchesSixDigitVectors(long epochSecond, String expected) {
    assertThat(Totp.cognito().code(RFC_SECRET, Instant.ofEpochSecond(epochSecond))).isEqualTo(expected);
  }

  @Test
  @DisplayName("RFC 6238 §5.2: a code is accepted one step early or late, not two")
  void verifiesWithinOneStep() {
    Totp totp = Totp.cognito();
    Instant at = Instant.ofEpochSecond(1_111_111_111L);
    String code = totp.code(RFC_SECRET, at);

    assertThat(totp.verify(RFC_SECRET, code, at)).isTrue();
    assertThat(totp.verify(RFC_SECRET, code, at.plusSeconds(30))).isTrue();
    assertThat(totp.verify(RFC_SECRET, code, at.minusSeconds(30))).isTrue();
    assertThat(totp.verify(RFC_SECRET, code, at.plusSeconds(60))).isFalse();
    assertThat(totp.verify(RFC_SECRET, code, at.minusSeconds(60))).isFalse();
  }

  @Test
  @DisplayName("RFC 6238: a wrong, short or non-numeric code is refused")
  void refusesWrongCodes() {
    Totp totp = Totp.cognito();
    Instant at = Instant.ofEpochSecond(59);

    assertThat(totp.verify(RFC_SECRET, "287083", at)).isFalse();
    assertThat(totp.verify(RFC_SECRET, "87082", at)).isFalse();
    assertThat(totp.verify(RFC_SECRET, "28708a", at)).isFalse();
    assertThat(totp.verify(RFC_SECRET, null, at)).isFalse();
  }

  @Test
  @DisplayName("Base32 secrets are read as authenticator apps read them: any case, spaces, padding")
  void readsSecretsLeniently() {
    Instant at = Instant.ofEpochSecond(59);

    assertThat(Totp.cognito().code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq====", at)).isEqualTo("287082");
  }

  @Test
  @DisplayName("a secret that is not Base32 is named with the bad character")
  void namesBadSecret() {
    assertThatThrownBy(() -> Totp.cognito().code("GEZDGNB1", Instant.EPOCH))
        .hasMessageContaining("not Base32").hasMessageContaining("'1'");
  }

  @Test
  @DisplayName("digits are 6 to 8 (RFC 4226 §5.3)")
  void refusesOtherDigitCounts() {
    assertThatThrownBy(() -> new Totp(5, Duration.ofSeconds(30))).hasMessageContaining("got 5");
    assertThatThrownBy(() -> new Totp(9, Duration.ofSeconds(30))).hasMessageContaining("got 9");
  }
}
