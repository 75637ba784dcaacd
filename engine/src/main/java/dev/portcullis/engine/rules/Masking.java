package dev.portcullis.engine.rules;

import dev.portcullis.engine.mask.ValueMasking;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Masks credentials before a ruling leaves the process (house style 15), in the one format the
 * whole product uses ({@link dev.portcullis.engine.trace.Masking#mask}: first and last 4
 * characters): enough to tell two keys apart, not enough to reuse one.
 */
public final class Masking {
  private static final Set<String> SECRET_KEYS = Set.of("authorization", "x-api-key", "x-amz-security-token",
      "apikey", "authorizationtoken", "identitysource", "cookie", "cookies");

  private Masking() {}

  /** A copy of {@code json} with the values of credential-bearing keys masked, at any depth. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> mask(Map<String, Object> json) {
    Map<String, Object> out = new LinkedHashMap<>();
    json.forEach((key, value) -> out.put(key, SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT)) || ValueMasking.isCredentialName(key)
        ? maskAll(value) : walk(value)));
    return out;
  }

  /** A credential masked for evidence and ruling JSON, e.g. {@code loca****c3d4}. */
  public static String prefix(String value) {
    return value == null ? null : dev.portcullis.engine.trace.Masking.mask(value);
  }

  @SuppressWarnings("unchecked")
  private static Object walk(Object value) {
    if (value instanceof Map<?, ?> map) {
      return mask((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Masking::walk).toList();
    }
    return value instanceof String s ? ValueMasking.scrub(s, List.of()) : value; // a JWT in a path, ?api_key= in a query
  }

  private static Object maskAll(Object value) {
    if (value instanceof String s) {
      return prefix(s);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Masking::maskAll).toList();
    }
    return value == null ? null : "…";
  }
}
