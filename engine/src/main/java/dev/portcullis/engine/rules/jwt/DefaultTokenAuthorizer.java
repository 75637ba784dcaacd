package dev.portcullis.engine.rules.jwt;

import java.time.Clock;
import java.util.List;

/** {@link TokenAuthorizer#create}: each call is one verification with the time read once. */
final class DefaultTokenAuthorizer implements TokenAuthorizer {
  private final JwksSource jwks;
  private final Clock clock;
  private final VerifiedSignatures signatures = new VerifiedSignatures();

  DefaultTokenAuthorizer(JwksSource jwks, Clock clock) {
    this.jwks = jwks;
    this.clock = clock;
  }

  @Override
  public TokenVerdict jwt(String identityValue, String issuer, List<String> audiences, List<String> routeScopes) {
    return new JwtVerification(jwks, signatures, clock.instant(), identityValue, issuer, orEmpty(audiences),
        orEmpty(routeScopes)).run();
  }

  @Override
  public TokenVerdict cognito(String identityValue, List<String> issuers, List<String> methodScopes) {
    return new CognitoVerification(jwks, signatures, clock.instant(), identityValue, orEmpty(issuers),
        orEmpty(methodScopes)).run();
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
