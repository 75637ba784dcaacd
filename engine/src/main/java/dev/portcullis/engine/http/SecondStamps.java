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

  /**
   * @param format with its zone ({@link DateTimeFormatter#withZone}); it is given the whole second, so a
   *     format that would print a fraction ({@link DateTimeFormatter#ISO_INSTANT}) prints none
   */
  public SecondStamps(DateTimeFormatter format) {
    this.format = Objects.requireNonNull(format, "format");
  }

  public String format(Instant at) {
    Stamp stamp = last;
    if (stamp.second() != at.getEpochSecond()) {
      // the second the stamp is kept for, not the instant that happened to start it
      stamp = new Stamp(at.getEpochSecond(), format.format(Instant.ofEpochSecond(at.getEpochSecond())));
      last = stamp;
    }
    return stamp.text();
  }
}
