package dev.portcullis.engine.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Signing keys derived from signingKeySeed: reproducible, well-formed RSA-2048 (spec §9.7 RS256). */
class DerivedRsaKeysTest {

  @Test
  void keysAreWellFormedRsa2048WithAThumbprintKid() throws Exception {
    RSAKey key = DerivedRsaKeys.derive("unit-seed", "oidc/test/signing/0");

    BigInteger n = key.getModulus().decodeToBigInteger();
    BigInteger p = key.getFirstPrimeFactor().decodeToBigInteger();
    BigInteger q = key.getSecondPrimeFactor().decodeToBigInteger();
    assertThat(n.bitLength()).isEqualTo(2048);
    assertThat(p.multiply(q)).isEqualTo(n);
    assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
    BigInteger message = BigInteger.valueOf(424242);
    BigInteger d = key.getPrivateExponent().decodeToBigInteger();
    BigInteger e = key.getPublicExponent().decodeToBigInteger();
    assertThat(message.modPow(d, n).modPow(e, n)).isEqualTo(message);
  }

  @Test
  void labelsAndSeedsGiveDifferentKeys() {
    RSAKey a = DerivedRsaKeys.derive("unit-seed", "oidc/test/signing/0");
    RSAKey b = DerivedRsaKeys.derive("unit-seed", "oidc/test/signing/1");
    RSAKey c = DerivedRsaKeys.derive("unit-seed-2", "oidc/test/signing/0");

    assertThat(a.getKeyID()).isNotEqualTo(b.getKeyID()).isNotEqualTo(c.getKeyID());
  }
}
