package dev.portcullis.engine.http;

import java.net.URI;
import java.time.Instant;
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

  /**
   * This request as API Gateway will receive it at {@code at}: the one conversion the predictor
   * and the SigV4 inspector share. A missing Host header is added by {@link #hostHeader()}'s rule.
   */
  public IncomingRequest asReceived(Instant at) {
    HeaderList received = headers.has("host") ? headers : headers.with("Host", hostHeader());
    return new IncomingRequest(method, url.getRawPath(), url.getRawQuery(), received, body, "127.0.0.1", at);
  }

  /**
   * The Host header a client sends for this URL: the host, plus the port unless it is the scheme's
   * default (80 for http, 443 for https), as the SDK's signer and HTTP clients write it.
   */
  public String hostHeader() {
    int port = url.getPort();
    boolean defaultPort = port < 0 || (port == 443 && "https".equals(url.getScheme()))
        || (port == 80 && "http".equals(url.getScheme()));
    return defaultPort ? url.getHost() : url.getHost() + ":" + port;
  }
}
