package dev.portcullis.engine.gateway;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.rules.Ruling;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ruling as the log keeps it: what rendering it needs, and nothing held as object graphs that
 * is not needed. The integration event (nested maps, most of a ruling's heap) is kept as its
 * UTF-8 JSON, or not at all when the answer's body already is that JSON (the echo integration);
 * {@link #render()} gives back a ruling that renders exactly as the original.
 */
record CompactRuling(String requestId, Instant receivedAt, String gateway, Gateway.Flavor flavor, String method,
    String path, String routeKey, Ruling.Outcome outcome, List<Ruling.Check> checks, byte[] event, boolean eventIsBody,
    long bytes) {
  // object headers, references and the record's own fields: an estimate, not a measurement
  private static final int RECORD = 120;
  private static final int STRING = 48;
  private static final int ENTRY = 48;

  /** Writes the event's JSON only when the pipeline did not (the echo answer already is it). */
  static CompactRuling of(Ruling ruling) {
    String json = ruling.integrationEventJson();
    boolean eventIsBody = json != null && json.equals(ruling.outcome().body());
    byte[] event = json == null || eventIsBody ? null : json.getBytes(StandardCharsets.UTF_8);
    long bytes = RECORD + size(ruling.requestId()) + size(ruling.gateway()) + size(ruling.method()) + size(ruling.path())
        + size(ruling.routeKey()) + size(ruling.outcome().body()) + (event == null ? 0 : STRING + event.length);
    for (Map.Entry<String, String> header : ruling.outcome().headers().entrySet()) {
      bytes += ENTRY + size(header.getKey()) + size(header.getValue());
    }
    for (Ruling.Check check : ruling.checks()) {
      bytes += ENTRY + size(check.id()) + size(check.evidence());
    }
    return new CompactRuling(ruling.requestId(), ruling.receivedAt(), ruling.gateway(), ruling.flavor(), ruling.method(),
        ruling.path(), ruling.routeKey(), ruling.outcome(), ruling.checks(), event, eventIsBody, bytes);
  }

  /** The ruling again, its event read back from the JSON kept. */
  Ruling render() {
    String json = eventIsBody ? outcome.body() : event == null ? null : new String(event, StandardCharsets.UTF_8);
    return new Ruling(requestId, receivedAt, gateway, flavor, method, path, routeKey, outcome, checks,
        json == null ? null : Ruling.readEvent(json), json);
  }

  // a byte a character: what the JVM's compact strings take for the ASCII that rulings are mostly made of
  private static long size(String text) {
    return text == null ? 0 : STRING + text.length();
  }
}
