package dev.portcullis.engine.send;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import javax.net.SocketFactory;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * A {@link Network} stand-in wired into OkHttp: a {@link Dns} that answers only the stand-in's
 * names, and sockets that connect those names to the stand-in's ports (a URL says 443, the
 * stand-in cannot listen there).
 */
final class StandInWiring {
  private StandInWiring() {}

  static void wire(OkHttpClient.Builder builder, Network network) {
    if (!network.hosts().isEmpty()) {
      builder.dns(host -> lookup(network, host)).socketFactory(new Sockets(network));
    }
    if (network.trust() != null) {
      try {
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {network.trust()}, null);
        builder.sslSocketFactory(tls.getSocketFactory(), network.trust());
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException("this Java has no TLS: " + e.getMessage(), e);
      }
    }
  }

  private static List<InetAddress> lookup(Network network, String host) throws UnknownHostException {
    InetSocketAddress to = network.hosts().get(host);
    if (to != null) {
      // the name stays on the address, so the socket below finds the stand-in's port by it
      return List.of(InetAddress.getByAddress(host, to.getAddress().getAddress()));
    }
    if (host.equals("localhost") || host.matches("[0-9.]+") || host.contains(":")) {
      return Dns.SYSTEM.lookup(host);
    }
    throw new UnknownHostException(host + ": no address associated with hostname");
  }

  private static final class Sockets extends SocketFactory {
    private final Network network;

    Sockets(Network network) {
      this.network = network;
    }

    @Override
    public Socket createSocket() {
      return new Socket() {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
          super.connect(route(endpoint), timeout);
        }
      };
    }

    private SocketAddress route(SocketAddress endpoint) {
      if (endpoint instanceof InetSocketAddress a) {
        InetSocketAddress to = network.hosts().get(a.getHostString());
        if (to != null) {
          return to;
        }
      }
      return endpoint;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      Socket s = createSocket();
      s.connect(new InetSocketAddress(host, port));
      return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      Socket s = createSocket();
      s.bind(new InetSocketAddress(localHost, localPort));
      s.connect(new InetSocketAddress(host, port));
      return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      Socket s = createSocket();
      s.connect(new InetSocketAddress(host, port));
      return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      Socket s = createSocket();
      s.bind(new InetSocketAddress(localAddress, localPort));
      s.connect(new InetSocketAddress(address, port));
      return s;
    }
  }
}
