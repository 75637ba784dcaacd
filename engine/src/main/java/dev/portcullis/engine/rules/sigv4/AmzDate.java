package dev.portcullis.engine.rules.sigv4;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The two request-time formats SigV4 accepts: {@code X-Amz-Date} (ISO 8601 basic) and HTTP {@code Date}. */
final class AmzDate {

  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  // The formatter alone would accept some sloppy variants; AWS wants exactly 16 characters.
  private static final Pattern BASIC_SHAPE = Pattern.compile("\\d{8}T\\d{6}Z");

  private AmzDate() {}

  static Optional<Instant> parseBasic(String text) {
    if (text == null || !BASIC_SHAPE.matcher(text.strip()).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(BASIC.parse(text.strip())));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // shape right, value impossible (month 13): same as absent
    }
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
