package dev.portcullis.engine.rules.jwt;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Verifies bearer tokens the way API Gateway's token authorisers do. Calls block while keys are
 * fetched (at most 1.5 s per request for a JWT authoriser) and may run on any thread.
 */
public interface TokenAuthorizer {

  /** An authoriser that takes keys from {@code jwks} and the current time from {@code clock}. */
  static TokenAuthorizer create(JwksSource jwks, Clock clock) {
    return create(jwks, jwks, clock);
  }

  /**
   * An authoriser whose JWT (HTTP API) and Cognito (REST) checks take keys from different sources,
   * since AWS's key-fetch quotas apply to the first only (apigw-facts §3).
   */
  static TokenAuthorizer create(JwksSource jwtKeys, JwksSource cognitoKeys, Clock clock) {
    return new DefaultTokenAuthorizer(Objects.requireNonNull(jwtKeys, "jwtKeys"),
        Objects.requireNonNull(cognitoKeys, "cognitoKeys"), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * HTTP API JWT authoriser (apigw-facts §3), checks in AWS's documented order: identity source,
   * format, kid (fetching keys), algorithm (RSA only), signature, issuer, audience (aud, else
   * client_id), expiry (exp, nbf, iat), scopes.
   *
   * @param identityValue the raw identity-source value ("Bearer x" or just "x"); null when absent
   * @param routeScopes the route's authorizationScopes; empty means any valid token will do
   */
  TokenVerdict jwt(String identityValue, String issuer, List<String> audiences, List<String> routeScopes);

  /**
   * REST Cognito user-pool authoriser (apigw-facts §2).
   *
   * @param identityValue the raw identity-source value; null when absent
   * @param issuers pool issuer URLs, see {@link CognitoIssuers}
   * @param methodScopes empty: an ID token is expected; otherwise an access token granting any of them
   */
  TokenVerdict cognito(String identityValue, List<String> issuers, List<String> methodScopes);

  /**
   * The JWT authoriser's checks (as {@link #jwt}, no route scopes) for a tool that knows only part
   * of an authoriser, with a second opinion: when API Gateway refuses a token that a generic JOSE
   * library accepts (ES256, an issuer differing by a trailing slash), {@link TokenReport#joseNote}
   * says so and why. Keys come from this authoriser's {@link JwksSource}.
   *
   * @param issuer the expected issuer; null not to compare iss (keys from a JWKS URL or pasted)
   * @param audiences the expected audiences; null not to compare aud / client_id
   */
  TokenReport report(String token, String issuer, List<String> audiences);
}
