package dev.portcullis.engine.identity;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.send.Exchange;
import dev.portcullis.engine.send.HttpExchanger;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * nimbus oauth2-oidc-sdk's HTTP, sent through Portcullis's exchanger so every token-endpoint and
 * discovery call shows in the trace.
 */
final class OkHttpSender implements HTTPRequestSender {
  private final HttpExchanger exchanger;
  private final Consumer<Exchange> observer;

  OkHttpSender(HttpExchanger exchanger, Consumer<Exchange> observer) {
    this.exchanger = exchanger;
    this.observer = observer;
  }

  @Override
  public HTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    request.getHeaderMap().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes(StandardCharsets.UTF_8);
    OutgoingRequest out;
    try {
      out = new OutgoingRequest(request.getMethod().name(), request.getURL().toURI(), new HeaderList(headers), body);
    } catch (URISyntaxException e) {
      throw new IOException("not a valid URL: " + request.getURL(), e);
    }
    Exchange exchange = exchanger.send(out);
    observer.accept(exchange);
    return switch (exchange) {
      case Exchange.Failed f -> throw new IOException(f.message() + " " + f.fix());
      case Exchange.Answered a -> {
        HTTPResponse response = new HTTPResponse(a.status());
        for (Map.Entry<String, String> h : a.headers().entries()) {
          response.setHeader(h.getKey(), h.getValue());
        }
        response.setBody(a.bodyText());
        yield response;
      }
    };
  }
}
