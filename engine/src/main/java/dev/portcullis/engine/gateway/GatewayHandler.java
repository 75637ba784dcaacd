package dev.portcullis.engine.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.rules.HeaderList;
import dev.portcullis.engine.rules.IncomingRequest;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.Ruling;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One gateway's port: real HTTP in, the pipeline's ruling out, and the rulings endpoint. */
final class GatewayHandler implements HttpHandler {
  private static final String RULINGS = "/_portcullis/rulings/";
  private final Gateway gateway;
  private final Pipeline pipeline;
  private final Clock clock;
  private final RulingLog log;
  private final java.util.function.UnaryOperator<String> scrub;

  GatewayHandler(Gateway gateway, Pipeline pipeline, Clock clock, RulingLog log, java.util.function.UnaryOperator<String> scrub) {
    this.gateway = gateway;
    this.pipeline = pipeline;
    this.clock = clock;
    this.log = log;
    this.scrub = scrub;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    // The fallback sits inside the try-with-resources, so it answers before the exchange is closed.
    try (exchange) {
      Instant receivedAt = clock.instant();
      try {
        decide(exchange, receivedAt);
      } catch (RuntimeException e) {
        // A fault in the rule book is ours, not the caller's: answer 500, keep a ruling, keep serving.
        Ruling fault = fault(exchange, receivedAt, e);
        log.add(fault);
        if (exchange.getResponseCode() == -1) {
          respond(exchange, 500, fault.outcome().headers(), fault.outcome().body());
        }
      }
    }
  }

  private void decide(HttpExchange exchange, Instant receivedAt) throws IOException {
    String rawPath = exchange.getRequestURI().getRawPath();
    if (rawPath.startsWith(RULINGS) && exchange.getRequestMethod().equals("GET")) {
      serveRuling(exchange, rawPath.substring(RULINGS.length()));
      return;
    }
    String protocol = exchange.getProtocol();
    if (!"HTTP/1.1".equals(protocol) && !"HTTP/1.0".equals(protocol)) {
      // the JDK server passes any HTTP/x.y through; nothing past 1.1 is spoken here (h2 needs TLS on AWS)
      respond(exchange, 505, Map.of("Content-Type", "application/json"), "{\"message\":\"HTTP Version Not Supported\"}");
      return;
    }
    HeaderList headers = headers(exchange);
    byte[] body;
    try {
      body = readBody(exchange);
    } catch (IOException e) {
      // a malformed chunk size or a body cut short: the client's fault, said as a 400 rather than a closed socket
      respond(exchange, 400, Map.of("Content-Type", "application/json", "Connection", "close"), "{\"message\":\"Bad Request\"}");
      return;
    }
    Ruling ruling = body == null
        ? pipeline.tooLarge(request(exchange, headers, new byte[0], receivedAt), gateway, declaredLength(exchange))
        : pipeline.decide(request(exchange, headers, body, receivedAt), gateway);
    log.add(ruling);
    respond(exchange, ruling.outcome().status(), ruling.outcome().headers(), ruling.outcome().body());
  }

  /** The ruling for a fault of Portcullis itself: 500 as API Gateway's internal failure, with what went wrong. */
  private Ruling fault(HttpExchange exchange, Instant receivedAt, RuntimeException e) {
    String id = java.util.UUID.randomUUID().toString();
    String body = "{\"message\":\"Internal server error\"}";
    Map<String, String> headers = Map.of("Content-Type", "application/json",
        gateway.flavor() == Gateway.Flavor.REST ? "x-amzn-RequestId" : "apigw-requestid", id);
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    String evidence = e.getClass().getSimpleName() + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    return new Ruling(id, receivedAt, gateway.name(), gateway.flavor(), exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(), null,
        new Ruling.Outcome.Denied(500, "DEFAULT_5XX", null, body, headers, "gateway.fault"),
        List.of(new Ruling.Check("gateway.fault", false, "Portcullis failed while ruling: " + evidence)), null);
  }

  private void serveRuling(HttpExchange exchange, String requestId) throws IOException {
    var ruling = log.find(requestId);
    if (ruling.isEmpty()) {
      respond(exchange, 404, Map.of("Content-Type", "application/json"),
          "{\"message\":\"no ruling for request id " + requestId.replaceAll("[^\\w=-]", "") + " (the log keeps the last 10000)\"}");
      return;
    }
    respond(exchange, 200, Map.of("Content-Type", "application/json"), scrub.apply(ruling.get().toJsonString()));
  }

  private static HeaderList headers(HttpExchange exchange) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
    return new HeaderList(headers);
  }

  private static IncomingRequest request(HttpExchange exchange, HeaderList headers, byte[] body, Instant receivedAt) {
    return new IncomingRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), headers, body, exchange.getRemoteAddress().getAddress().getHostAddress(),
        receivedAt);
  }

  /**
   * The body, or null when it is over the payload quota (read no further than one byte past it).
   * With a Content-Length (the server then ends the stream there) the body is read into an array of
   * exactly that size: no 64 KB scratch buffer per request, which at tens of thousands of requests a
   * second was gigabytes a second of garbage.
   */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    long declared = declaredLength(exchange);
    int limit = (int) (declared < 0 ? LocalGateway.MAX_BODY_BYTES + 1 : Math.min(declared, LocalGateway.MAX_BODY_BYTES + 1));
    byte[] body = exchange.getRequestBody().readNBytes(limit);
    return body.length > LocalGateway.MAX_BODY_BYTES ? null : body;
  }

  private static long declaredLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return length == null ? LocalGateway.MAX_BODY_BYTES + 1 : Long.parseLong(length);
    } catch (NumberFormatException e) {
      return LocalGateway.MAX_BODY_BYTES + 1;
    }
  }

  private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean empty = bytes.length == 0 || status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
