package dev.portcullis.engine.trace;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** One HTTP header as sent or received; a list of these keeps order and repeated names. */
public record Header(String name, String value) {
  public Header {
    Objects.requireNonNull(name, "header name");
    value = value == null ? "" : value;
  }

  /** The first value of {@code name} (case-insensitive), or null. */
  public static String first(List<Header> headers, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return headers.stream()
        .filter(h -> h.name().toLowerCase(Locale.ROOT).equals(wanted))
        .map(Header::value)
        .findFirst()
        .orElse(null);
  }
}
