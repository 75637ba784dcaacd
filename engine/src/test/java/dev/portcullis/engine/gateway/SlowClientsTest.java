package dev.portcullis.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.store.DemoWorkspace;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow clients stall nothing (issue 12, item 3): twelve connections trickling their headers or body
 * to one API, and four to the identity providers, while every other API and the identity providers
 * answer at once; the server closes the trickling connections after its read timeout. Loopback
 * only, bounded in count and time.
 */
@Timeout(60)
class SlowClientsTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3)).build();

  private static Socket trickle(int port, String start) throws Exception {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setSoTimeout(20_000);
    OutputStream out = s.getOutputStream();
    out.write(start.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  private static int status(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void otherApisAndTheIdentityProvidersAnswerWhileSlowClientsHoldConnections() throws Exception {
    try (LocalWorld world = LocalWorld.start(DemoWorkspace.load(), Clock.systemUTC(), true, line -> { })) {
      int payments = world.gateway().port("payments");
      int idp = world.identityProviders().baseUrl().getPort();
      String jwks = world.identityProviders().baseUrl() + "/us-east-1_Local01/.well-known/jwks.json";
      HTTP.send(HttpRequest.newBuilder(URI.create(jwks)).GET().build(), HttpResponse.BodyHandlers.discarding()); // keys derived once
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < 6; i++) {
          slow.add(trickle(payments, "GET /prod/health HTTP/1.1\r\nHost: x\r\nX-Slow: ")); // headers never end
          slow.add(trickle(payments, "POST /prod/health HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"a\":")); // body never ends
        }
        for (int i = 0; i < 4; i++) {
          slow.add(trickle(idp, "GET /us-east-1_Local01/.well-known/jwks.json HTTP/1.1\r\nHost: x\r\nX-Slow: "));
        }
        long start = System.nanoTime();
        assertThat(status(world.apiUrls().get("mobile") + "/v2/me")).isEqualTo(401);
        assertThat(status(world.apiUrls().get("b2b") + "/b2b/settlements")).isIn(401, 403, 404);
        assertThat(status(jwks)).isEqualTo(200);
        assertThat(status(world.apiUrls().get("payments") + "/health")).as("even the API they trickle to").isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));

        // the read timeout (portcullis.readTimeoutSeconds, 3 s in the test JVM) closes every trickling connection
        for (Socket s : slow) {
          InputStream in = s.getInputStream();
          int first = in.read();
          assertThat(first == -1 || new String(in.readNBytes(12), StandardCharsets.US_ASCII).contains(" 40"))
              .as("closed or refused").isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }
}
