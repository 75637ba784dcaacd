package dev.portcullis.engine.rules.jwt;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A GET with a deadline and a size cap, such as an HTTP API's quotas on a JWT issuer's endpoints
 * (apigw-facts §3: 1500 ms, 150000 bytes). The deadline covers the whole exchange, body included: {@link HttpRequest#timeout} alone
 * stops counting once headers arrive, and a slow body must fail the same way.
 */
final class BoundedFetch implements HttpJwksSource.Fetch {
  private static final ExecutorService FETCHES =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("portcullis-jwks-fetch-", 0).factory());

  private final Duration timeout;
  private final int maxBytes;
  private final HttpClient client;

  BoundedFetch(Duration timeout, int maxBytes) {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    // HTTP/1.1: an h2c upgrade attempt on plain http buys nothing for a one-shot key fetch.
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /**
   * The body of a 200 response, as UTF-8. A connection the server closed without saying so (an
   * HTTP/1.0 server such as {@code python3 -m http.server}) fails the reuse of it: that GET is tried
   * once more on a fresh connection, as clients do; refusals, timeouts and oversized bodies are not.
   */
  @Override
  public String get(URI uri) throws FetchFailure {
    try {
      return getOnce(uri);
    } catch (ClosedConnection e) {
      try {
        return getOnce(uri);
      } catch (ClosedConnection again) {
        throw new FetchFailure(again.getMessage());
      }
    }
  }

  private String getOnce(URI uri) throws FetchFailure {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
    // The blocking send on a thread of our own, not sendAsync: the JDK client hands sendAsync's
    // result to the ForkJoin common pool, so any task that blocks that pool elsewhere in the process
    // (on two cores it has one worker) held every fetch until the deadline, answered or not.
    Future<HttpResponse<byte[]>> pending = FETCHES.submit(() -> client.send(request, info -> new CappedBody(maxBytes)));
    HttpResponse<byte[]> response;
    try {
      response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new FetchFailure(timedOut(uri));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchFailure("interrupted while fetching " + uri);
    } catch (ExecutionException e) {
      if (closedByServer(e.getCause())) {
        throw new ClosedConnection(describe(e.getCause(), uri));
      }
      throw new FetchFailure(describe(e.getCause(), uri));
    }
    if (response.statusCode() != 200) {
      throw new FetchFailure("HTTP " + response.statusCode() + " from " + uri);
    }
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private String describe(Throwable cause, URI uri) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return "response from " + uri + " exceeds " + maxBytes + " bytes";
      }
      if (t instanceof HttpTimeoutException) {
        return timedOut(uri);
      }
      if (t instanceof ConnectException) {
        return "nothing answered at " + uri + " (connection refused)";
      }
    }
    return "fetching " + uri + " failed: " + cause;
  }

  /** An I/O failure that is neither a refusal, a timeout nor our own size cap: the server dropped the connection. */
  private static boolean closedByServer(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof TooLarge || t instanceof HttpTimeoutException || t instanceof ConnectException) {
        return false;
      }
    }
    return cause instanceof java.io.IOException;
  }

  private String timedOut(URI uri) {
    String seconds = BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
    return "timed out after " + seconds + " s fetching " + uri;
  }

  /** A fetch that gave no usable document; the message is a sentence for the trace. */
  static class FetchFailure extends Exception {
    FetchFailure(String message) {
      super(message);
    }
  }

  private static final class ClosedConnection extends FetchFailure {
    ClosedConnection(String message) {
      super(message);
    }
  }

  private static final class TooLarge extends Exception {
    TooLarge() {
      super("body too large", null, false, false);
    }
  }

  /** Collects the body but gives up as soon as it passes the cap, so a huge JWKS is never buffered. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (result.isDone()) {
          return;
        }
        if (out.size() + buffer.remaining() > maxBytes) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        out.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
