package dev.portcullis.engine.rules.jwt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The outcome of verifying one token, with every check made on the way. */
public sealed interface TokenVerdict {

  /** The checks made, in order; the last one decided a refusal. */
  List<TokenCheck> checks();

  /**
   * The token passed every check.
   *
   * @param claims the verified claims as JSON values (numbers for {@code exp}/{@code iat}, lists for arrays);
   *     see {@link ClaimRendering} for how each flavour hands them to the integration
   * @param scopes the scopes the token grants ({@code scope} split on spaces, plus {@code scp});
   *     empty for a Cognito ID token
   */
  record Accepted(Map<String, Object> claims, List<String> scopes, List<TokenCheck> checks) implements TokenVerdict {
    public Accepted {
      claims = frozen(claims);
      scopes = List.copyOf(scopes);
      checks = List.copyOf(checks);
    }
  }

  /**
   * The token was refused.
   *
   * @param decidedBy the id of the check that failed, such as {@code jwt.audience}
   * @param message one sentence for the trace, naming the subject and what was compared
   * @param wwwAuthenticate the {@code www-authenticate} value AWS sends, or null (REST sends none;
   *     for an HTTP API scope refusal it is undocumented)
   * @param claims the token's claims, unverified unless the signature check passed; empty when the
   *     token could not be decoded
   */
  record Refused(String decidedBy, String message, String wwwAuthenticate, Map<String, Object> claims,
      List<TokenCheck> checks) implements TokenVerdict {
    public Refused {
      Objects.requireNonNull(decidedBy, "decidedBy");
      Objects.requireNonNull(message, "message");
      claims = frozen(claims);
      checks = List.copyOf(checks);
    }
  }

  // JSON claims may hold null values, which Map.copyOf refuses.
  private static Map<String, Object> frozen(Map<String, Object> claims) {
    return claims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
  }
}
