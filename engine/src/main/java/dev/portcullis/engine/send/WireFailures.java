package dev.portcullis.engine.send;

import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.http.Timings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Names what went wrong on the way to an answer, in a sentence a user reads and a fix they can try:
 * DNS (with what usually causes it for an execute-api host), TLS, connection refused, timeout, and
 * a proxy in the way. The sentences name the host, never a header or body, so they are safe in a
 * trace export.
 */
final class WireFailures {
  private WireFailures() {}

  /** {@code {apiId}[-{vpce}].execute-api.{region}.amazonaws.com}, the host of an API's default endpoint. */
  private static final Pattern EXECUTE_API = Pattern.compile("^([a-z0-9]+)(-vpce-[a-z0-9]+)?\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com");

  /** OkHttp's hostname failure lists the certificate's names on a line of its own. */
  private static final Pattern SUBJECT_ALT_NAMES = Pattern.compile("subjectAltNames: \\[([^\\]\n]*)\\]");

  static Exchange.Failed name(OutgoingRequest request, IOException e, Timings timings, Duration timeout, Proxy proxy) {
    String host = request.url().getHost();
    String hostPort = host + (request.url().getPort() > 0 ? ":" + request.url().getPort() : "");
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // a sentence is one line; the hostname check is the one that needs the rest, to say which names the certificate covers
    String detail = message.lines().findFirst().orElse(message).strip();
    Optional<String> via = proxy == null || proxy.type() == Proxy.Type.DIRECT ? Optional.empty() : Optional.of(describe(proxy));
    if (via.isPresent()) {
      Optional<Exchange.Failed> proxied = proxyFailure(request, e, timings, via.get(), hostPort, detail);
      if (proxied.isPresent()) {
        return proxied.get();
      }
    }
    if (e instanceof UnknownHostException) {
      return failed(request, Exchange.FailureKind.DNS, "DNS failed: the host " + host + " could not be resolved.", dnsFix(host), timings);
    }
    if (e instanceof ConnectException) {
      return failed(request, Exchange.FailureKind.UNREACHABLE, "Nothing answered at " + hostPort + " (connection refused).",
          loopback(host) ? "Is the local gateway running (portcullis gateway serve), or the URL's port right?"
              : "Nothing listens on that port: check the URL's port and scheme (API Gateway listens on 443, https only);"
                  + " a firewall that rejects connections looks the same.", timings);
    }
    if (e instanceof SSLException ssl) {
      return tls(request, ssl, timings, hostPort, message);
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return timeout(request, timings, timeout, hostPort, detail);
    }
    return failed(request, Exchange.FailureKind.IO, "The exchange with " + hostPort + " failed: " + detail + ".",
        "Retry; if it persists, check the network path to the endpoint.", timings);
  }

  private static String dnsFix(String host) {
    Matcher m = EXECUTE_API.matcher(host.toLowerCase(Locale.ROOT));
    if (m.find()) {
      String privateNote = m.group(2) != null
          ? "this VPC endpoint host resolves only inside its VPC (or with the endpoint's private DNS)"
          : "a private API resolves only inside its VPC: call it from there, through the VPC endpoint's DNS name";
      return "API id '" + m.group(1) + "' or region '" + m.group(3) + "' in the URL is likely wrong: check the gateway's baseUrl and"
          + " the environment's variables (a wrong stage resolves and answers 403 instead); or " + privateNote + ".";
    }
    return "Check the URL or the gateway's baseUrl and the selected environment's variables; a custom domain needs its DNS"
        + " record (an alias or CNAME to the API Gateway domain name), and a name that resolves only on a VPN or in a VPC fails outside it.";
  }

