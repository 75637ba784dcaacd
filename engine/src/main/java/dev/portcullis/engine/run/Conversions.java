package dev.portcullis.engine.run;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.http.Timings;
import dev.portcullis.engine.send.Exchange;
import dev.portcullis.engine.trace.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Between the shapes of send, rules and trace. */
final class Conversions {
  private Conversions() {}

  static List<Header> headers(HeaderList headers) {
    return headers.entries().stream().map(e -> new Header(e.getKey(), e.getValue())).toList();
  }

  static dev.portcullis.engine.trace.Exchange exchange(Exchange exchange) {
    OutgoingRequest r = exchange.request();
    var sent = new dev.portcullis.engine.trace.Exchange.SentRequest(r.method(), r.url().toString(), headers(r.headers()),
        new String(r.body(), StandardCharsets.UTF_8));
    Timings timings = exchange.timings();
    return switch (exchange) {
      case Exchange.Answered a -> new dev.portcullis.engine.trace.Exchange(sent,
          new dev.portcullis.engine.trace.Exchange.ReceivedResponse(a.status(), headers(a.headers()), a.bodyText(), a.bodySize()), timings);
      case Exchange.Failed f -> new dev.portcullis.engine.trace.Exchange(sent, null, timings);
    };
  }

  static String json(Object value) {
    return dev.portcullis.engine.store.Json.write(value).strip();
  }

  static Map<String, Object> map(Object o) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
    return m;
  }
}
