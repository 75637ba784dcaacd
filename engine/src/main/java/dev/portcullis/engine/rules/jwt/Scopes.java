package dev.portcullis.engine.rules.jwt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Scopes a token grants and the any-of match (apigw-facts §2 and §3). */
final class Scopes {
  /** Compiled once: {@code String.split} compiled it on every request (a JFR allocation hot spot). */
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Scopes() {}

  /**
   * {@code scope} split on spaces (OAuth 2.0 form, Cognito) and {@code scp} as an array (Okta) or a
   * space-separated string (Entra ID). AWS names "scope or scp" without saying which wins; a token
   * carrying both grants the union here.
   */
  static List<String> granted(Map<String, Object> claims) {
    Set<String> scopes = new LinkedHashSet<>();
    addAll(scopes, claims.get("scope"));
    addAll(scopes, claims.get("scp"));
    return List.copyOf(scopes);
  }

  private static void addAll(Set<String> scopes, Object claim) {
    if (claim instanceof String text) {
      for (String s : SPACES.split(text.trim())) {
        if (!s.isEmpty()) {
          scopes.add(s);
        }
      }
    } else if (claim instanceof List<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
    }
  }

  static Outcome anyOf(List<String> granted, List<String> required, String requiredBy) {
    List<String> common = new ArrayList<>(granted);
    common.retainAll(required);
    if (common.isEmpty()) {
      return Outcome.fail("token scopes " + granted + " contain none of " + requiredBy + " scopes " + required);
    }
    return Outcome.pass("token scopes " + granted + " include " + common + " of " + requiredBy + " scopes " + required);
  }
}
