package dev.portcullis.engine.http;

import java.time.Duration;

/**
 * Where the time of one HTTP exchange went, phase by phase. A phase that did not happen (a reused
 * connection has no DNS, connect or TLS; plain HTTP has no TLS) is null.
 */
public record Timings(Duration dns, Duration connect, Duration tls, Duration firstByte, Duration total) {
  public static final Timings UNKNOWN = new Timings(null, null, null, null, null);
}
