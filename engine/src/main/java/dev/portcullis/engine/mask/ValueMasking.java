package dev.portcullis.engine.mask;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masking by value and by the usual credential names, wherever in free text they sit: every
 * secret resolved in the session, anything shaped like a JWT or a SigV4 signature, and the values
 * of credential-named query parameters ({@code ?access_token=}, {@code api_key=},
 * {@code X-Amz-Signature=}), header lines ({@code Proxy-Authorization:}, {@code X-Auth-Token:},
 * {@code Cookie:}) and JSON pairs (an echoed body). Field-name masking misses a credential that
 * travels under another name; this does not. A masked value keeps its first and last 4 characters.
 */
public final class ValueMasking {
  /** Values shorter than this are masked whole: 8 of 10 characters would reveal them. */
  public static final int SHORTEST_PARTIAL = 12;
  private static final String FULL = "********";

  private static final Set<String> NAMES = Set.of("authorization", "proxyauthorization", "xapikey", "apikey", "xauthtoken",
      "authtoken", "accesstoken", "idtoken", "refreshtoken", "token", "xamzsignature", "xamzsecuritytoken", "signature",
      "cookie", "setcookie", "cookies", "clientsecret", "password", "passwd", "secret", "secretaccesskey", "sessiontoken",
      "authorizationtoken", "privatekey", "apitoken", "jwt", "clientassertion");
  private static final Set<String> NOT_SECRET = Set.of("tokenuse", "tokentype", "tokenendpoint", "keyid", "kid", "keyschema");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern SIGNATURE = Pattern.compile("(?i)(signature\\s*[=:]\\s*\"?)([0-9a-f]{64})");
  private static final Pattern QUERY_PAIR = Pattern.compile("(^|[?&;\\s\"'(])([A-Za-z][\\w.-]*)=([^&\\s\"'#,;)]+)");
  private static final Pattern HEADER_LINE = Pattern.compile("(?im)^(\\s*([A-Za-z][\\w-]*)\\s*:[ \\t]*)(\\S[^\\r\\n]*)$");
  // unrolled loops with possessive quantifiers: an alternation under * recurses per character and overflows the stack
  private static final Pattern JSON_PAIR = Pattern.compile("(\"([^\"\\\\]{1,64})\"\\s*:\\s*\")([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)(\")");
  private static final Pattern JSON_LIST = Pattern.compile("(\"([^\"\\\\]{1,64})\"\\s*:\\s*\\[)([^\\]]*)(])");
  /** A pair inside a JSON document that is itself a JSON string (an echoed body in a trace): quotes escaped. */
  private static final Pattern ESCAPED_PAIR = Pattern.compile("(\\\\\"([^\"\\\\]{1,64})\\\\\"\\s*:\\s*\\\\\")(.*?)(\\\\\")");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

  private ValueMasking() {}

  /** {@code abcd****wxyz} for long values, {@code ********} for short ones, empty stays empty. */
  public static String mask(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    if (value.length() < SHORTEST_PARTIAL) {
      return FULL;
    }
    return value.substring(0, 4) + "****" + value.substring(value.length() - 4);
  }

  /** A header value masked with its auth scheme kept readable ({@code Bearer eyJh****X9aQ}). */
  public static String maskHeaderValue(String value) {
    if (value == null || value.isEmpty() || value.contains("****")) {
      return value;
    }
    int space = value.indexOf(' ');
    boolean scheme = space > 0 && value.substring(0, space).matches("[A-Za-z][A-Za-z0-9-]*") && !value.startsWith("AWS4-");
    return scheme ? value.substring(0, space + 1) + mask(value.substring(space + 1).strip()) : mask(value);
  }

  /** Whether a header, parameter or field name usually carries a credential (case, '-', '_', ':' ignored). */
  public static boolean isCredentialName(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT).replaceAll("[-_:.\\s]", "");
    if (NOT_SECRET.contains(n)) {
      return false;
    }
    return NAMES.contains(n) || n.endsWith("token") || n.endsWith("secret") || n.endsWith("password") || n.endsWith("apikey")
        || n.endsWith("signature") || n.endsWith("authorization") || n.endsWith("cookie");
  }

  /** Masks {@code text}: the given secrets (longest first) and every value found by shape or by credential name. */
  public static String scrub(String text, Collection<String> secrets) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets.stream().filter(s -> s != null && !s.isBlank())
        .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      result = result.replace(secret, mask(secret));
    }
    result = replace(JWT.matcher(result), m -> mask(m.group()));
    result = replace(SIGNATURE.matcher(result), m -> m.group(1) + mask(m.group(2)));
    result = replace(QUERY_PAIR.matcher(result), m -> m.group(1) + m.group(2) + "="
        + (isCredentialName(m.group(2)) ? masked(m.group(3)) : m.group(3)));
    result = replace(HEADER_LINE.matcher(result), m -> m.group(1)
        + (isCredentialName(m.group(2)) ? maskHeaderValue(m.group(3).strip()) : m.group(3)));
    result = replace(JSON_PAIR.matcher(result), m -> m.group(1)
        + (isCredentialName(m.group(2)) ? maskHeaderValue(m.group(3)) : m.group(3)) + m.group(4));
    result = replace(ESCAPED_PAIR.matcher(result), m -> m.group(1)
        + (isCredentialName(m.group(2)) ? maskHeaderValue(m.group(3)) : m.group(3)) + m.group(4));
    return replace(JSON_LIST.matcher(result), m -> m.group(1)
        + (isCredentialName(m.group(2)) ? replace(QUOTED.matcher(m.group(3)), q -> "\"" + maskHeaderValue(q.group(1)) + "\"")
            : m.group(3)) + m.group(4));
  }

  private static String masked(String value) {
    return value.contains("****") ? value : mask(value);
  }

  private static String replace(Matcher matcher, Function<Matcher, String> with) {
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
