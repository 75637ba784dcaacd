package dev.portcullis.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling of the JDK HTTP server on this machine: the same server, backlog and executor choices
 * as the local gateway, a handler that reads the body and answers a fixed body of the size of the
 * JWT route's answer, and no rule book.
 *
 * <p>Usage: {@code TrivialServer <body bytes> <executor>}, executor {@code pool8} (8 threads, queue
 * 256, caller runs: the gateway before this work), {@code virtual} (a virtual thread per exchange)
 * or {@code direct} (the server's own dispatcher thread). Prints the URL, then {@code ready}.
 */
public final class TrivialServer {
  private TrivialServer() {}

  public static void main(String[] args) throws Exception {
    byte[] body = new byte[Integer.parseInt(args[0])];
    Arrays.fill(body, (byte) 'x');
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.setExecutor(executor(args[1]));
    server.start();
    System.out.println("trivial HTTP http://127.0.0.1:" + server.getAddress().getPort());
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
  }

  private static ExecutorService executor(String kind) {
    return switch (kind) {
      case "pool8" -> new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
          Thread.ofPlatform().daemon(true).factory(), new ThreadPoolExecutor.CallerRunsPolicy());
      case "virtual" -> Executors.newVirtualThreadPerTaskExecutor();
      case "direct" -> null;
      default -> throw new IllegalArgumentException("executor is pool8, virtual or direct, not " + kind);
    };
  }
}
