package dev.portcullis.engine.idp.http;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.portcullis.engine.serve.Exchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading requests and writing responses of the local identity providers on the local server
 * ({@code serve}). Wire JSON goes through nimbus's
 * JSON utilities as plain maps: the workspace mapper in {@code store} is for the file format only.
 */
public final class Exchanges {

  /** At most this much request body is read; real clients send a few kilobytes. */
  public static final int MAX_BODY = 64 * 1024;

  private Exchanges() {}

  /** The request body as UTF-8, or empty when it is larger than any real login request. */
  public static Optional<String> body(Exchange exchange) {
    return exchange.body().filter(bytes -> bytes.length <= MAX_BODY).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** A JSON object body, or empty when it is not one. */
  public static Optional<Map<String, Object>> jsonObject(String body) {
    try {
      return Optional.of(JSONObjectUtils.parse(body.isBlank() ? "{}" : body));
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Form parameters (application/x-www-form-urlencoded), each name with all its values, so a caller
   * can refuse repeated parameters as OAuth requires (RFC 6749 §3.2).
   */
  public static Map<String, List<String>> form(String body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  /**
   * HTTP Basic credentials as OAuth sends them: both parts form-encoded before Base64
   * (RFC 6749 §2.3.1). Empty when the header is absent or not Basic.
   */
  public static Optional<String[]> basicCredentials(Exchange exchange) {
    String header = exchange.header("Authorization").orElse(null);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.of(new String[] {decode(decoded), ""})
          : Optional.of(new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))});
    } catch (IllegalArgumentException malformed) {
      return Optional.of(new String[] {"", ""});
    }
  }

  /** The request's media type without parameters, lower case; empty string when absent. */
  public static String mediaType(Exchange exchange) {
    String type = exchange.header("Content-Type").orElse(null);
    return type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** Answers a JSON body with the given status, content type and extra headers. */
  public static void sendJson(Exchange exchange, int status, Map<String, ?> body, String contentType,
      Map<String, String> headers) throws IOException {
    byte[] bytes = JSONObjectUtils.toJSONString(new LinkedHashMap<String, Object>(body)).getBytes(StandardCharsets.UTF_8);
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Content-Type", contentType);
    all.put("Cache-Control", "no-store");
    all.putAll(headers);
    exchange.respond(status, all, bytes);
  }

  /** Answers a plain {@code application/json} body. */
  public static void sendJson(Exchange exchange, int status, Map<String, ?> body) throws IOException {
    sendJson(exchange, status, body, "application/json", Map.of());
  }

  /** The first 12 characters of a token, the most a log line may show of one. */
  public static String abbreviate(String token) {
    return token == null ? "null" : token.length() <= 12 ? "***" : token.substring(0, 12) + "...";
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
