package dev.portcullis.engine.importer.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.importer.ImportContext;
import dev.portcullis.engine.importer.ImportedRoute;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.importer.Protection;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CORS as the Serverless Framework compiles it. REST ({@code http} events' {@code cors}, merged per path as
 * {@code api-gateway/lib/validate.js} merges them): one OPTIONS method per path with a MOCK integration answering
 * the headers and {@code AuthorizationType: NONE}, never an authoriser or API key ({@code lib/cors.js}). HTTP API
 * ({@code provider.httpApi.cors}): the API's CorsConfiguration, methods filled from the routes when not given
 * ({@code http-api.js}), which API Gateway answers before routes and authorisers.
 */
final class ServerlessCors {
  /** The framework's default allowed headers, REST and HTTP alike (v3.x+ adds X-Amzn-Trace-Id). */
  static final List<String> DEFAULT_HEADERS = List.of("Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key",
      "X-Amz-Security-Token", "X-Amz-User-Agent", "X-Amzn-Trace-Id");
  private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "OPTIONS", "HEAD", "DELETE");

  private final Intrinsics ix;
  private final ImportContext ctx;
  private final Map<String, Preflight> byPath = new LinkedHashMap<>();

  ServerlessCors(Intrinsics ix) {
    this.ix = ix;
    this.ctx = ix.context();
  }

  /** What the framework gathers for one path's OPTIONS method. */
  private static final class Preflight {
    final Set<String> headers = new LinkedHashSet<>();
    final Set<String> methods = new LinkedHashSet<>();
    final Set<String> origins = new LinkedHashSet<>();
    String origin;
    boolean allowCredentials;
    String maxAge;
    String cacheControl;
    final List<String> events = new ArrayList<>();
    /** The first event's {@code cors}, where the report places the method (or the event, for {@code cors: true}). */
    dev.portcullis.engine.importer.ImportReport.Location at;
  }

  /** One event's {@code cors} as {@code getCors} in {@code validate.js} completes it. */
  private record EventCors(List<String> headers, List<String> methods, List<String> origins, String origin,
      boolean allowCredentials, String maxAge, String cacheControl) {}

  /** Adds one {@code http} event's {@code cors} (absent or false: nothing) to its path's OPTIONS method. */
  void add(JsonNode http, String method, String path, String where) {
    JsonNode cors = http.isObject() ? http.get("cors") : null;
    if (cors == null || cors.isNull() || cors.isBoolean() && !cors.asBoolean() || "false".equals(ix.text(cors, where + " cors"))) {
      return;
    }
    EventCors e = read(cors, method, where + " cors");
    Preflight p = byPath.computeIfAbsent(path, k -> new Preflight());
    unionInto(p.headers, e.headers());
    unionInto(p.methods, e.methods());
    unionInto(p.origins, e.origins());
    p.origin = e.origin(); // the last event's, as the framework merges
    p.allowCredentials |= e.allowCredentials();
    p.maxAge = e.maxAge() != null ? e.maxAge() : p.maxAge;
    p.cacheControl = e.cacheControl() != null ? e.cacheControl() : p.cacheControl;
    p.events.add(where);
    if (p.at == null) {
      p.at = ctx.placeOf(cors);
    }
  }

  /** {@code cors: true} is origin {@code *}, the default headers and OPTIONS plus the event's method; an object overrides. */
  private EventCors read(JsonNode cors, String method, String w) {
    List<String> methods = new ArrayList<>(List.of("OPTIONS"));
    if (!cors.isObject()) {
      methods.add(method);
      return new EventCors(DEFAULT_HEADERS, methods, List.of(), "*", false, null, null);
    }
    List<String> origins = ix.texts(cors.get("origins"), w + ".origins");
    String origin = cors.has("origin") ? ix.text(cors.get("origin"), w + ".origin") : origins.isEmpty() ? "*" : null;
    List<String> headers = cors.has("headers") ? ix.texts(cors.get("headers"), w + ".headers") : DEFAULT_HEADERS;
    if (cors.has("methods")) {
      methods = new ArrayList<>(ix.texts(cors.get("methods"), w + ".methods"));
      if (!methods.contains("OPTIONS")) {
        methods.add("OPTIONS");
      }
    }
    if (!methods.contains(method)) {
      methods.add(method);
    }
    String maxAge = ix.text(cors.get("maxAge"), w + ".maxAge");
    return new EventCors(headers, methods, origins, origin, "true".equalsIgnoreCase(ix.text(cors.get("allowCredentials"), w)),
        maxAge == null || maxAge.equals("0") ? null : maxAge, ix.text(cors.get("cacheControl"), w + ".cacheControl"));
  }

  /** lodash's {@code _.union(first, target)}: the new event's items first, then the earlier ones not among them. */
  private static void unionInto(Set<String> target, List<String> first) {
    Set<String> merged = new LinkedHashSet<>(first);
    merged.addAll(target);
    target.clear();
    target.addAll(merged);
  }

  /** {@code rest} with the framework's OPTIONS method added to each path an event asked CORS for. */
  @SuppressWarnings("try") // ImportContext.at scopes are closed, never read
  List<ImportedRoute> withPreflights(List<ImportedRoute> rest) {
    List<ImportedRoute> out = new ArrayList<>(rest);
    byPath.forEach((path, p) -> {
      try (ImportContext.Place here = ctx.at(p.at)) {
        addPreflight(out, rest, path, p);
      }
    });
    return out;
  }

  private void addPreflight(List<ImportedRoute> out, List<ImportedRoute> rest, String path, Preflight p) {
    String subject = "OPTIONS " + path;
    if (rest.stream().anyMatch(r -> r.method().equals("OPTIONS") && r.path().equals(path))) {
      ctx.leftOut(p.events.getFirst() + " cors", "the path also has an OPTIONS event of its own, and the framework merges its "
          + "CORS method into that one; the event's method was kept as written, check the deployed " + subject);
      return;
    }
    out.add(new ImportedRoute("OPTIONS", path, new Protection.None("the Serverless Framework's CORS method (AuthorizationType "
        + "NONE) for " + String.join(", ", p.events)), false, "mock", "serverless cors", null, new Integration.Mock(200, headers(p, subject), ""))
        .locatedAt(p.at));
    ctx.mapped(p.events.getFirst() + " cors", subject + ": the OPTIONS mock method the framework adds, without authoriser or "
        + "API key; the function's own answers need their own Access-Control-Allow-Origin (lambda-proxy)");
  }

  private Map<String, String> headers(Preflight p, String subject) {
    List<String> origins = new ArrayList<>(p.origins);
    String origin = p.origin;
    if (origin != null && origin.contains(",")) {
      origins = List.of(origin.split(",")).stream().map(String::strip).toList();
    }
    if (!origins.isEmpty()) {
      origin = origins.getFirst();
    }
    if (origins.size() > 1 || origin != null && origin.contains("*") && !origin.equals("*")) {
      ctx.leftOut(subject + " origins", "on AWS the framework's response template answers with the request's Origin when it "
          + "matches one of " + origins + "; the local mock always answers " + origin);
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put("Content-Type", "application/json");
    out.put("Access-Control-Allow-Origin", origin == null ? "*" : origin);
    out.put("Access-Control-Allow-Headers", String.join(",", p.headers));
    out.put("Access-Control-Allow-Methods", String.join(",", p.methods).replace("ANY", "DELETE,GET,HEAD,PATCH,POST,PUT"));
    if (p.allowCredentials) {
      out.put("Access-Control-Allow-Credentials", "true");
    }
    if (p.maxAge != null) {
      out.put("Access-Control-Max-Age", p.maxAge);
    }
    if (p.cacheControl != null) {
      out.put("Cache-Control", p.cacheControl);
    }
    return out;
  }

  /** {@code provider.httpApi.cors} ({@code true} or an object) as the HTTP API's CORS configuration; null when absent. */
  Gateway.Cors httpApi(JsonNode cors, List<ImportedRoute> routes, String where) {
    if (cors == null || cors.isNull() || "false".equals(ix.text(cors, where))) {
      return null;
    }
    boolean object = cors.isObject();
    List<String> origins = object && cors.has("allowedOrigins") ? ix.texts(cors.get("allowedOrigins"), where) : List.of("*");
    List<String> headers = object && cors.has("allowedHeaders") ? ix.texts(cors.get("allowedHeaders"), where) : DEFAULT_HEADERS;
    List<String> methods;
    if (object && cors.has("allowedMethods")) {
      methods = ix.texts(cors.get("allowedMethods"), where);
    } else {
      Set<String> filled = new LinkedHashSet<>(List.of("OPTIONS"));
      routes.forEach(r -> filled.addAll(r.method().equals("ANY") || r.method().equals("$default") ? HTTP_METHODS : List.of(r.method())));
      methods = List.copyOf(filled);
    }
    List<String> expose = object ? ix.texts(cors.get("exposedResponseHeaders"), where) : List.of();
    Integer maxAge = null;
    String maxAgeText = object ? ix.text(cors.get("maxAge"), where) : null;
    try {
      maxAge = maxAgeText == null ? null : Integer.valueOf(maxAgeText.strip());
    } catch (NumberFormatException e) {
      ctx.leftOut(where + ".maxAge", "'" + maxAgeText + "' is not a whole number");
    }
    boolean credentials = object && "true".equalsIgnoreCase(ix.text(cors.get("allowCredentials"), where));
    Gateway.Cors c = new Gateway.Cors(origins, methods, headers, expose, maxAge, credentials);
    ctx.mapped(where, "the HTTP API's CORS configuration for origins " + origins + ", methods " + methods
        + "; API Gateway answers preflight itself, before routes and authorisers");
    return c;
  }
}
