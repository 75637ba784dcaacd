package dev.portcullis.engine.send;

import dev.portcullis.engine.rules.HeaderList;
import java.time.Duration;

/** What happened on the wire: the request as sent, and the response or the failure. */
public sealed interface Exchange {
  OutgoingRequest request();

  Timings timings();

  /**
   * A response arrived.
   *
   * @param body at most the first {@link HttpExchanger#MAX_BODY_BYTES} bytes
   * @param bodySize the full size in bytes, when known
   */
  record Answered(OutgoingRequest request, int status, HeaderList headers, byte[] body, long bodySize, boolean truncated,
      Timings timings) implements Exchange {
    public String bodyText() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** No response: unreachable, TLS, timeout. {@code message} is a sentence, {@code fix} what to try. */
  record Failed(OutgoingRequest request, FailureKind kind, String message, String fix, Timings timings) implements Exchange {}

  enum FailureKind { UNREACHABLE, DNS, TLS, TIMEOUT, IO, CANCELLED }

  /** Phases as OkHttp's EventListener saw them; null where a phase did not happen (reused connection, plain HTTP). */
  record Timings(Duration dns, Duration connect, Duration tls, Duration firstByte, Duration total) {}
}
