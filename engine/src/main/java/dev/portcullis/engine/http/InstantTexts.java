package dev.portcullis.engine.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * {@link Instant#toString()}'s text (ISO-8601, nanoseconds in groups of three digits as needed), the
 * whole-second part formatted once per second and shared: ISO_INSTANT's formatter was 4 % of a JWT
 * request, which cites exp, iat and the time of checking in its evidence (issue 19). One instance per
 * kind of time, so that each keeps its own last second.
 */
public final class InstantTexts {
  private final SecondStamps seconds = new SecondStamps(DateTimeFormatter.ISO_INSTANT);

  public String format(Instant at) {
    String whole = seconds.format(at);
    int nano = at.getNano();
    if (nano == 0) {
      return whole;
    }
    // as ISO_INSTANT prints it: three digits when the rest are zeros, six, or all nine
    int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
    int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
    StringBuilder out = new StringBuilder(whole.length() + digits + 1).append(whole, 0, whole.length() - 1).append('.');
    String text = Integer.toString(value);
    for (int pad = digits - text.length(); pad > 0; pad--) {
      out.append('0');
    }
    return out.append(text).append('Z').toString();
  }
}
