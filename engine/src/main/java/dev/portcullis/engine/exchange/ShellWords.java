package dev.portcullis.engine.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell does, without running anything: single quotes
 * keep everything, double quotes keep all but {@code \"}, {@code \\}, {@code \$} and {@code \`},
 * a backslash outside quotes escapes the next character, backslash-newline continues the line, and
 * {@code $'...'} knows {@code \n}, {@code \t}, {@code \'} and {@code \\}. Variables are not
 * expanded: {@code $TOKEN} stays as written, so a caller can map it to a reference.
 */
public final class ShellWords {
  private ShellWords() {}

  /** @throws IllegalArgumentException with a sentence when a quote is not closed */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < n && (line.charAt(i + 1) == '\n' || line.startsWith("\r\n", i + 1))) {
        i += line.charAt(i + 1) == '\n' ? 2 : 3;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("a single quote at character " + (i + 1) + " is not closed");
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '$' && i + 1 < n && line.charAt(i + 1) == '\'') {
        i = ansiC(line, i + 2, word);
        inWord = true;
      } else if (c == '"') {
        i = doubleQuoted(line, i + 1, word);
        inWord = true;
      } else if (c == '\\' && i + 1 < n) {
        word.append(line.charAt(i + 1));
        inWord = true;
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  private static int doubleQuoted(String line, int i, StringBuilder word) {
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
        if (line.charAt(i + 1) != '\n') {
          word.append(line.charAt(i + 1));
        }
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new IllegalArgumentException("a double quote is not closed");
  }

  private static int ansiC(String line, int i, StringBuilder word) {
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\'') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length()) {
        char e = line.charAt(i + 1);
        word.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        });
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new IllegalArgumentException("a $'...' quote is not closed");
  }

  /** One word, quoted for a POSIX shell so that it reads back as itself. */
  public static String quote(String word) {
    if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
