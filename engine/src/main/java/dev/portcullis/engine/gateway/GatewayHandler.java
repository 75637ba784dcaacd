package dev.portcullis.engine.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.model.Gateway;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One gateway's port: real HTTP in, the pipeline's ruling out, and the rulings endpoint. */
final class GatewayHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);
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
        answer(exchange, receivedAt);
      } catch (RuntimeException e) {
        // Even the fault ruling failed: answer 500 and keep serving; logged here, once.
        LOG.error("gateway '{}': could not answer {} {}", gateway.name(), exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(), e);
        if (exchange.getResponseCode() == -1) {
          respond(exchange, 500, Map.of("Content-Type", "application/json"), "{\"message\":\"Internal server error\"}");
        }
      }
    }
  }

  private void answer(HttpExchange exchange, Instant receivedAt) throws IOException {
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
    IncomingRequest request = request(exchange, headers, body == null ? new byte[0] : body, receivedAt);
    Ruling ruling = decide(request, body == null ? declaredLength(exchange) : -1);
    log.add(ruling);
    respond(exchange, ruling.outcome().status(), ruling.outcome().headers(), ruling.outcome().body());
  }

  /**
   * The pipeline's ruling; a fault of ours (a RuntimeException from the rule book or an
   * integration) is logged once, here, and becomes a 500 ruling that says what failed, so the
   * client, {@code gateway serve} and the console see it like any other ruling.
   */
  private Ruling decide(IncomingRequest request, long tooLargeBytes) {
    try {
      return tooLargeBytes >= 0 ? pipeline.tooLarge(request, gateway, tooLargeBytes) : pipeline.decide(request, gateway);
    } catch (RuntimeException fault) {
      Ruling ruling = pipeline.fault(request, gateway, fault);
      // One sentence for the user; the stack trace only with --verbose (info), never on the wire.
      LOG.error("gateway '{}', request {}: the rule book failed deciding {} {}: {}", gateway.name(), ruling.requestId(),
          request.method(), request.rawPath(), fault.toString());
      LOG.info("stack trace of the fault in request {}", ruling.requestId(), fault);
      return ruling;
    }
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
