package dev.portcullis.engine.rules;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.rules.Ruling.Outcome;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CORS as API Gateway answers it and as a browser then reads the answer. HTTP APIs with a CORS
 * configuration answer preflight themselves, before routes and authorisers, and add the headers to
 * responses, ignoring the integration's own (AWS docs {@code http-api-cors.html}). REST APIs have no
 * such setting: "Enable CORS" adds an OPTIONS method with a mock integration, and no other answer
 * gets the headers unless the integration or a gateway response sends them.
 */
final class CorsRules {
  static final String PREFLIGHT_CHECK = "cors.preflight";
  static final String BROWSER_CHECK = "cors.browser";
  static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

  private CorsRules() {}

  /** The answer to a preflight the gateway gives itself, or empty when the request goes on to routing. */
  static Optional<Outcome.Allowed> preflight(PipelineState ex) {
    Gateway.Cors cors = ex.gateway.cors();
    Optional<String> origin = ex.request.headers().first("Origin");
    Optional<String> asked = ex.request.headers().first("Access-Control-Request-Method");
    if (cors == null || !ex.request.method().equals("OPTIONS") || origin.isEmpty() || asked.isEmpty()) {
      return Optional.empty();
    }
    return ex.rest() ? restPreflight(ex, cors, asked.get()) : Optional.of(httpPreflight(ex, cors, origin.get()));
  }

