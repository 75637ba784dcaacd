package dev.portcullis.engine.send;

import dev.portcullis.engine.rules.HeaderList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLException;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends requests with OkHttp and records what happened, phase by phase. The one place Portcullis
 * uses OkHttp for API calls; failures are values with a sentence and a fix, not exceptions.
 */
public final class HttpExchanger {
  /** Bodies beyond this are cut in the trace (the size is still reported). */
  public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  private final OkHttpClient client;
  private final LongSupplier nanos;

  private HttpExchanger(OkHttpClient client, LongSupplier nanos) {
    this.client = client;
    this.nanos = nanos;
  }

  public static HttpExchanger create(Duration timeout) {
    return create(timeout, System::nanoTime);
  }

  public static HttpExchanger create(Duration timeout, LongSupplier nanos) {
    OkHttpClient client = new OkHttpClient.Builder()
        .callTimeout(timeout)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .eventListenerFactory(call -> new PhaseTimer(nanos))
        .build();
    return new HttpExchanger(client, nanos);
  }

  /** The OkHttp client, for code in this package that sends through the same connection pool. */
  OkHttpClient client() {
    return client;
  }

  public Exchange send(OutgoingRequest request) {
    return send(request, Cancellation.none());
  }

  /** As {@link #send(OutgoingRequest)}; cancelling stops the call at once and it fails as CANCELLED. */
  public Exchange send(OutgoingRequest request, Cancellation cancellation) {
    Request.Builder builder = new Request.Builder().url(request.url().toString());
    Headers.Builder headers = new Headers.Builder();
    for (Map.Entry<String, String> h : request.headers().entries()) {
      headers.addUnsafeNonAscii(h.getKey(), h.getValue());
    }
    builder.headers(headers.build());
    String contentType = request.headers().first("content-type").orElse(null);
    RequestBody body = needsBody(request) ? RequestBody.create(request.body(), contentType == null ? null : MediaType.parse(contentType)) : null;
    builder.method(request.method(), body);
    okhttp3.Call call = client.newCall(builder.build());
    long start = nanos.getAsLong();
    try (Cancellation.Registration hook = cancellation.onCancel(call::cancel); Response response = call.execute()) {
      byte[] bytes;
      long size;
      boolean truncated;
      try (InputStream in = response.body().byteStream()) {
        bytes = in.readNBytes(MAX_BODY_BYTES);
        long rest = in.transferTo(OutputSink.INSTANCE);
        size = bytes.length + rest;
        truncated = rest > 0;
      }
      PhaseTimer timer = PhaseTimer.of(call);
      return new Exchange.Answered(request, response.code(), headers(response.headers()), bytes, size, truncated,
          timer.timings(start));
    } catch (IOException e) {
      if (cancellation.cancelled()) {
        return new Exchange.Failed(request, Exchange.FailureKind.CANCELLED, "Cancelled before " + request.url().getHost() + " answered.",
            "Send again when ready.", PhaseTimer.of(call).timings(start));
      }
      return failure(request, e, PhaseTimer.of(call).timings(start));
    }
  }

  private static boolean needsBody(OutgoingRequest request) {
    String m = request.method();
    return request.body().length > 0 || m.equals("POST") || m.equals("PUT") || m.equals("PATCH");
  }

  private static HeaderList headers(Headers headers) {
    List<Map.Entry<String, String>> list = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      list.add(Map.entry(headers.name(i), headers.value(i)));
    }
    return new HeaderList(list);
  }

  static Exchange.Failed failure(OutgoingRequest request, IOException e, Exchange.Timings timings) {
    String host = request.url().getHost() + (request.url().getPort() > 0 ? ":" + request.url().getPort() : "");
    if (e instanceof UnknownHostException) {
      return new Exchange.Failed(request, Exchange.FailureKind.DNS, "The host " + request.url().getHost() + " could not be resolved.",
          "Check the URL or the gateway's baseUrl (and the selected environment's variables).", timings);
    }
    if (e instanceof ConnectException) {
      return new Exchange.Failed(request, Exchange.FailureKind.UNREACHABLE, "Nothing answered at " + host + " (connection refused).",
          "Is the local gateway running, or the URL's port right?", timings);
    }
    if (e instanceof SSLException) {
      return new Exchange.Failed(request, Exchange.FailureKind.TLS, "The TLS handshake with " + host + " failed: " + e.getMessage() + ".",
          "Check the URL's scheme (http vs https) and that the server's certificate is trusted by this Java.", timings);
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return new Exchange.Failed(request, Exchange.FailureKind.TIMEOUT, "No answer from " + host + " in time (" + e.getMessage() + ").",
          "The endpoint may be down or slow; retry, or raise the timeout.", timings);
    }
    return new Exchange.Failed(request, Exchange.FailureKind.IO, "The exchange with " + host + " failed: " + e.getMessage() + ".",
        "Retry; if it persists, check the network path to the endpoint.", timings);
  }

  /** Discards the part of a body past the cap, counting it. */
  private static final class OutputSink extends java.io.OutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
