package dev.portcullis.engine.serve;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What keeps a slow or greedy client from stalling the local servers (the gateway's ports and the
 * identity providers): a read timeout for a request's headers and body, a bound on the request
 * line and headers, its own executor per server with a virtual thread per exchange (a blocking
 * authoriser parks a virtual thread, not an event loop), and a budget of exchanges in flight per
 * port.
 */
public final class ServerLimits {
  /** Seconds a client has to send a request's headers and body; {@code -Dportcullis.readTimeoutSeconds} changes it. */
  public static final String READ_TIMEOUT_PROPERTY = "portcullis.readTimeoutSeconds";
  /** API Gateway's own limit on a request is 30 s end to end (its integration gets 29 s); a client gets 10 s to send one. */
  static final long DEFAULT_READ_TIMEOUT_SECONDS = 10;
  /** Exchanges one port serves at once; past it a client gets 429 at once instead of a queue that grows. */
  public static final int EXCHANGES_PER_PORT = 256;
  /**
   * The request line, and the headers together, each at most this long. Well above API Gateway's
   * 10,240-byte quota on the request line and header values, so the rule book judges that quota
   * with a ruling (413, {@code request.headerSize}); past this bound the server answers the same
   * 413 body itself, without one.
   */
  public static final int MAX_HEADER_BYTES = 64 * 1024;
  /** A keep-alive connection with no request in progress is closed after this long. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  private ServerLimits() {}

  /** The read timeout: {@code -Dportcullis.readTimeoutSeconds}, else 10 s. */
  static Duration readTimeout() {
    String seconds = System.getProperty(READ_TIMEOUT_PROPERTY, String.valueOf(DEFAULT_READ_TIMEOUT_SECONDS));
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(seconds.trim())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(DEFAULT_READ_TIMEOUT_SECONDS);
    }
  }

  /** A virtual thread per exchange, named for the server: one server's slow handlers take nothing from another's. */
  static ExecutorService executor(String name) {
    return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
  }
}
