package dev.portcullis.engine.idp;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

/**
 * Verifies a token as a relying party would (spec §3): discovery document at
 * {@code {iss}/.well-known/openid-configuration}, JWKS from its {@code jwks_uri}, RS256, exact
 * {@code iss}, and time claims against the test clock instead of the wall clock.
 */
public final class JwksVerifier {
  private JwksVerifier() {}

  /** The discovery document, resolved (and its issuer checked) by nimbus. */
  public static OIDCProviderMetadata discover(String issuer) throws Exception {
    return OIDCProviderMetadata.resolve(new Issuer(issuer));
  }

  /** The issuer's published keys, fetched over HTTP from the discovery document's jwks_uri. */
  public static JWKSet jwks(String issuer) throws Exception {
    return JWKSet.load(discover(issuer).getJWKSetURI().toURL());
  }

  /** The token's claims if it verifies; throws nimbus's rejection otherwise. */
  public static JWTClaimsSet verify(String token, String issuer, Clock clock) throws Exception {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks(issuer))));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iat")) {
      @Override
      protected Date currentTime() {
        return Date.from(clock.instant());
      }
    });
    return processor.process(token, null);
  }
}
