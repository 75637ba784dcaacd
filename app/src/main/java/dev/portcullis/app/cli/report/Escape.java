package dev.portcullis.app.cli.report;

/** Escaping for the XML, HTML and JSON formats, written by hand since the app reaches no JSON or XML library. */
final class Escape {
  private Escape() {}

  /** XML 1.0 text or attribute; characters XML cannot carry at all are dropped. */
  static String xml(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp > 0xFFFF) {
            out.appendCodePoint(cp);
          }
        }
      }
    });
    return out.toString();
  }

  /** A JSON string literal, quotes included. */
  static String json(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<' -> out.append("\\u003c"); // so a JSON island inside HTML cannot close its script tag
        default -> out.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
      }
    }
    return out.append('"').toString();
  }
}
