package dev.portcullis.engine.identity.cognito;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * The TIMESTAMP of a PASSWORD_VERIFIER response (spec §9.4): UTC, English names, day of month not
 * zero-padded, e.g. {@code Tue Sep 3 07:05:09 UTC 2024}. The string is signed byte for byte, so
 * client and server must agree on it exactly.
 */
public final class CognitoTimestamp {

  // 'UTC' as a literal rather than the zone pattern z: z prints "Z" for ZoneOffset.UTC, and the zone
  // is always UTC in Cognito's format. Locale.US keeps day and month names English on any machine.
  private static final DateTimeFormatter FORMAT = DateTimeFormatter
      .ofPattern("EEE MMM d HH:mm:ss 'UTC' uuuu", Locale.US)
      .withZone(ZoneOffset.UTC)
      .withResolverStyle(ResolverStyle.STRICT);

  private CognitoTimestamp() {}

  /** Formats an instant the way amazon-cognito-identity-js {@code DateHelper} does. */
  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /**
   * Parses a TIMESTAMP in Cognito's format. The day of the week must match the date.
   *
   * @throws IllegalArgumentException naming the value and the expected format
   */
  public static Instant parse(String timestamp) {
    if (timestamp == null) {
      throw new IllegalArgumentException("TIMESTAMP is missing; expected e.g. 'Tue Sep 3 07:05:09 UTC 2024'");
    }
    try {
      return FORMAT.parse(timestamp, Instant::from);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("TIMESTAMP '" + timestamp
          + "' is not in Cognito's format 'EEE MMM d HH:mm:ss UTC yyyy' (e.g. 'Tue Sep 3 07:05:09 UTC 2024')", e);
    }
  }
}
