package dev.portcullis.engine.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * What keeps a slow or greedy client from stalling the local servers (the gateway's ports and the
 * identity providers): a read timeout for a request's headers and body, its own executor per
 * server with a virtual thread per exchange (a client that trickles its bytes parks a virtual
 * thread, not one of eight shared workers), and a budget of exchanges in flight per port.
 *
 * <p>The JDK server reads its timeouts once per process from {@code sun.net.httpserver.*}
 * properties, so {@link #install()} runs before the first server is created; a value the user set
 * on the command line wins.
 */
public final class ServerLimits {
  /** Seconds a client has to send a request's headers and body; {@code -Dportcullis.readTimeoutSeconds} changes it. */
  public static final String READ_TIMEOUT_PROPERTY = "portcullis.readTimeoutSeconds";
  /** API Gateway's own limit on a request is 30 s end to end (its integration gets 29 s); a client gets 10 s to send one. */
  static final long DEFAULT_READ_TIMEOUT_SECONDS = 10;
  /** Exchanges one port serves at once; past it a client gets 429 at once instead of a queue that grows. */
  public static final int EXCHANGES_PER_PORT = 256;

  private ServerLimits() {}

  /** Sets the JDK server's request timeout (headers and body) unless already set; idempotent. */
  public static void install() {
    String seconds = System.getProperty(READ_TIMEOUT_PROPERTY, String.valueOf(DEFAULT_READ_TIMEOUT_SECONDS));
    System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", seconds);
    // how often the server looks for requests past their time; the default (1 s) is fine, but say it
    System.getProperties().putIfAbsent("sun.net.httpserver.timerMillis", "500");
  }

  /** A virtual thread per exchange, named for the server: one server's slow clients take nothing from another's. */
  public static ExecutorService executor(String name) {
    return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
  }

  /** {@code handler} behind a budget of {@code max} exchanges in flight; over it, 429 with the gateway's throttle body. */
  public static HttpHandler budgeted(HttpHandler handler, int max) {
    Semaphore budget = new Semaphore(max);
    return exchange -> {
      if (!budget.tryAcquire()) {
        refuse(exchange);
        return;
      }
      try {
        handler.handle(exchange);
      } finally {
        budget.release();
      }
    };
  }

  private static void refuse(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = "{\"message\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Connection", "close");
      exchange.sendResponseHeaders(429, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
