package dev.portcullis.engine.http;

import java.time.Instant;
import java.util.Objects;

/**
 * A request as API Gateway receives it, before any decision: the input of the rule book.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the path as on the wire, still percent-encoded, including the stage prefix where
 *     the gateway has one (e.g. {@code /prod/partners/a%20b/transactions})
 * @param rawQuery the query string as on the wire without {@code ?}, or null when there is none
 * @param headers as received
 * @param body the payload bytes (empty when none)
 * @param sourceIp the caller's address
 * @param receivedAt when the gateway received it (SigV4 skew and expiry are judged against this)
 */
public record IncomingRequest(
    String method, String rawPath, String rawQuery, HeaderList headers, byte[] body, String sourceIp, Instant receivedAt) {

  public IncomingRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    headers = headers == null ? new HeaderList(null) : headers;
    body = body == null ? new byte[0] : body;
    sourceIp = sourceIp == null ? "127.0.0.1" : sourceIp;
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
