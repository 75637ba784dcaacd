package dev.portcullis.engine.rules.jwt;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How verified claims reach the integration. Both flavours flatten claims to strings; the shapes
 * below are observed, not documented by AWS (apigw-facts §2 and §3, [OBS]), so a trace showing them
 * should say so.
 */
public final class ClaimRendering {
  private static final Set<String> REST_DATE_CLAIMS = Set.of("exp", "iat");
  private static final DateTimeFormatter JAVA_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private ClaimRendering() {}

  /**
   * HTTP API {@code requestContext.authorizer.jwt.claims} (payload 2.0; {@code authorizer.claims} in
   * 1.0): a string map with numbers as decimal strings and arrays as {@code "[a b]"}.
   */
  public static Map<String, String> httpApi(Map<String, Object> claims) {
    return render(claims, false);
  }

  /**
   * REST {@code requestContext.authorizer.claims} for a Cognito authoriser: strings throughout, and
   * {@code exp}/{@code iat} as Java dates ({@code "Fri Jul 29 18:52:53 UTC 2016"}) as captured in
   * 2016 to 2021; whether that still holds is an open question (§10 q8).
   */
  public static Map<String, String> rest(Map<String, Object> claims) {
    return render(claims, true);
  }

  /**
   * HTTP API {@code requestContext.authorizer.jwt.scopes}: null when the route has no
   * authorizationScopes, even if the token has a scope claim; otherwise the token's scopes.
   */
  public static List<String> httpApiScopes(List<String> tokenScopes, List<String> routeScopes) {
    return routeScopes == null || routeScopes.isEmpty() ? null : List.copyOf(tokenScopes);
  }

  private static Map<String, String> render(Map<String, Object> claims, boolean restDates) {
    Map<String, String> rendered = new LinkedHashMap<>();
    claims.forEach((name, value) -> {
      if (value != null) {
        boolean date = restDates && REST_DATE_CLAIMS.contains(name) && value instanceof Number;
        rendered.put(name, date ? JAVA_DATE.format(Instant.ofEpochSecond(((Number) value).longValue())) : text(value));
      }
    });
    return rendered;
  }

  @SuppressWarnings("unchecked")
  private static String text(Object value) {
    return switch (value) {
      case List<?> list -> list.stream().map(v -> v == null ? "null" : text(v)).collect(Collectors.joining(" ", "[", "]"));
      case Map<?, ?> map -> JSONObjectUtils.toJSONString((Map<String, ?>) map);
      default -> String.valueOf(value);
    };
  }
}
