package dev.portcullis.engine.send;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.X509TrustManager;

/**
 * Where host names connect and which certificates are trusted. {@link #system()} is the machine's
 * DNS and the JDK's trust store, as every real send uses. A stand-in of a deployed gateway (tests)
 * names each host it serves with the address and port it listens on and the CA of its test
 * certificate; then a name it does not serve does not resolve, as a wrong API id does not.
 *
 * @param hosts host name to the address its connections go to (port included); empty: the system's DNS
 * @param trust the certificates to trust instead of the JDK's; null: the JDK's
 */
public record Network(Map<String, InetSocketAddress> hosts, X509TrustManager trust) {
  private static final Network SYSTEM = new Network(Map.of(), null);

  public Network {
    hosts = Map.copyOf(Objects.requireNonNull(hosts, "hosts"));
  }

  /** The machine's DNS and trust store. */
  public static Network system() {
    return SYSTEM;
  }

  /** Only {@code hosts} resolve (plus loopback and address literals), and only {@code trust}'s certificates are trusted. */
  public static Network standIn(Map<String, InetSocketAddress> hosts, X509TrustManager trust) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("a stand-in network names at least one host");
    }
    return new Network(hosts, Objects.requireNonNull(trust, "trust"));
  }

  boolean isSystem() {
    return hosts.isEmpty() && trust == null;
  }
}