  private static Outcome.Allowed httpPreflight(PipelineState ex, Gateway.Cors cors, String origin) {
    Map<String, String> headers = new LinkedHashMap<>(GatewayResponses.baseHeaders(false, ex.requestId));
    if (originAllowed(cors, origin)) {
      headers.putAll(allowHeaders(cors, origin));
      if (!cors.allowMethods().isEmpty()) {
        headers.put("Access-Control-Allow-Methods", String.join(",", cors.allowMethods()));
      }
      if (!cors.allowHeaders().isEmpty()) {
        headers.put("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders()));
      }
      if (cors.maxAge() != null) {
        headers.put("Access-Control-Max-Age", String.valueOf(cors.maxAge()));
      }
      ex.pass(PREFLIGHT_CHECK, "preflight OPTIONS from " + origin + " answered by the HTTP API's CORS configuration, "
          + "without a route or the authoriser (AWS docs http-api-cors.html: \"API Gateway automatically sends a response "
          + "to preflight OPTIONS requests, even if there isn't an OPTIONS route\")");
    } else {
      ex.fail(PREFLIGHT_CHECK, "preflight OPTIONS from " + origin + ", which is not in allowOrigins " + cors.allowOrigins()
          + ": answered without CORS headers, so the browser refuses the real request (the 204 without headers is "
          + "undocumented by AWS; emulated as observed)");
    }
    // 204 is observed, not documented.
    return new Outcome.Allowed(204, headers, "");
  }

  /** The OPTIONS mock method Enable CORS adds to a resource; a resource the API does not have gets none. */
  private static Optional<Outcome.Allowed> restPreflight(PipelineState ex, Gateway.Cors cors, String asked) {
    boolean ownMethod = RouteMatcher.match(ex.gateway, "OPTIONS", ex.request.rawPath())
        .filter(m -> m.route().method().equals("OPTIONS")).isPresent();
    if (ownMethod || RouteMatcher.match(ex.gateway, asked, ex.request.rawPath()).isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> headers = new LinkedHashMap<>(GatewayResponses.baseHeaders(true, ex.requestId));
    headers.put("Content-Type", GatewayResponses.JSON);
    headers.put(ALLOW_ORIGIN, String.join(",", cors.allowOrigins()));
    headers.put("Access-Control-Allow-Methods", String.join(",", cors.allowMethods()));
    headers.put("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders()));
    if (cors.maxAge() != null) {
      headers.put("Access-Control-Max-Age", String.valueOf(cors.maxAge()));
    }
    if (cors.allowCredentials()) {
      headers.put("Access-Control-Allow-Credentials", "true");
    }
    ex.pass(PREFLIGHT_CHECK, "preflight OPTIONS " + ex.request.rawPath() + " answered by the OPTIONS method with a mock "
        + "integration that Enable CORS adds (AWS docs how-to-cors.html); it has authorization NONE, so no authoriser runs");
    return Optional.of(new Outcome.Allowed(200, headers, ""));
  }

  /**
   * HTTP APIs with CORS: the configured headers on every answer to a request with an allowed Origin,
   * the integration's own Access-Control-* headers dropped. AWS documents it for integration
   * responses; that its own errors carry them too is observed (aws/aws-sam-cli#9087).
   */
  static Map<String, String> addHeaders(PipelineState ex, Map<String, String> headers) {
    Gateway.Cors cors = ex.gateway.cors();
    Optional<String> origin = ex.request.headers().first("Origin");
    if (ex.rest() || cors == null || ex.checks.stream().anyMatch(c -> c.id().equals(PREFLIGHT_CHECK))) {
      return headers;
    }
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> {
      if (!k.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
        out.put(k, v);
      }
    });
    if (origin.isPresent() && originAllowed(cors, origin.get())) {
      out.putAll(allowHeaders(cors, origin.get()));
      if (!cors.exposeHeaders().isEmpty()) {
        out.put("Access-Control-Expose-Headers", String.join(",", cors.exposeHeaders()));
      }
    }
    return out;
  }

  /**
   * What a browser makes of the answer to a cross-origin request (one with an Origin header): it
   * hands the page the response only when Access-Control-Allow-Origin names the origin or is
   * {@code *} (Fetch standard, CORS check). Recorded as a check so the trace says it.
   */
  static void browserView(PipelineState ex, Outcome outcome) {
    Optional<String> origin = ex.request.headers().first("Origin");
    if (origin.isEmpty() || ex.checks.stream().anyMatch(c -> c.id().equals(PREFLIGHT_CHECK))) {
      return;
    }
    String allowed = outcome.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(ALLOW_ORIGIN))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    String what = outcome.status() + (outcome instanceof Outcome.Denied d ? " " + d.gatewayResponseType() : "");
    if (allowed != null && (allowed.equals("*") || allowed.equals(origin.get()))) {
      ex.pass(BROWSER_CHECK, "a browser page at " + origin.get() + " can read this " + what + " (" + ALLOW_ORIGIN + ": "
          + allowed + ")");
      return;
    }
    String fix = outcome instanceof Outcome.Denied d && ex.rest()
        ? "; a REST API's own errors carry no CORS headers (observed: serverless/serverless#3191): add "
            + "gatewayresponse.header." + ALLOW_ORIGIN + " to the " + d.gatewayResponseType() + " (or DEFAULT_"
            + (d.status() >= 500 ? "5XX" : "4XX") + ") gateway response"
        : ex.rest() ? "; on a REST API the integration must return it (a Lambda proxy sets it in its response headers)"
        : "; add " + origin.get() + " to the API's CORS allowOrigins";
    ex.fail(BROWSER_CHECK, "a browser page at " + origin.get() + " would not see this " + what + ": the response has "
        + (allowed == null ? "no " + ALLOW_ORIGIN : ALLOW_ORIGIN + ": " + allowed + ", not its origin")
        + ", so the browser reports a CORS error instead" + fix);
  }

  private static boolean originAllowed(Gateway.Cors cors, String origin) {
    return cors.allowOrigins().contains("*") || cors.allowOrigins().contains(origin);
  }

  private static Map<String, String> allowHeaders(Gateway.Cors cors, String origin) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(ALLOW_ORIGIN, cors.allowOrigins().contains("*") && !cors.allowCredentials() ? "*" : origin);
    if (cors.allowCredentials()) {
      out.put("Access-Control-Allow-Credentials", "true");
    }
    return out;
  }
}
