package dev.portcullis.engine.rules.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A validly signed token with an unknown {@code crit} is refused for its crit, not as a bad signature (issue 12, item 10). */
class CritHeaderTest {
  @Test
  void theRefusalSaysCritAndThatTheSignatureItselfIsValid() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").criticalParams(Set.of("x-portcullis-test"))
        .customParam("x-portcullis-test", true).build();
    SignedJWT jwt = new SignedJWT(header, new JWTClaimsSet.Builder().subject("alice").build());
    jwt.sign(new RSASSASigner(key));
    ParsedToken token = ParsedToken.parse(jwt.serialize());

    Outcome outcome = Signatures.verify(token, SigningKey.rsa("k1", key.toRSAPublicKey()), new VerifiedSignatures());

    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.toString()).contains("crit [x-portcullis-test]").contains("signature with kid 'k1' is valid")
        .doesNotContain("does not verify");
  }
}
