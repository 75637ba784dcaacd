package dev.portcullis.engine.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A time formatted to the second, once per second rather than once per request: the last second's text
 * is kept, and every request of that second shares it. Safe across threads (one volatile stamp).
 */
public final class SecondStamps {
  private record Stamp(long second, String text) {}

  private final DateTimeFormatter format;
  private volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

  /** @param format a pattern of whole seconds, with its zone ({@link DateTimeFormatter#withZone}) */
  public SecondStamps(DateTimeFormatter format) {
    this.format = Objects.requireNonNull(format, "format");
  }

  public String format(Instant at) {
    Stamp stamp = last;
    if (stamp.second() != at.getEpochSecond()) {
      stamp = new Stamp(at.getEpochSecond(), format.format(at));
      last = stamp;
    }
    return stamp.text();
  }
}
