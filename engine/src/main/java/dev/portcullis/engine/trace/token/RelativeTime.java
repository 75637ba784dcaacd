package dev.portcullis.engine.trace.token;

import java.time.Duration;
import java.time.Instant;

/** "in 42 min", "3 h ago": a distance between two instants in the unit a person would use. */
final class RelativeTime {
  private RelativeTime() {}

  /** The amount alone, rounded down: {@code 42 min}, {@code 3 h}, {@code 2 d}. */
  static String amount(Duration distance) {
    long seconds = distance.abs().toSeconds();
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min";
    }
    if (seconds < 48 * 3600) {
      return seconds / 3600 + " h";
    }
    return seconds / 86_400 + " d";
  }

  static boolean isFuture(Instant when, Instant now) {
    return when.isAfter(now);
  }

  /** e.g. {@code expires in 42 min} or {@code expired 3 h ago}. */
  static String expiry(Instant exp, Instant now) {
    String amount = amount(Duration.between(now, exp));
    return isFuture(exp, now) ? "expires in " + amount : "expired " + amount + " ago";
  }

  /** For nbf. */
  static String notBefore(Instant nbf, Instant now) {
    String amount = amount(Duration.between(now, nbf));
    return isFuture(nbf, now) ? "not valid for another " + amount : "valid since " + amount + " ago";
  }

  /** For iat and auth_time. */
  static String past(String verb, Instant when, Instant now) {
    String amount = amount(Duration.between(now, when));
    return isFuture(when, now) ? verb + " " + amount + " in the future: a clock is off" : verb + " " + amount + " ago";
  }
}
