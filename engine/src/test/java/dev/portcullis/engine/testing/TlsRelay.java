package dev.portcullis.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLServerSocket;

/**
 * TLS in front of a plain loopback port, byte for byte: what a client sends after the handshake goes
 * to the port unchanged and back. It knows nothing of HTTP, so it works whatever server listens there.
 */
public final class TlsRelay implements AutoCloseable {
  private final SSLServerSocket server;
  private final int plainPort;

  private TlsRelay(SSLServerSocket server, int plainPort) {
    this.server = server;
    this.plainPort = plainPort;
  }

  /** Listens on a free loopback port with {@code tls}'s certificate, relaying to {@code plainPort}. */
  public static TlsRelay start(javax.net.ssl.SSLContext tls, int plainPort) throws IOException {
    SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    TlsRelay relay = new TlsRelay(server, plainPort);
    Thread.ofVirtual().name("tls-relay-" + plainPort).start(relay::accept);
    return relay;
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> relay(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void relay(Socket client) {
    try (client; Socket plain = new Socket(InetAddress.getLoopbackAddress(), plainPort)) {
      Thread back = Thread.ofVirtual().start(() -> pump(plain, client));
      pump(client, plain);
      back.join();
    } catch (IOException | InterruptedException e) {
      // a handshake the client gave up on, or a closed port: the client sees its own failure
    }
  }

  /** Copies until {@code from} ends, then ends {@code to}'s output so the other side sees the close. */
  private static void pump(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
      out.flush();
    } catch (IOException e) {
      // the other side closed first
    } finally {
      try {
        to.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
