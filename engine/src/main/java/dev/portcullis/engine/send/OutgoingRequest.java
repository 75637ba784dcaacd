package dev.portcullis.engine.send;

import dev.portcullis.engine.http.HeaderList;
import java.net.URI;
import java.util.Objects;

/**
 * A request ready to go on the wire: variables resolved, credentials applied.
 *
 * @param url absolute, with the path still percent-encoded as it will be sent
 */
public record OutgoingRequest(String method, URI url, HeaderList headers, byte[] body) {
  public OutgoingRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    if (!url.isAbsolute() || url.getHost() == null) {
      throw new IllegalArgumentException("request URL " + url + " is not absolute (expected http(s)://host/path)");
    }
    headers = headers == null ? new HeaderList(null) : headers;
    body = body == null ? new byte[0] : body;
  }

  public OutgoingRequest withHeader(String name, String value) {
    return new OutgoingRequest(method, url, headers.with(name, value), body);
  }

  public OutgoingRequest withHeaders(HeaderList replaced) {
    return new OutgoingRequest(method, url, replaced, body);
  }
}
