package dev.portcullis.engine.rules.jwt;

import dev.portcullis.engine.testing.MutableClock;

import static dev.portcullis.engine.rules.jwt.Tokens.K1;
import static dev.portcullis.engine.rules.jwt.Tokens.K2;
import static dev.portcullis.engine.rules.jwt.Tokens.NOW;
import static dev.portcullis.engine.rules.jwt.Tokens.claims;
import static dev.portcullis.engine.rules.jwt.Tokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A signature remembered as verified is only ever reused for the very same token and key. */
class VerifiedSignaturesTest {
  private final VerifiedSignatures signatures = new VerifiedSignatures();

  private static ParsedToken parsed(String token) {
    return ParsedToken.parse(token);
  }

  @Test
  void verifiesTheSameTokenAgainWhenAskedWithAnotherKey() throws Exception {
    String token = rs256(K1, claims("https://issuer.example").build());
    assertThat(signatures.verify(parsed(token), K1.toRSAPublicKey())).isTrue();
    assertThat(signatures.verify(parsed(token), K2.toRSAPublicKey())).isFalse();
  }

  @Test
  void verifiesAgainWhenTheKeySetWasRefetched() throws Exception {
    String token = rs256(K1, claims("https://issuer.example").build());
    RSAKey sameKeyRefetched = RSAKey.parse(K1.toPublicJWK().toJSONString());
    assertThat(signatures.verify(parsed(token), K1.toRSAPublicKey())).isTrue();
    assertThat(signatures.verify(parsed(token), sameKeyRefetched.toRSAPublicKey())).isTrue();
  }

  @Test
  void neverRemembersAFailure() throws Exception {
    String token = rs256(K2, claims("https://issuer.example").build());
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + rs256(K1, claims("x").build()).split("\\.")[2];
    assertThat(signatures.verify(parsed(forged), K2.toRSAPublicKey())).isFalse();
    assertThat(signatures.verify(parsed(forged), K2.toRSAPublicKey())).isFalse();
    assertThat(signatures.verify(parsed(token), K2.toRSAPublicKey())).isTrue();
  }

  @Test
  void aRememberedTokenIsStillRefusedOnceItExpires() throws Exception {
    try (TestIssuer idp = new TestIssuer().publish(K1)) {
      MutableClock clock = new MutableClock(NOW);
      TokenAuthorizer authorizer = TokenAuthorizer.create(JwksSource.http(clock), clock);
      String token = rs256(K1, claims(idp.issuer()).audience("aud").build());

      assertThat(authorizer.jwt(token, idp.issuer(), List.of("aud"), List.of())).isInstanceOf(TokenVerdict.Accepted.class);
      clock.advance(Duration.ofHours(2));

      assertThat(authorizer.jwt(token, idp.issuer(), List.of("aud"), List.of()))
          .isInstanceOfSatisfying(TokenVerdict.Refused.class, r -> assertThat(r.decidedBy()).isEqualTo("jwt.expiry"));
    }
  }
}
