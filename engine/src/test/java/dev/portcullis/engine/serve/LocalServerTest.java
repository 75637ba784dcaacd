package dev.portcullis.engine.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local server on its own: HTTPS when given a context, and the body limit handlers rely on. */
class LocalServerTest {
  private static final ExchangeHandler ECHO_SIZE = exchange -> exchange.respond(200, Map.of("x-amzn-RequestId", "r1"),
      exchange.body().map(b -> ("body " + b.length).getBytes(StandardCharsets.UTF_8)).orElse("too large".getBytes()));

  @Test
  void servesHttpsWithTheContextItIsGiven(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("local.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "local", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
        .redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor()).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, "changeit".toCharArray());
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(km.getKeyManagers(), null, null);
    TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tm.init(keys);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, tm.getTrustManagers(), null);

    try (LocalServer https = LocalServer.builder("test-tls", ECHO_SIZE).tls(Optional.of(server)).start()) {
      HttpResponse<String> answer = HttpClient.newBuilder().sslContext(client).version(HttpClient.Version.HTTP_1_1).build()
          .send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + https.port() + "/x"))
              .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("body 5");
      assertThat(answer.headers().firstValue("x-amzn-RequestId")).contains("r1");
    }
  }

  @Test
  void aBodyOverTheLimitReachesTheHandlerAsEmptyAndTheConnectionCloses() throws Exception {
    try (LocalServer http = LocalServer.builder("test-limit", ECHO_SIZE).maxBodyBytes(10).start();
         Socket s = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n0123456789A".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

      assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nConnection: close\r\n").endsWith("too large");
    }
  }
}
