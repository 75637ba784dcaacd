package dev.portcullis.app.ui.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Headers and query parameters edited as lines ({@code Name: value}, {@code name=value}), the way
 * they are pasted from curl or a browser's network tab. Blank lines and lines without a separator
 * are ignored, so a half-typed line never breaks a send.
 */
final class KeyValueLines {
  private KeyValueLines() {}

  static String render(Map<String, String> map, String separator) {
    return map.entrySet().stream().map(e -> e.getKey() + separator + e.getValue()).collect(Collectors.joining("\n"));
  }

  static Map<String, String> parse(String text, char separator) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : (text == null ? "" : text).split("\n")) {
      int at = line.indexOf(separator);
      if (at > 0) {
        map.put(line.substring(0, at).strip(), line.substring(at + 1).strip());
      }
    }
    return map;
  }
}
