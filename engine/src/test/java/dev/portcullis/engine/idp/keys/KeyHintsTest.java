package dev.portcullis.engine.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a derived key's prime search ended: a later run gets the very key the search gives. */
class KeyHintsTest {

  @Test
  void aSearchLeavesAHintThatGivesTheSameKey(@TempDir Path dir) {
    KeyHints hints = new KeyHints(dir);

    RSAKey searched = DerivedRsaKeys.generate("hint-seed", "oidc/hinted/signing/0", hints);
    RSAKey hinted = DerivedRsaKeys.generate("hint-seed", "oidc/hinted/signing/0", new KeyHints(dir));

    assertThat(hints.find("hint-seed", "oidc/hinted/signing/0")).isPresent();
    assertThat(hinted.toJSONString()).isEqualTo(searched.toJSONString());
    assertThat(hinted.getKeyID()).isEqualTo(DerivedRsaKeys.derive("hint-seed", "oidc/hinted/signing/0").getKeyID());
  }

  @Test
  void aHintThatPointsAtNoPrimeIsIgnoredAndReplaced(@TempDir Path dir) {
    KeyHints hints = new KeyHints(dir);
    RSAKey searched = DerivedRsaKeys.generate("hint-seed", "oidc/damaged/signing/0", hints);
    KeyHints.Hint good = hints.find("hint-seed", "oidc/damaged/signing/0").orElseThrow();
    // an even distance from an odd candidate lands on an odd number; one more makes it even, never prime
    hints.put("hint-seed", "oidc/damaged/signing/0", new KeyHints.Hint(good.pDraw(), good.pOffset() + 1, good.qDraw(), good.qOffset()));

    RSAKey again = DerivedRsaKeys.generate("hint-seed", "oidc/damaged/signing/0", hints);

    assertThat(again.toJSONString()).isEqualTo(searched.toJSONString());
    assertThat(hints.find("hint-seed", "oidc/damaged/signing/0")).contains(good);
  }

  @Test
  void aFileThatIsNotHintsMeansASearch(@TempDir Path dir) throws Exception {
    KeyHints hints = new KeyHints(dir);
    RSAKey searched = DerivedRsaKeys.generate("hint-seed", "oidc/garbled/signing/0", hints);
    String text = Files.readString(dir.resolve("derived-key-hints.txt"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("derived-key-hints.txt"), text.replaceAll(" \\d+ \\d+ \\d+ \\d+", " -3 x 0"), StandardCharsets.UTF_8);

    assertThat(hints.find("hint-seed", "oidc/garbled/signing/0")).isEmpty();
    assertThat(DerivedRsaKeys.generate("hint-seed", "oidc/garbled/signing/0", hints).toJSONString()).isEqualTo(searched.toJSONString());
  }

  @Test
  void theFileNamesNeitherSeedNorLabelNorAnyKeyNumber(@TempDir Path dir) throws Exception {
    RSAKey key = DerivedRsaKeys.generate("secret-looking-seed", "cognito/us-east-1_Hint01/id/0", new KeyHints(dir));

    String text = Files.readString(dir.resolve("derived-key-hints.txt"), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("secret-looking-seed").doesNotContain("Hint01")
        .doesNotContain(key.getModulus().decodeToBigInteger().toString())
        .doesNotContain(key.getFirstPrimeFactor().decodeToBigInteger().toString());
    assertThat(text.strip().split(" ")).hasSize(5);
  }
}
