package dev.portcullis.engine.run;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.send.Exchange;
import dev.portcullis.engine.send.OutgoingRequest;
import dev.portcullis.engine.trace.Header;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    Exchange.Timings t = exchange.timings();
    var timings = new dev.portcullis.engine.trace.Exchange.Timings(t.dns(), t.connect(), t.tls(), t.firstByte(), t.total());
    return switch (exchange) {
      case Exchange.Answered a -> new dev.portcullis.engine.trace.Exchange(sent,
          new dev.portcullis.engine.trace.Exchange.ReceivedResponse(a.status(), headers(a.headers()), a.bodyText(), a.bodySize()), timings);
      case Exchange.Failed f -> new dev.portcullis.engine.trace.Exchange(sent, null, timings);
    };
  }

  /** The outgoing request as the gateway will receive it, for the predictor. */
  static IncomingRequest asReceived(OutgoingRequest out, Instant at) {
    HeaderList headers = out.headers();
    if (!headers.has("host")) {
      int port = out.url().getPort();
      headers = headers.with("Host", out.url().getHost() + (port > 0 ? ":" + port : ""));
    }
    return new IncomingRequest(out.method(), out.url().getRawPath(), out.url().getRawQuery(), headers, out.body(), "127.0.0.1", at);
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
