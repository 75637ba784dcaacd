package dev.portcullis.engine.send;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.http.Timings;

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

  /** No response: DNS, TLS, refused, timeout, a proxy. {@code message} is a sentence, {@code fix} what to try. */
  record Failed(OutgoingRequest request, FailureKind kind, String message, String fix, Timings timings) implements Exchange {}

  /** UNREACHABLE: connection refused. PROXY: the proxy in the way failed or refused. CANCELLED: by the user. IO: anything else. */
  enum FailureKind { UNREACHABLE, DNS, TLS, TIMEOUT, PROXY, IO, CANCELLED }
}
