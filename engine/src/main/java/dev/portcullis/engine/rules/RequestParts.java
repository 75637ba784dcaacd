package dev.portcullis.engine.rules;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.http.SecondStamps;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Pieces of a request the way API Gateway hands them to Lambda functions: header maps, query maps, body, times. */
final class RequestParts {
  /** Formatted once per second: every request of a second has the same text (issue 19: 3 % of a request). */
  private static final SecondStamps REQUEST_TIME =
      new SecondStamps(DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC));

  private RequestParts() {}

  /** Payload 1.0 {@code headers}: one value per name, the last one received. */
  static Map<String, String> singleHeaders(IncomingRequest request) {
    Map<String, String> out = LinkedHashMap.newLinkedHashMap(request.headers().entries().size());
    request.headers().entries().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static Map<String, List<String>> multiHeaders(IncomingRequest request) {
    Map<String, List<String>> out = LinkedHashMap.newLinkedHashMap(request.headers().entries().size());
    request.headers().entries().forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>(1)).add(e.getValue()));
    return out;
  }

  /** Payload 2.0 {@code headers}: lower-case names, repeated values joined with commas; cookies go elsewhere. */
  static Map<String, String> joinedHeaders(IncomingRequest request) {
    // a loop into a map sized for every header: this runs for every HTTP API request
    List<Map.Entry<String, String>> entries = request.headers().entries();
    Map<String, String> out = LinkedHashMap.newLinkedHashMap(entries.size());
    for (Map.Entry<String, String> e : entries) {
      if (!e.getKey().equalsIgnoreCase("cookie")) {
        out.merge(e.getKey().toLowerCase(Locale.ROOT), e.getValue(), (a, b) -> a + "," + b);
      }
    }
    return out;
  }

  static List<String> cookies(IncomingRequest request) {
    List<String> out = new ArrayList<>();
    request.headers().all("cookie").forEach(c -> {
      for (String part : c.split(";")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    });
    return out;
  }

  /** Decoded query parameters in order, every value kept. */
  static Map<String, List<String>> query(IncomingRequest request) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (request.rawQuery() == null || request.rawQuery().isEmpty()) {
      return out;
    }
    for (String pair : request.rawQuery().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /** Payload 1.0: the last value of each; null (not empty) when there is no query, as AWS sends it. */
  static Map<String, String> lastQueryValues(IncomingRequest request) {
    Map<String, List<String>> query = query(request);
    if (query.isEmpty()) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    query.forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
    return out;
  }

  static Map<String, String> joinedQueryValues(IncomingRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    query(request).forEach((k, v) -> out.put(k, String.join(",", v)));
    return out;
  }

  static <K, V> Map<K, V> nullIfEmpty(Map<K, V> map) {
    return map == null || map.isEmpty() ? null : map;
  }

  /** The body as text when it is UTF-8, else base64 with {@code isBase64Encoded} true; null when empty. */
  static Object[] body(IncomingRequest request) {
    if (request.body().length == 0) {
      return new Object[] {null, false};
    }
    // the JDK's decoder puts U+FFFD for every malformed sequence; a text without one was valid UTF-8, so only a body
    // with U+FFFD (malformed, or sent as such) pays for the strict decoder made here (once per request was 5 % of a JWT
    // decision's allocation, issue 19)
    String lenient = new String(request.body(), StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      return new Object[] {lenient, false};
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(request.body())).toString();
      return new Object[] {text, false};
    } catch (CharacterCodingException e) {
      return new Object[] {Base64.getEncoder().encodeToString(request.body()), true};
    }
  }

  static String requestTime(Instant at) {
    return REQUEST_TIME.format(at);
  }

  static String domainName(PipelineState ex) {
    return ex.request.headers().first("Host").orElse(ex.gateway.apiId() + ".execute-api." + ex.gateway.region()
        + ".amazonaws.com");
  }

  static String domainPrefix(PipelineState ex) {
    String domain = domainName(ex);
    int dot = domain.indexOf('.');
    return dot < 0 ? domain : domain.substring(0, dot);
  }

  static String userAgent(IncomingRequest request) {
    return request.headers().first("User-Agent").orElse(null);
  }

  /** The path as the client sent it, stage included. */
  static String fullPath(PipelineState ex) {
    return ex.request.rawPath();
  }
}
