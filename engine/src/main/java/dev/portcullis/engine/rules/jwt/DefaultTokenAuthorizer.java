package dev.portcullis.engine.rules.jwt;

import java.time.Clock;
import java.util.List;

/** {@link TokenAuthorizer#create}: each call is one verification with the time read once. */
final class DefaultTokenAuthorizer implements TokenAuthorizer {
  private final JwksSource jwks;
  private final JwksSource cognitoKeys;
  private final Clock clock;
  private final ParsedTokens tokens = new ParsedTokens();
  private final VerifiedSignatures signatures = new VerifiedSignatures();

  DefaultTokenAuthorizer(JwksSource jwks, JwksSource cognitoKeys, Clock clock) {
    this.jwks = jwks;
    this.cognitoKeys = cognitoKeys;
    this.clock = clock;
  }

  @Override
  public TokenVerdict jwt(String identityValue, String issuer, List<String> audiences, List<String> routeScopes) {
    return new JwtVerification(jwks, tokens, signatures, clock.instant(), identityValue, issuer, orEmpty(audiences),
        orEmpty(routeScopes)).run();
  }

  @Override
  public TokenVerdict cognito(String identityValue, List<String> issuers, List<String> methodScopes) {
    return new CognitoVerification(cognitoKeys, tokens, signatures, clock.instant(), identityValue, orEmpty(issuers),
        orEmpty(methodScopes)).run();
  }

  @Override
  public TokenReport report(String token, String issuer, List<String> audiences) {
    java.time.Instant now = clock.instant();
    TokenVerdict gateway = new JwtVerification(jwks, tokens, signatures, now, token, issuer, audiences, List.of(),
        JwtVerification.Rules.GATEWAY).run();
    if (!(gateway instanceof TokenVerdict.Refused refused) || !JoseDifference.possible(refused)) {
      return new TokenReport(gateway, "");
    }
    TokenVerdict jose = new JwtVerification(jwks, tokens, signatures, now, token, issuer, audiences, List.of(),
        JwtVerification.Rules.JOSE).run();
    return new TokenReport(gateway, jose instanceof TokenVerdict.Accepted ? JoseDifference.note(refused, token, issuer) : "");
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
