package dev.portcullis.engine.rules.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An issuer whose server closes every connection after one answer, as an HTTP/1.0 server does,
 * without saying so: the second fetch (discovery, then the JWKS) is retried once on a fresh
 * connection (issue 12, item 9), by the one key fetch the gateway, the token lab and token verify
 * share. Loopback only, two requests.
 */
class ClosingServerFetchTest {
  @Test
  void discoveryThenJwksFromAServerThatClosesEachConnection() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    String jwks = new JWKSet(key.toPublicJWK()).toString();
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      String base = "http://127.0.0.1:" + server.getLocalPort();
      Thread serving = Thread.ofVirtual().start(() -> {
        for (int i = 0; i < 4; i++) {
          try (Socket s = server.accept()) {
            connections.incrementAndGet();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            String line = in.readLine();
            while (in.readLine() instanceof String h && !h.isEmpty()) {
              // headers
            }
            String body = line.contains("openid-configuration")
                ? "{\"issuer\": \"" + base + "\", \"jwks_uri\": \"" + base + "/jwks.json\"}" : jwks;
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
          } catch (Exception e) {
            return;
          }
        }
      });
      JwksResult keys = JwksSource.http(Clock.systemUTC()).keys(base, false);
      assertThat(keys).isInstanceOfSatisfying(JwksResult.Found.class,
          found -> assertThat(found.keys()).extracting(SigningKey::kid).containsExactly("k1"));
      serving.interrupt();
    }
    assertThat(connections.get()).isGreaterThanOrEqualTo(2);
  }
}
