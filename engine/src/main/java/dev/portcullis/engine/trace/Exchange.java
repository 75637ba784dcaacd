package dev.portcullis.engine.trace;

import dev.portcullis.engine.http.Timings;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP exchange as it happened on the wire: the request as sent, the response, and where the
 * time went.
 *
 * @param response null when nothing came back (connection refused, timeout)
 */
public record Exchange(SentRequest request, ReceivedResponse response, Timings timings) {
  public Exchange {
    Objects.requireNonNull(request, "exchange request");
    timings = timings == null ? Timings.UNKNOWN : timings;
  }

  /** The request exactly as sent, headers included (the export masks the secret ones). */
  public record SentRequest(String method, String url, List<Header> headers, String body) {
    public SentRequest {
      Objects.requireNonNull(method, "request method");
      Objects.requireNonNull(url, "request url");
      headers = headers == null ? List.of() : List.copyOf(headers);
      body = body == null ? "" : body;
    }
  }

  /** The response; {@code size} is the body's length in bytes as received. */
  public record ReceivedResponse(int status, List<Header> headers, String body, long size) {
    public ReceivedResponse {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("response status " + status + " is not an HTTP status");
      }
      headers = headers == null ? List.of() : List.copyOf(headers);
      body = body == null ? "" : body;
      if (size < 0) {
        throw new IllegalArgumentException("response size " + size + " is negative");
      }
    }
  }
}
