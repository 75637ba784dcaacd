package dev.portcullis.engine.identity.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SrpMathTest {

  @ParameterizedTest(name = "padHex({0}) = {1}")
  @CsvSource({
      "0, 00",
      "1, 01",
      "7f, 7f",
      "80, 0080",
      "abc, 0abc",
      "8bc, 08bc",
      "1234, 1234",
      "ff00, 00ff00",
      "0fff, 0fff",
  })
  @DisplayName("spec §9.4: padHex pads to even length and prefixes 00 when the first nibble is 8..f")
  void padsHexLikeAmplify(String hex, String padded) {
    assertThat(SrpMath.padHex(new BigInteger(hex, 16))).isEqualTo(padded);
  }

  @Test
  @DisplayName("spec §9.4: padHex of N starts with 00 because N's top bit is set")
  void padsN() {
    assertThat(SrpMath.padHex(SrpMath.N)).startsWith("00ffffffffffffffffc90f").hasSize(770);
  }

  @Test
  @DisplayName("spec §9.4: k = H(padHex(N) + padHex(g)), i.e. SHA-256 of the hex string 00‖N‖02 (pycognito's form)")
  void derivesK() throws Exception {
    // pycognito's spelling: hex_hash("00" + N_HEX + "0" + G_HEX), through string concatenation, not toByteArray.
    String hex = "00" + SrpMath.N.toString(16) + "0" + "2";
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(hex));

    assertThat(SrpMath.K).isEqualTo(new BigInteger(1, digest));
  }

  @Test
  @DisplayName("spec §9.4: negative values are not SRP values")
  void refusesNegative() {
    assertThatThrownBy(() -> SrpMath.padHex(BigInteger.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SrpMath.parseHex("SALT", "-1f")).hasMessageContaining("SALT is negative");
  }
}
