package dev.portcullis.engine.serve;

import dev.portcullis.engine.http.HeaderList;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request, read whole, and the one answer to it. Header names are as the client sent them
 * ({@code content-type} stays {@code content-type}), and answer header names are written exactly
 * as given ({@code x-amzn-ErrorType}), as API Gateway does both.
 */
public interface Exchange {
  /** The method as sent, e.g. {@code GET}. */
  String method();

  /** The protocol of the request line, e.g. {@code HTTP/1.1}. */
  String protocol();

  /** The path as sent, still percent-encoded. */
  String rawPath();

  /** The path with percent-escapes decoded. */
  String path();

  /** The query string as sent, without {@code ?}; null when the target has none. */
  String rawQuery();

  /** Headers in the order received, names as the client spelled them. */
  HeaderList headers();

  /** The first value of a header (name compared without case), if present. */
  default Optional<String> header(String name) {
    return headers().first(name);
  }

  /** The body, or empty when it was larger than the server's body limit (the rest was not read). */
  Optional<byte[]> body();

  /** The body's declared {@code Content-Length}, or -1 when the request declared none (chunked, or no body). */
  long declaredLength();

  /** The client's IP address. */
  String remoteAddress();

  /**
   * Answers with this status (the status line carries its reason phrase), these headers written
   * as spelled, and this body; {@code Content-Length} and {@code Date} are added. Once only.
   */
  void respond(int status, Map<String, String> headers, byte[] body);

  /** Whether {@link #respond} was called. */
  boolean responded();
}
