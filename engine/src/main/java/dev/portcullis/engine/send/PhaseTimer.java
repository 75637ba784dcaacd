package dev.portcullis.engine.send;

import dev.portcullis.engine.http.Timings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Response;

/** Records DNS, connect, TLS and first-byte times of one call from OkHttp's events. */
final class PhaseTimer extends EventListener {
  private static final Map<Call, PhaseTimer> BY_CALL = new ConcurrentHashMap<>();
  private final LongSupplier nanos;
  private volatile long dnsStart;
  private volatile long dnsEnd;
  private volatile long connectStart;
  private volatile long connectEnd;
  private volatile long tlsStart;
  private volatile long tlsEnd;
  private volatile long callStart;
  private volatile long firstByte;
  private volatile long callEnd;

  PhaseTimer(LongSupplier nanos) {
    this.nanos = nanos;
  }

  static PhaseTimer of(Call call) {
    PhaseTimer timer = BY_CALL.remove(call);
    return timer != null ? timer : new PhaseTimer(System::nanoTime);
  }

  Timings timings(long fallbackStart) {
    long start = callStart != 0 ? callStart : fallbackStart;
    long end = callEnd != 0 ? callEnd : nanos.getAsLong();
    return new Timings(span(dnsStart, dnsEnd), span(connectStart, connectEnd), span(tlsStart, tlsEnd),
        span(start, firstByte), Duration.ofNanos(end - start));
  }

  private static Duration span(long from, long to) {
    return from == 0 || to == 0 ? null : Duration.ofNanos(to - from);
  }

  @Override
  public void callStart(Call call) {
    BY_CALL.put(call, this);
    callStart = nanos.getAsLong();
  }

  @Override
  public void dnsStart(Call call, String domainName) {
    dnsStart = nanos.getAsLong();
  }

  @Override
  public void dnsEnd(Call call, String domainName, List<InetAddress> inetAddressList) {
    dnsEnd = nanos.getAsLong();
  }

  @Override
  public void connectStart(Call call, InetSocketAddress inetSocketAddress, Proxy proxy) {
    connectStart = nanos.getAsLong();
  }

  @Override
  public void secureConnectStart(Call call) {
    tlsStart = nanos.getAsLong();
  }

  @Override
  public void secureConnectEnd(Call call, Handshake handshake) {
    tlsEnd = nanos.getAsLong();
  }

  @Override
  public void connectEnd(Call call, InetSocketAddress inetSocketAddress, Proxy proxy, Protocol protocol) {
    connectEnd = nanos.getAsLong();
  }

  @Override
  public void responseHeadersStart(Call call) {
    if (firstByte == 0) {
      firstByte = nanos.getAsLong();
    }
  }

  @Override
  public void responseHeadersEnd(Call call, Response response) {}

  @Override
  public void callEnd(Call call) {
    callEnd = nanos.getAsLong();
  }

  @Override
  public void callFailed(Call call, java.io.IOException ioe) {
    callEnd = nanos.getAsLong();
  }
}
