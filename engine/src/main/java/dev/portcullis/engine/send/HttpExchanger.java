package dev.portcullis.engine.send;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.http.Timings;
import dev.portcullis.engine.trust.TrustGate;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
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
  private final Duration timeout;

  private HttpExchanger(OkHttpClient client, LongSupplier nanos, Duration timeout) {
    this.client = client;
    this.nanos = nanos;
    this.timeout = timeout;
  }

  public static HttpExchanger create(Duration timeout) {
    return create(timeout, System::nanoTime);
  }

  public static HttpExchanger create(Duration timeout, LongSupplier nanos) {
    return create(timeout, nanos, null, TrustGate.open());
  }

  /** Sends through {@code proxy} (null: the proxy Java's settings choose, usually none). */
  public static HttpExchanger create(Duration timeout, java.net.Proxy proxy) {
    return create(timeout, System::nanoTime, proxy, TrustGate.open());
  }

  /** Behind a trust gate: an untrusted workspace's requests reach loopback hosts only. */
  public static HttpExchanger create(Duration timeout, TrustGate gate) {
    return create(timeout, System::nanoTime, null, gate);
  }

  public static HttpExchanger create(Duration timeout, LongSupplier nanos, TrustGate gate) {
    return create(timeout, nanos, null, gate, Network.system());
  }

  /** Behind a trust gate, resolving names and trusting certificates as {@code network} says (a stand-in's, in tests). */
  public static HttpExchanger create(Duration timeout, TrustGate gate, Network network) {
    return create(timeout, System::nanoTime, null, gate, network);
  }

  private static HttpExchanger create(Duration timeout, LongSupplier nanos, java.net.Proxy proxy, TrustGate gate) {
    return create(timeout, nanos, proxy, gate, Network.system());
  }

  private static HttpExchanger create(Duration timeout, LongSupplier nanos, java.net.Proxy proxy, TrustGate gate, Network network) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    if (proxy != null) {
      builder.proxy(proxy);
    }
    StandInWiring.wire(builder, network);
    OkHttpClient client = builder
        .addInterceptor(chain -> {
          java.util.Optional<String> refused = gate.host(chain.request().url().toString(), "a request");
          if (refused.isPresent()) {
            throw new UntrustedHost(refused.get());
          }
          return chain.proceed(chain.request());
        })
        .callTimeout(timeout)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .eventListenerFactory(call -> new PhaseTimer(nanos))
        .build();
    return new HttpExchanger(client, nanos, timeout);
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
    java.util.Optional<String> unsafe = HeaderSafety.problem(request.headers());
    if (unsafe.isPresent()) {
      return new Exchange.Failed(request, Exchange.FailureKind.IO, "Not sent: " + unsafe.get(),
          "Check that header's saved value or secret reference (a file secret may hold more than one line).",
          new Timings(null, null, null, null, java.time.Duration.ZERO));
    }
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
      if (e instanceof UntrustedHost) {
        return new Exchange.Failed(request, Exchange.FailureKind.IO, "Not sent to " + request.url().getHost() + ": " + e.getMessage(),
            "Trust the workspace only if you know where it came from.", PhaseTimer.of(call).timings(start));
      }
      return WireFailures.name(request, e, PhaseTimer.of(call).timings(start), timeout, proxyFor(request));
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

  /** The proxy this client sends {@code request} through, DIRECT when none. */
  private java.net.Proxy proxyFor(OutgoingRequest request) {
    if (client.proxy() != null) {
      return client.proxy();
    }
    try {
      List<java.net.Proxy> chosen = client.proxySelector().select(request.url());
      return chosen == null || chosen.isEmpty() ? java.net.Proxy.NO_PROXY : chosen.getFirst();
    } catch (RuntimeException e) {
      return java.net.Proxy.NO_PROXY; // a selector that cannot choose: OkHttp then goes direct too
    }
  }

  /** The trust gate refused the host; nothing was sent. */
  private static final class UntrustedHost extends IOException {
    private static final long serialVersionUID = 1L;

    UntrustedHost(String message) {
      super(message);
    }
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
