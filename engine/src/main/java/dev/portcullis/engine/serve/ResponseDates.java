package dev.portcullis.engine.serve;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header's value, formatted once per second rather than once per answer. */
final class ResponseDates {
  private record Stamp(long second, String text) {}

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

  private final Clock clock;
  private volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

  ResponseDates(Clock clock) {
    this.clock = clock;
  }

  String now() {
    long millis = clock.millis();
    long second = Math.floorDiv(millis, 1000);
    Stamp stamp = last;
    if (stamp.second() != second) {
      stamp = new Stamp(second, HTTP_DATE.format(clock.instant().atOffset(ZoneOffset.UTC)));
      last = stamp;
    }
    return stamp.text();
  }
}
