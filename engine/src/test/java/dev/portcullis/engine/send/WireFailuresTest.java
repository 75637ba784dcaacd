package dev.portcullis.engine.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.http.OutgoingRequest;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each way a request can fail before an answer, named with a sentence and a fix, all on loopback
 * (no real network: the DNS case uses the reserved {@code .invalid} top-level domain, RFC 2606).
 */
class WireFailuresTest {
  private static final String EXECUTE_API = "a1b2c3d4e5.execute-api.eu-west-9.amazonaws.com.invalid";

  @Test
  void anUnresolvableExecuteApiHostNamesTheHostAndWhatUsuallyCausesIt() {
    Exchange.Failed f = failed(HttpExchanger.create(Duration.ofSeconds(5)), URI.create("https://" + EXECUTE_API + "/prod/me"));

    assertThat(f.kind()).isEqualTo(Exchange.FailureKind.DNS);
    assertThat(f.message()).isEqualTo("DNS failed: the host " + EXECUTE_API + " could not be resolved.");
    assertThat(f.fix()).contains("API id 'a1b2c3d4e5'", "region 'eu-west-9'", "baseUrl", "wrong stage", "private API", "VPC");
  }

  @Test
  void anUnresolvableCustomDomainPointsAtItsDnsRecord() {
    Exchange.Failed f = failed(HttpExchanger.create(Duration.ofSeconds(5)), URI.create("https://api.payments.invalid/v1/me"));

    assertThat(f.kind()).isEqualTo(Exchange.FailureKind.DNS);
    assertThat(f.message()).contains("api.payments.invalid");
    assertThat(f.fix()).contains("custom domain", "CNAME", "environment's variables");
  }

  @Test
  void aClosedPortIsConnectionRefused() throws Exception {
    int port = closedPort();

    Exchange.Failed f = failed(HttpExchanger.create(Duration.ofSeconds(2)), URI.create("http://127.0.0.1:" + port + "/x"));

    assertThat(f.kind()).isEqualTo(Exchange.FailureKind.UNREACHABLE);
    assertThat(f.message()).isEqualTo("Nothing answered at 127.0.0.1:" + port + " (connection refused).");
    assertThat(f.fix()).contains("local gateway", "port");
  }

  @Test
  void tlsAgainstAPlainHttpPortSaysTheServerSpeaksPlainHttp() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (Socket socket = plain.accept()) {
          socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
          Thread.sleep(500);
        } catch (Exception ignored) {
          // the client hangs up, as a TLS client does on a plain answer
        }
      });
      Exchange.Failed f = failed(HttpExchanger.create(Duration.ofSeconds(3)), URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/x"));

      assertThat(f.kind()).isEqualTo(Exchange.FailureKind.TLS);
      assertThat(f.message()).contains("127.0.0.1:" + plain.getLocalPort(), "plain HTTP, not TLS");
      assertThat(f.fix()).contains("http vs https");
    }
  }

  @Test
  void aServerThatNeverAnswersIsATimeoutWithTheLimit() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (Socket socket = silent.accept(); InputStream in = socket.getInputStream()) {
          in.transferTo(java.io.OutputStream.nullOutputStream()); // reads the request, never answers
        } catch (Exception ignored) {
          // the client gave up
        }
      });
      Exchange.Failed f = failed(HttpExchanger.create(Duration.ofMillis(400)), URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/x"));

      assertThat(f.kind()).isEqualTo(Exchange.FailureKind.TIMEOUT);
      assertThat(f.message()).startsWith("No answer from 127.0.0.1:" + silent.getLocalPort() + " within 0.4 s");
      assertThat(f.fix()).contains("29 s", "raise the timeout");
    }
  }

  @Test
  void aProxyThatIsNotThereIsBlamedNotTheEndpoint() throws Exception {
    int port = closedPort();
    Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port));

    Exchange.Failed f = failed(HttpExchanger.create(Duration.ofSeconds(2), proxy), URI.create("https://" + EXECUTE_API + "/prod/me"));

    assertThat(f.kind()).isEqualTo(Exchange.FailureKind.PROXY);
    assertThat(f.message()).isEqualTo("The proxy 127.0.0.1:" + port + " could not be reached (connection refused), so " + EXECUTE_API
        + " was never asked.");
    assertThat(f.fix()).contains("-Dhttps.proxyHost", "nonProxyHosts");
  }

  @Test
  void aProxyAskingForCredentialsSaysSo() throws Exception {
    try (ServerSocket proxyServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (Socket socket = proxyServer.accept()) {
          byte[] buffer = new byte[4096];
          socket.getInputStream().read(buffer); // the CONNECT request
          socket.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
              + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
          Thread.sleep(500);
        } catch (Exception ignored) {
          // the client hung up
        }
      });
      Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxyServer.getLocalPort()));

      Exchange.Failed f = failed(HttpExchanger.create(Duration.ofSeconds(3), proxy), URI.create("https://" + EXECUTE_API + "/prod/me"));

      assertThat(f.kind()).isEqualTo(Exchange.FailureKind.PROXY);
      assertThat(f.message()).contains("proxy 127.0.0.1:" + proxyServer.getLocalPort(), "407 Proxy Authentication Required", EXECUTE_API);
      assertThat(f.fix()).contains("no proxy credentials");
    }
  }

  private static Exchange.Failed failed(HttpExchanger exchanger, URI uri) {
    Exchange e = exchanger.send(new OutgoingRequest("GET", uri, null, null));
    assertThat(e).isInstanceOf(Exchange.Failed.class);
    return (Exchange.Failed) e;
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
