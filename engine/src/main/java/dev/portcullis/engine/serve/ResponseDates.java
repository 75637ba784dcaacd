package dev.portcullis.engine.serve;

import dev.portcullis.engine.http.SecondStamps;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header's value, formatted once per second rather than once per answer. */
final class ResponseDates {
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final SecondStamps stamps = new SecondStamps(HTTP_DATE);

  ResponseDates(Clock clock) {
    this.clock = clock;
  }

  String now() {
    return stamps.format(clock.instant());
  }
}
