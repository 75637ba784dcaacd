package dev.portcullis.engine.rules.jwt;

import java.util.List;
import java.util.Map;

/**
 * What a Cognito or JWT authoriser concluded about a token.
 *
 * <p>TODO(merge h/jwt): a copy of the agreed contract so the pipeline compiles before the JWT
 * verifier lands; the h/jwt merge replaces this file with its own, identical in shape.
 */
public sealed interface TokenVerdict {

  /** The token is good: its claims and scopes reach the integration. */
  record Accepted(Map<String, Object> claims, List<String> scopes, List<TokenCheck> checks) implements TokenVerdict {}

  /**
   * The token is refused.
   *
   * @param decidedBy the id of the check that refused it, e.g. {@code jwt.audience}
   * @param message the message for the response body
   * @param wwwAuthenticate the HTTP API {@code www-authenticate} value, or null
   */
  record Refused(String decidedBy, String message, String wwwAuthenticate, Map<String, Object> claims,
      List<TokenCheck> checks) implements TokenVerdict {}
}
