package dev.portcullis.engine.trace.explain;

import dev.portcullis.engine.trace.Header;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * A MockWebServer that answers one request the way API Gateway does (status, body, error headers),
 * and the client side that reads the answer back as an {@link ObservedResponse}.
 */
final class AwsLikeServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final HttpClient client = HttpClient.newHttpClient();

  AwsLikeServer() throws IOException {
    server.start();
  }

  /** Enqueues the answer, sends one GET, and returns what came back. */
  ObservedResponse answer(int status, String body, Map<String, String> headers) throws IOException, InterruptedException {
    MockResponse.Builder response = new MockResponse.Builder().code(status).body(body)
        .addHeader("Content-Type", "application/json");
    headers.forEach(response::addHeader);
    server.enqueue(response.build());
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/prod/me").toString())).GET().build();
    HttpResponse<String> got = client.send(request, HttpResponse.BodyHandlers.ofString());
    List<Header> received = new ArrayList<>();
    got.headers().map().forEach((name, values) -> values.forEach(v -> received.add(new Header(name, v))));
    return new ObservedResponse(got.statusCode(), received, got.body());
  }

  @Override
  public void close() {
    server.close();
  }
}
