package dev.portcullis.engine.matrix;

import java.util.regex.Pattern;

/** {@code *} any text (slashes included), {@code ?} one character; everything else literal, case-sensitive. */
final class Glob {
  private final Pattern pattern;

  Glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      switch (ch) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    this.pattern = Pattern.compile(regex.toString());
  }

  boolean matches(String text) {
    return pattern.matcher(text).matches();
  }
}
