package dev.portcullis.engine.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place secrets and tokens are masked. A masked value keeps its first and last 4
 * characters ({@code eyJh****X9aQ}) so a user can tell two tokens apart; values shorter than
 * {@value #SHORTEST_PARTIAL} are masked entirely, since showing 8 of 10 characters would reveal the
 * value. Masking is idempotent: a masked value masks to itself.
 *
 * <p>The scrubber masks, wherever they appear: the values of Authorization, x-api-key,
 * x-amz-security-token, cookie and set-cookie headers; anything shaped like a JWT; client secrets,
 * passwords and SigV4 signatures; and every secret registered at run time (the runner registers
 * resolved secret values) as a substring.
 *
 * <p>It sits below the rule book and the trace, which both use it: rulings mask the fields of
 * their events with {@link #maskFields}, traces are scrubbed with {@link #scrub}; one list of
 * secret names ({@link #isSecretName}) serves both.
 */
public final class Masking {
  static final int SHORTEST_PARTIAL = 12;
  private static final String FULL = "********";

  /** Names compared lower case without '-', '_' and ':'; the one list for rulings and traces. */
  private static final Set<String> SECRET_KEYS = Set.of("authorization", "xapikey", "xamzsecuritytoken",
      "cookie", "cookies", "setcookie", "clientsecret", "password", "secret", "secretaccesskey", "sessiontoken",
      "signature", "xamzsignature", "accesstoken", "idtoken", "refreshtoken", "apikey", "token",
      "authorizationtoken", "identitysource");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern HEADER_LINE = Pattern.compile(
      "(?im)^(\\s*(?:authorization|x-api-key|x-amz-security-token|cookie|set-cookie)\\s*:\\s*)(.+)$");
  private static final Pattern KEY_VALUE = Pattern.compile(
      "(?i)((?:signature|x-amz-signature|x-amz-security-token|client_secret|clientsecret|password|secret_access_key|secretaccesskey|session_token|sessiontoken|refresh_token|x-api-key)"
          + "\"?\\s*[=:]\\s*\"?)([^\"&,\\s\\[{]+)"); // a list or object is masked by its elements, not as "["

  private final SecretRegistry registered = new SecretRegistry();

  private Masking() {}

  public static Masking create() {
    return new Masking();
  }

  /** {@code abcd****wxyz} for long values, {@code ********} for short ones, empty stays empty. */
  public static String mask(String value) {
    return ValueMasking.mask(value);
  }

  /** Masks a header value; keeps an auth scheme readable ({@code Bearer eyJh****X9aQ}). */
  public static String maskHeaderValue(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    if (value.startsWith("AWS4-HMAC-SHA256")) {
      return maskSigV4Authorization(value);
    }
    int space = value.indexOf(' ');
    boolean scheme = space > 0 && value.substring(0, space).matches("[A-Za-z][A-Za-z0-9-]*");
    return scheme ? value.substring(0, space + 1) + mask(value.substring(space + 1).strip()) : mask(value);
  }

  /** Whether a header, field or table key names a secret (case, '-' and '_' ignored). */
  public static boolean isSecretName(String name) {
    return name != null && (SECRET_KEYS.contains(name.toLowerCase(Locale.ROOT).replaceAll("[-_:]", ""))
        || ValueMasking.isCredentialName(name));
  }

  /**
   * A copy of {@code json} (a Lambda event or an authoriser answer) with the values of
   * secret-named keys masked at any depth: strings as {@link #mask}, lists element by element,
   * anything else as {@code …}.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> maskFields(Map<String, Object> json) {
    Map<String, Object> out = new LinkedHashMap<>();
    json.forEach((key, value) -> out.put(key, isSecretName(key) ? maskAll(value) : walkFields(value)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object walkFields(Object value) {
    if (value instanceof Map<?, ?> map) {
      return maskFields((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Masking::walkFields).toList();
    }
    return value instanceof String s ? ValueMasking.scrub(s, List.of()) : value; // a JWT in a path, ?api_key= in a query
  }

  private static Object maskAll(Object value) {
    if (value instanceof String s) {
      return mask(s);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Masking::maskAll).toList();
    }
    return value == null ? null : "…";
  }

  /** Registers a secret value to mask wherever it appears; blank values are ignored. */
  public Masking register(String secret) {
    registered.add(secret);
    return this;
  }

  /** The secrets registered so far, shared with what else shows this session's data (the rulings endpoint). */
  public SecretRegistry registry() {
    return registered;
  }

  /** Masks secrets inside free text: registered values, JWTs, header lines, key=value secrets. */
  public String scrubText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    // longest first, so a secret that contains another is masked whole
    for (String secret : registered.values().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      result = result.replace(secret, mask(secret));
    }
    result = replace(JWT.matcher(result), m -> mask(m.group()));
    result = replace(HEADER_LINE.matcher(result), m -> m.group(1) + maskHeaderValue(m.group(2).strip()));
    result = replace(KEY_VALUE.matcher(result), m -> m.group(1) + mask(m.group(2)));
    return ValueMasking.scrub(result, java.util.List.of()); // by shape and by credential name, wherever they sit
  }

  /** A masked deep copy of a JSON tree (the exported form of a trace). */
  public JsonNode scrub(JsonNode node) {
    JsonNode copy = node.deepCopy();
    scrubInPlace(copy);
    return copy;
  }

  private void scrubInPlace(JsonNode node) {
    if (node instanceof ObjectNode object) {
      boolean secretPair = isSecretName(object.path("name").asText(object.path("key").asText(null)));
      for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
        JsonNode value = field.getValue();
        if (value.isTextual()) {
          object.set(field.getKey(), TextNode.valueOf(scrubField(field.getKey(), value.asText(), secretPair)));
        } else if (value instanceof ArrayNode list && isSecretName(field.getKey())) {
          // multiValueHeaders {"Cookie": [...]}, cookies [...]: every element is the credential
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isTextual()) {
              list.set(i, TextNode.valueOf(maskHeaderValue(scrubText(list.get(i).asText()))));
            }
          }
        } else {
          scrubInPlace(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(scrubText(array.get(i).asText())));
        } else {
          scrubInPlace(array.get(i));
        }
      }
    }
  }

  private String scrubField(String field, String value, boolean secretPair) {
    String scrubbed = scrubText(value);
    // a {"name": "Authorization", "value": ...} pair, or a field that is itself named like a secret
    if ((secretPair && field.equals("value")) || isSecretName(field)) {
      return maskHeaderValue(scrubbed);
    }
    return scrubbed;
  }

  private static String maskSigV4Authorization(String value) {
    Matcher m = Pattern.compile("(Credential=)([^/,\\s]+)").matcher(value);
    String masked = replace(m, r -> r.group(1) + mask(r.group(2)));
    return replace(Pattern.compile("(Signature=)([0-9a-fA-F*]+)").matcher(masked), r -> r.group(1) + mask(r.group(2)));
  }

  private static String replace(Matcher matcher, java.util.function.Function<Matcher, String> with) {
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