  private static Exchange.Failed tls(OutgoingRequest request, SSLException e, Timings timings, String hostPort, String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    String detail = message.lines().findFirst().orElse(message).strip();
    if (lower.contains("unrecognized ssl message") || lower.contains("plaintext") || lower.contains("unsupported or unrecognized")) {
      return failed(request, Exchange.FailureKind.TLS, "The TLS handshake with " + hostPort + " failed: the server answered in plain"
          + " HTTP, not TLS.", "The URL says https but that port serves plain HTTP: check the URL's scheme (http vs https); the local"
          + " gateway serves plain http://127.0.0.1.", timings);
    }
    if (e instanceof SSLPeerUnverifiedException || lower.contains("not verified") || lower.contains("hostname")) {
      Matcher names = SUBJECT_ALT_NAMES.matcher(message);
      String covers = names.find() ? "it names " + names.group(1) : detail;
      return failed(request, Exchange.FailureKind.TLS, "The certificate of " + hostPort + " does not name that host (" + covers + ").",
          "A custom domain serving another name's certificate, or a private API called by its VPC endpoint host name: use the name the"
              + " certificate covers (check http vs https and the host in baseUrl).", timings);
    }
    if (e instanceof SSLHandshakeException && (lower.contains("pkix") || lower.contains("certification path") || lower.contains("certificate"))) {
      return failed(request, Exchange.FailureKind.TLS, "The certificate of " + hostPort + " is not trusted by this Java (" + detail + ").",
          "A proxy or antivirus that inspects TLS puts in its own certificate: add its CA to Java's trust store"
              + " (-Djavax.net.ssl.trustStore) or the JDK's cacerts; API Gateway's own certificates are trusted by default."
              + " Also check http vs https.", timings);
    }
    return failed(request, Exchange.FailureKind.TLS, "The TLS handshake with " + hostPort + " failed: " + detail + ".",
        "Check the URL's scheme (http vs https) and that the server's certificate is trusted by this Java.", timings);
  }

  private static Exchange.Failed timeout(OutgoingRequest request, Timings timings, Duration timeout, String hostPort, String detail) {
    String within = seconds(timeout);
    if (detail.toLowerCase(Locale.ROOT).contains("connect")) {
      return failed(request, Exchange.FailureKind.TIMEOUT, "Could not connect to " + hostPort + " within " + within + " (connect timeout).",
          "Packets are dropped on the way: a firewall, a VPN that is off, or a private API called from outside its VPC.", timings);
    }
    return failed(request, Exchange.FailureKind.TIMEOUT, "No answer from " + hostPort + " within " + within + " (timeout: " + detail
        + ").", "The server accepted the request and stayed silent. API Gateway answers within 29 s (a slow integration gets 504),"
        + " so a longer silence is the endpoint, the network or a proxy: retry, or raise the timeout.", timings);
  }

  /** A failure that happened at the proxy, not at the endpoint; empty when the proxy is not to blame. */
  private static Optional<Exchange.Failed> proxyFailure(OutgoingRequest request, IOException e, Timings timings, String proxy,
      String hostPort, String detail) {
    String lower = detail.toLowerCase(Locale.ROOT);
    String bypass = " or bypass it for this host (-Dhttps.nonProxyHosts, -Dhttp.nonProxyHosts).";
    if (e instanceof ConnectException || e instanceof UnknownHostException
        || (e instanceof SocketTimeoutException && lower.contains("connect"))) {
      return Optional.of(failed(request, Exchange.FailureKind.PROXY, "The proxy " + proxy + " could not be reached ("
          + (e instanceof UnknownHostException ? "its host name does not resolve" : e instanceof ConnectException ? "connection refused"
              : "connect timeout") + "), so " + hostPort + " was never asked.",
          "Check the proxy settings Java uses (-Dhttps.proxyHost, -Dhttps.proxyPort, or the system's proxy) and that the proxy runs,"
              + bypass, timings));
    }
    if (lower.contains("authenticate with proxy") || lower.contains("407")) {
      return Optional.of(failed(request, Exchange.FailureKind.PROXY, "The proxy " + proxy + " asked for credentials (407 Proxy"
          + " Authentication Required) before letting the request through to " + hostPort + ".",
          "Portcullis sends no proxy credentials: have the proxy let this host through without them," + bypass, timings));
    }
    if (lower.contains("connect:") || lower.contains("tunnel")) {
      return Optional.of(failed(request, Exchange.FailureKind.PROXY, "The proxy " + proxy + " refused to open a tunnel to " + hostPort
          + " (" + detail + ").", "The proxy does not let this host through: ask for it to be allowed," + bypass, timings));
    }
    return Optional.empty();
  }

  private static Exchange.Failed failed(OutgoingRequest request, Exchange.FailureKind kind, String message, String fix, Timings timings) {
    return new Exchange.Failed(request, kind, message, fix, timings);
  }

  private static boolean loopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
  }

  private static String describe(Proxy proxy) {
    return proxy.address() instanceof InetSocketAddress a ? a.getHostString() + ":" + a.getPort() : String.valueOf(proxy.address());
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
