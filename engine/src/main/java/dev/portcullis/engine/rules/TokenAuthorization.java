package dev.portcullis.engine.rules;

import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import dev.portcullis.engine.rules.jwt.ClaimRendering;
import dev.portcullis.engine.rules.jwt.CognitoIssuers;
import dev.portcullis.engine.rules.jwt.GatewayAnswer;
import dev.portcullis.engine.rules.jwt.TokenAuthorizer;
import dev.portcullis.engine.rules.jwt.TokenCheck;
import dev.portcullis.engine.rules.jwt.TokenVerdict;
import dev.portcullis.engine.store.Variables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cognito user-pool (REST, spec §2) and JWT (HTTP, spec §3) authorisers: the pipeline finds the
 * token and records the checks; the {@link TokenAuthorizer} verifies, and {@link GatewayAnswer} says what
 * API Gateway answers for a refusal in each flavour.
 */
final class TokenAuthorization {
  private final TokenAuthorizer port;
  private final Variables variables;

  TokenAuthorization(TokenAuthorizer port, Variables variables) {
    this.port = port;
    this.variables = variables;
  }

  /** The verifier it asks, with its key caches ({@link Pipeline.Builder#sharingKeysWith}). */
  TokenAuthorizer port() {
    return port;
  }

  Optional<Denied> cognito(PipelineState ex, Authorizer.Cognito auth) {
    String token = IdentitySources.value(ex, auth.identitySource());
    if (token == null) {
      ex.fail("cognito.identitySource", auth.identitySource() + " is missing or empty; 401 (spec §2, failure modes)");
      return Optional.of(GatewayResponses.unauthorized(ex, "cognito.identitySource"));
    }
    ex.pass("cognito.identitySource", auth.identitySource() + " carries " + Masking.mask(token));
    String where = "gateway '" + ex.gateway.name() + "', authoriser '" + auth.name() + "'";
    List<String> issuers = CognitoIssuers.of(auth).stream().map(issuer -> variables.apply(issuer, where)).toList();
    TokenVerdict verdict = port.cognito(token, issuers, ex.match.route().scopes());
    return switch (verdict) {
      case TokenVerdict.Accepted accepted -> {
        record(ex, accepted.checks());
        Optional<Denied> refused = validateAudience(ex, auth, accepted.claims().get("aud"));
        if (refused.isPresent()) {
          yield refused;
        }
        ex.grant = new Grant.Token(ClaimRendering.rest(accepted.claims()), null);
        yield Optional.empty();
      }
      case TokenVerdict.Refused refused -> Optional.of(refuse(ex, refused, answer(ex, refused, GatewayAnswer.rest(refused))));
    };
  }

  /**
   * A Cognito authoriser's identityValidationExpression is matched against the token's {@code aud}: a token
   * without one (an access token) or one that does not match is refused with 401 (spec §2).
   */
  private static Optional<Denied> validateAudience(PipelineState ex, Authorizer.Cognito auth, Object aud) {
    String regex = auth.identityValidationExpression();
    if (regex == null) {
      return Optional.empty();
    }
    List<String> audiences = aud == null ? List.of() : aud instanceof List<?> l ? l.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(aud));
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
    if (audiences.stream().anyMatch(a -> pattern.matcher(a).matches())) {
      ex.pass("cognito.validationExpression", "the token's aud " + audiences + " matches identityValidationExpression " + regex);
      return Optional.empty();
    }
    ex.fail("cognito.validationExpression", (audiences.isEmpty()
        ? "the token has no aud (an access token), so identityValidationExpression " + regex + " rejects it"
        : "the token's aud " + audiences + " does not match identityValidationExpression " + regex)
        + "; 401 (spec §2)");
    return Optional.of(GatewayResponses.unauthorized(ex, "cognito.validationExpression"));
  }

  Optional<Denied> jwt(PipelineState ex, Authorizer.Jwt auth) {
    String token = IdentitySources.value(ex, auth.identitySource());
    if (token == null) {
      ex.fail("jwt.identitySource", auth.identitySource() + " is missing or empty; 401 with www-authenticate: Bearer "
          + "(spec §3 step 1; the header value without a description follows the yulin emulator [EMU])");
      return Optional.of(GatewayResponses.deny(ex, 401, "UNAUTHORIZED", null, GatewayResponses.message("Unauthorized"),
          "jwt.identitySource", Map.of("www-authenticate", "Bearer")));
    }
    ex.pass("jwt.identitySource", auth.identitySource() + " carries " + Masking.mask(token));
    String where = "gateway '" + ex.gateway.name() + "', authoriser '" + auth.name() + "'";
    String issuer = variables.apply(auth.issuer(), where);
    // an audience may be a variable too: the app client id of the environment's own pool
    List<String> audiences = auth.audiences().stream().map(a -> variables.apply(a, where + " audience")).toList();
    List<String> scopes = ex.match.route().scopes();
    TokenVerdict verdict = port.jwt(token, issuer, audiences, scopes);
    return switch (verdict) {
      case TokenVerdict.Accepted accepted -> {
        record(ex, accepted.checks());
        // AWS sends scopes only when the route requires some (spec §3, observed).
        ex.grant = new Grant.Token(ClaimRendering.httpApi(accepted.claims()), ClaimRendering.httpApiScopes(accepted.scopes(), scopes));
        yield Optional.empty();
      }
      case TokenVerdict.Refused refused -> Optional.of(refuse(ex, refused, answer(ex, refused, GatewayAnswer.httpApi(refused))));
    };
  }

  /** API Gateway's answer for a refused token, as {@link GatewayAnswer} has it for the flavour (spec §1.2, §1.3). */
  private static Denied answer(PipelineState ex, TokenVerdict.Refused refused, GatewayAnswer a) {
    Map<String, String> headers = a.wwwAuthenticate() == null ? Map.of() : Map.of("www-authenticate", a.wwwAuthenticate());
    String type = a.gatewayResponseType() != null ? a.gatewayResponseType() : (a.status() == 403 ? "ACCESS_DENIED" : "UNAUTHORIZED");
    return GatewayResponses.deny(ex, a.status(), type, a.errorType(), a.body(), refused.decidedBy(), headers);
  }

  private static Denied refuse(PipelineState ex, TokenVerdict.Refused refused, Denied denial) {
    record(ex, refused.checks());
    boolean named = refused.checks().stream().anyMatch(c -> c.id().equals(refused.decidedBy()) && !c.passed());
    if (!named) {
      ex.fail(refused.decidedBy(), refused.message());
    }
    return denial;
  }

  private static void record(PipelineState ex, List<TokenCheck> checks) {
    checks.forEach(c -> ex.checks.add(new Ruling.Check(c.id(), c.passed(), c.evidence())));
  }


}
