package dev.portcullis.engine.send;

import dev.portcullis.engine.http.HeaderList;
import java.util.Map;
import java.util.Optional;

/**
 * Header names and values that would not stay one header on the wire: a CR, LF or NUL splits a
 * value into extra headers (a multi-line {@code file:} secret became 24 headers). The sentence names
 * the header, never its value.
 */
final class HeaderSafety {
  private HeaderSafety() {}

  static Optional<String> problem(HeaderList headers) {
    for (Map.Entry<String, String> h : headers.entries()) {
      if (unsafe(h.getKey())) {
        return Optional.of("a header name (" + shown(h.getKey()) + ") holds a line break or NUL character.");
      }
      if (unsafe(h.getValue())) {
        return Optional.of("the value of header '" + h.getKey() + "' holds a line break or NUL character, which would send it as"
            + " several headers.");
      }
    }
    return Optional.empty();
  }

  private static boolean unsafe(String s) {
    return s != null && (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\0') >= 0);
  }

  /** The name with control characters escaped and cut short: a bad name may carry an injected header. */
  private static String shown(String name) {
    String escaped = name.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    int cut = escaped.indexOf("\\");
    return "'" + (cut < 0 ? escaped : escaped.substring(0, cut)) + "…'";
  }
}
