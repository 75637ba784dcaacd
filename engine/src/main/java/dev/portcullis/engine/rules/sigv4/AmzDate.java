package dev.portcullis.engine.rules.sigv4;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The two request-time formats SigV4 accepts: {@code X-Amz-Date} (ISO 8601 basic) and HTTP {@code Date}. */
final class AmzDate {

  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  // The formatter alone would accept some sloppy variants; AWS wants exactly 16 characters.

  private AmzDate() {}

  static Optional<Instant> parseBasic(String text) {
    String t = text == null ? null : text.strip();
    if (t == null || !basicShape(t)) {
      return Optional.empty();
    }
    try {
      // by hand: DateTimeFormatter's parse was a third of reading a SigV4 header (issue 19)
      return Optional.of(java.time.LocalDateTime.of(digits(t, 0, 4), digits(t, 4, 2), digits(t, 6, 2), digits(t, 9, 2),
          digits(t, 11, 2), digits(t, 13, 2)).toInstant(ZoneOffset.UTC));
    } catch (java.time.DateTimeException e) {
      return Optional.empty(); // shape right, value impossible (month 13): same as absent
    }
  }

  /** {@code yyyyMMdd'T'HHmmss'Z'}, ASCII digits only; a loop, not a regex: every SigV4 request reads one (issue 19). */
  private static boolean basicShape(String t) {
    if (t.length() != 16 || t.charAt(8) != 'T' || t.charAt(15) != 'Z') {
      return false;
    }
    for (int i = 0; i < 15; i++) {
      char c = t.charAt(i);
      if (i != 8 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  static Optional<Instant> parseHttpDate(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static String format(Instant instant) {
    return BASIC.format(instant);
  }
}
