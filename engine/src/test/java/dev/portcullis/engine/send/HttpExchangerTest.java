package dev.portcullis.engine.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.OutgoingRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpExchangerTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void capturesStatusHeadersBodyAndTimings() throws Exception {
    server.enqueue(new MockResponse.Builder().code(403).addHeader("x-amzn-ErrorType", "AccessDeniedException")
        .body("{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}").build());
    OutgoingRequest request = new OutgoingRequest("POST", server.url("/prod/partners/acme/transactions").uri(),
        HeaderList.of("content-type", "application/json", "x-api-key", "k"), "{\"amount\":1}".getBytes());

    Exchange exchange = HttpExchanger.create(Duration.ofSeconds(5)).send(request);

    assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, a -> {
      assertThat(a.status()).isEqualTo(403);
      assertThat(a.headers().first("x-amzn-errortype")).contains("AccessDeniedException");
      assertThat(a.bodyText()).contains("explicit deny");
      assertThat(a.timings().total()).isPositive();
      assertThat(a.timings().connect()).isNotNull();
      assertThat(a.timings().firstByte()).isPositive().isLessThanOrEqualTo(a.timings().total());
    });
    RecordedRequest received = server.takeRequest();
    assertThat(received.getHeaders().get("x-api-key")).isEqualTo("k");
    assertThat(received.getBody().utf8()).isEqualTo("{\"amount\":1}");
  }

  @Test
  void hugeBodyIsCutButItsSizeReported() {
    int size = HttpExchanger.MAX_BODY_BYTES + 12345;
    server.enqueue(new MockResponse.Builder().body("x".repeat(size)).build());

    Exchange exchange = HttpExchanger.create(Duration.ofSeconds(10)).send(get(server.url("/big").uri()));

    assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, a -> {
      assertThat(a.body()).hasSize(HttpExchanger.MAX_BODY_BYTES);
      assertThat(a.bodySize()).isEqualTo(size);
      assertThat(a.truncated()).isTrue();
    });
  }

  @Test
  void nothingListeningIsAFailedExchangeWithASentenceAndAFix() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }

    Exchange exchange = HttpExchanger.create(Duration.ofSeconds(2)).send(get(URI.create("http://127.0.0.1:" + port + "/x")));

    assertThat(exchange).isInstanceOfSatisfying(Exchange.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(Exchange.FailureKind.UNREACHABLE);
      assertThat(f.message()).contains("Nothing answered at 127.0.0.1:" + port);
      assertThat(f.fix()).contains("local gateway");
    });
  }

  @Test
  void slowServerIsATimeout() {
    server.enqueue(new MockResponse.Builder().headersDelay(3, java.util.concurrent.TimeUnit.SECONDS).build());

    Exchange exchange = HttpExchanger.create(Duration.ofMillis(300)).send(get(server.url("/slow").uri()));

    assertThat(exchange).isInstanceOfSatisfying(Exchange.Failed.class, f -> assertThat(f.kind()).isEqualTo(Exchange.FailureKind.TIMEOUT));
  }

  @Test
  void tlsToAPlainHttpServerIsATlsFailure() throws Exception {
    Exchange exchange;
    try (ServerSocket plain = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (var socket = plain.accept()) {
          socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
          socket.getOutputStream().flush();
          Thread.sleep(500);
        } catch (Exception ignored) {
          // the client hung up, as a TLS client does on a plain answer
        }
      });
      exchange = HttpExchanger.create(Duration.ofSeconds(3)).send(get(URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/x")));
    }

    assertThat(exchange).isInstanceOfSatisfying(Exchange.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(Exchange.FailureKind.TLS);
      assertThat(f.fix()).contains("http vs https");
    });
  }

  private static OutgoingRequest get(URI uri) {
    return new OutgoingRequest("GET", uri, null, null);
  }
}
