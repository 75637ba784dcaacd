package dev.portcullis.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.store.DemoWorkspace;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed HTTP gets an answer, not a silent close or a 200 (issue 12, item 10); raw sockets on loopback. */
class RawProtocolTest {
  private static LocalWorld world;

  @BeforeAll
  static void start() throws Exception {
    world = LocalWorld.start(DemoWorkspace.load(), Clock.systemUTC(), true, line -> { });
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  private static String raw(String request) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), world.gateway().port("payments"))) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      s.shutdownOutput();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void anUnknownHttpVersionIs505() throws Exception {
    assertThat(raw("GET /prod/health HTTP/9.9\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 505");
  }

  @Test
  void aBadChunkSizeIs400() throws Exception {
    String answer = raw("POST /prod/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400").contains("Bad Request");
  }

  @Test
  void andTheGatewayStillServes() throws Exception {
    assertThat(raw("GET /prod/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
  }
}
