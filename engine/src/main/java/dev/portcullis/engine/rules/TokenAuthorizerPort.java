package dev.portcullis.engine.rules;

import dev.portcullis.engine.rules.jwt.TokenVerdict;
import java.util.List;

/**
 * The seam between the rule book and token verification (the {@code rules.jwt} package): the
 * pipeline decides where the token comes from and what a verdict means for the response; the port
 * verifies signature, issuer, audience, expiry and scopes.
 *
 * <p>Adapt the JWT verifier here once it is merged, e.g. {@code TokenAuthorizerPort.of(verifier::jwt,
 * verifier::cognito)} or an adapter class, so the pipeline does not depend on its construction.
 */
public interface TokenAuthorizerPort {

  /** HTTP API {@code JWT} authoriser (spec §3). */
  TokenVerdict jwt(String identityValue, String issuer, List<String> audiences, List<String> routeScopes);

  /** REST {@code COGNITO_USER_POOLS} authoriser (spec §2). */
  TokenVerdict cognito(String identityValue, List<String> issuers, List<String> methodScopes);

  /** Used until a verifier is plugged in: refuses every token and says why, rather than guessing. */
  static TokenAuthorizerPort unavailable() {
    return new TokenAuthorizerPort() {
      @Override
      public TokenVerdict jwt(String identityValue, String issuer, List<String> audiences, List<String> routeScopes) {
        return refuse("jwt.verifier");
      }

      @Override
      public TokenVerdict cognito(String identityValue, List<String> issuers, List<String> methodScopes) {
        return refuse("cognito.verifier");
      }

      private TokenVerdict refuse(String id) {
        String why = "no token verifier is configured in this build, so the token was not checked";
        return new TokenVerdict.Refused(id, "Unauthorized", "Bearer", java.util.Map.of(),
            List.of(new dev.portcullis.engine.rules.jwt.TokenCheck(id, false, why)));
      }
    };
  }
}
