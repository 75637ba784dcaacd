package dev.portcullis.engine.gateway;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.serve.Exchange;
import dev.portcullis.engine.serve.ExchangeHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One gateway's port: real HTTP in, the pipeline's ruling out, and the rulings endpoint. */
final class GatewayHandler implements ExchangeHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);
  private static final String RULINGS = "/_portcullis/rulings/";
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private static final byte[] EMPTY = new byte[0];
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
  public void handle(Exchange exchange) {
    Instant receivedAt = clock.instant();
    try {
      answer(exchange, receivedAt);
    } catch (RuntimeException e) {
      // Even the fault ruling failed: answer 500 and keep serving; logged here, once.
      LOG.error("gateway '{}': could not answer {} {}", gateway.name(), exchange.method(), exchange.rawPath(), e);
      if (!exchange.responded()) {
        respond(exchange, 500, JSON, "{\"message\":\"Internal server error\"}");
      }
    }
  }

  private void answer(Exchange exchange, Instant receivedAt) {
    String rawPath = exchange.rawPath();
    if (rawPath.startsWith(RULINGS) && exchange.method().equals("GET")) {
      serveRuling(exchange, pathSegment(rawPath.substring(RULINGS.length())));
      return;
    }
    String protocol = exchange.protocol();
    if (!"HTTP/1.1".equals(protocol) && !"HTTP/1.0".equals(protocol)) {
      // the server parses any HTTP/x.y; nothing past 1.1 is spoken here (h2 needs TLS on AWS)
      respond(exchange, 505, JSON, "{\"message\":\"HTTP Version Not Supported\"}");
      return;
    }
    Optional<byte[]> body = exchange.body();
    IncomingRequest request = new IncomingRequest(exchange.method(), rawPath, exchange.rawQuery(), exchange.headers(),
        body.orElse(EMPTY), exchange.remoteAddress(), receivedAt);
    Ruling ruling = decide(request, body.isPresent() ? -1 : tooLargeLength(exchange));
    // encoded once, for the wire and the log (an echo's body is the 2 KB event)
    byte[] answer = ruling.outcome().body().getBytes(StandardCharsets.UTF_8);
    log.add(ruling, answer);
    exchange.respond(ruling.outcome().status(), ruling.outcome().headers(), answer);
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

  private void serveRuling(Exchange exchange, String requestId) {
    var ruling = log.find(requestId);
    if (ruling.isEmpty()) {
      respond(exchange, 404, JSON, "{\"message\":\"no ruling for request id " + requestId.replaceAll("[^\\w=-]", "")
          + " (the log keeps the most recent " + log.bound() + ")\"}");
      return;
    }
    respond(exchange, 200, JSON, scrub.apply(ruling.get().toJsonString()));
  }

  /**
   * A path segment with its percent-escapes decoded ({@code +} is a plus in a path, not a space): an HTTP API's
   * request id ends in {@code =}, which clients (the attached CLI among them) send as {@code %3D}; one that is not
   * valid percent-encoding is looked up as it came, and found under no id.
   */
  static String pathSegment(String raw) {
    try {
      return dev.portcullis.engine.http.PathSegments.decode(raw);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /** The size said in the 413 ruling: the declared length, or one past the quota when the body came chunked. */
  private static long tooLargeLength(Exchange exchange) {
    long declared = exchange.declaredLength();
    return declared < 0 ? LocalGateway.MAX_BODY_BYTES + 1 : declared;
  }

  private static void respond(Exchange exchange, int status, Map<String, String> headers, String body) {
    exchange.respond(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }
}
