package dev.portcullis.app.ui.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Headers and query parameters edited as lines ({@code Name: value}, {@code name=value}), the way
 * they are pasted from curl or a browser's network tab. Blank lines and lines without a separator
 * are ignored, so a half-typed line never breaks a send. A line starting with {@code //} is a row
 * switched off: kept in the editor, not sent ({@code /} cannot start a header name or matter in a
 * query name people type).
 */
final class KeyValueLines {
  static final String OFF = "// ";

  private KeyValueLines() {}

  static String render(Map<String, String> map, String separator) {
    return map.entrySet().stream().map(e -> e.getKey() + separator + e.getValue()).collect(Collectors.joining("\n"));
  }

  /** The rows that are switched on, as a map (what is sent). */
  static Map<String, String> parse(String text, char separator) {
    Map<String, String> map = new LinkedHashMap<>();
    for (KeyValueRow row : rows(text, separator)) {
      if (row.enabled() && !row.name().isEmpty()) {
        map.put(row.name(), row.value());
      }
    }
    return map;
  }

  /** Every row, on or off, in order; a line without a separator is a row with a name and no value. */
  static List<KeyValueRow> rows(String text, char separator) {
    List<KeyValueRow> rows = new ArrayList<>();
    for (String raw : (text == null ? "" : text).split("\n")) {
      String line = raw.strip();
      boolean on = !line.startsWith("//");
      if (!on) {
        line = line.substring(2).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      int at = line.indexOf(separator);
      if (at > 0) {
        rows.add(new KeyValueRow(on, line.substring(0, at).strip(), line.substring(at + 1).strip()));
      } else if (at < 0) {
        rows.add(new KeyValueRow(on, line, ""));
      }
    }
    return rows;
  }

  static String render(List<KeyValueRow> rows, String separator) {
    return rows.stream().map(r -> (r.enabled() ? "" : OFF) + r.name() + separator + r.value()).collect(Collectors.joining("\n"));
  }
}
