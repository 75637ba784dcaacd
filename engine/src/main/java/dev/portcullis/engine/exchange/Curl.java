package dev.portcullis.engine.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads and writes curl command lines: the options that decide the request ({@code -X}, {@code -H},
 * {@code -d}/{@code --data}/{@code --data-raw}/{@code --data-binary}/{@code --json} with {@code @file},
 * {@code -u}/{@code --user}, {@code --aws-sigv4}, {@code --url}); options that only change curl's own
 * output are listed as ignored; anything else is refused with its name.
 */
public final class Curl {
  private static final Set<String> HARMLESS = Set.of("-s", "--silent", "-S", "--show-error", "-v", "--verbose", "-i", "--include",
      "-k", "--insecure", "-L", "--location", "--compressed", "-f", "--fail", "-sS", "-Ss", "-g", "--globoff", "--http1.1", "--http2");
  private static final Set<String> HARMLESS_WITH_VALUE = Set.of("-o", "--output", "-w", "--write-out", "-m", "--max-time",
      "--connect-timeout", "-A", "--user-agent");

  private Curl() {}

  /**
   * @param dir where {@code @file} bodies are read from
   * @param stdin {@code @-}
   * @throws IllegalArgumentException with a sentence naming the option or word at fault
   */
  public static CurlRequest parse(String commandLine, Path dir, Supplier<InputStream> stdin) {
    List<String> words = ShellWords.split(commandLine.strip());
    if (words.isEmpty() || !words.getFirst().equals("curl")) {
      throw new IllegalArgumentException("a curl command starts with 'curl'; this one starts with "
          + (words.isEmpty() ? "nothing" : "'" + words.getFirst() + "'"));
    }
    String method = null;
    String url = null;
    String user = null;
    String sigv4 = null;
    StringBuilder body = null;
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      String option = w;
      String inline = null;
      if (w.startsWith("--") && w.contains("=")) {
        option = w.substring(0, w.indexOf('='));
        inline = w.substring(w.indexOf('=') + 1);
      } else if (w.length() > 2 && w.startsWith("-") && !w.startsWith("--") && "XHdu".indexOf(w.charAt(1)) >= 0) {
        option = w.substring(0, 2);
        inline = w.substring(2);
      }
      switch (option) {
        case "-X", "--request" -> method = value(words, i++, option, inline).toUpperCase(Locale.ROOT);
        case "-H", "--header" -> headers.add(header(value(words, i++, option, inline)));
        case "-d", "--data", "--data-ascii", "--data-binary", "--data-raw", "--json" -> {
          String v = value(words, i++, option, inline);
          String part = option.equals("--data-raw") ? v : data(v, dir, stdin);
          body = body == null ? new StringBuilder(part) : body.append('&').append(part);
          if (option.equals("--json")) {
            headers.add(Map.entry("Content-Type", "application/json"));
            headers.add(Map.entry("Accept", "application/json"));
          }
        }
        case "-u", "--user" -> user = value(words, i++, option, inline);
        case "--aws-sigv4" -> sigv4 = value(words, i++, option, inline);
        case "--url" -> url = value(words, i++, option, inline);
        default -> {
          if (HARMLESS.contains(option)) {
            ignored.add(option);
          } else if (HARMLESS_WITH_VALUE.contains(option)) {
            ignored.add(option + " " + value(words, i++, option, inline));
          } else if (w.startsWith("-") && w.length() > 1) {
            throw new IllegalArgumentException("curl option " + option + " is not understood here; the ones that shape a request"
                + " are -X, -H, -d/--data/--data-raw/--data-binary/--json, -u/--user, --aws-sigv4 and --url");
          } else if (url == null) {
            url = w;
          } else {
            throw new IllegalArgumentException("the command names two URLs (" + url + " and " + w + "); keep one");
          }
        }
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("the curl command names no URL");
    }
    String m = method != null ? method : body != null ? "POST" : "GET";
    return new CurlRequest(m, url, headers, body == null ? null : body.toString(), auth(sigv4, user, headers), ignored);
  }

  /** A {@code -d} value: literal, {@code @file} (relative to {@code dir}) or {@code @-} (stdin). */
  public static String data(String value, Path dir, Supplier<InputStream> stdin) {
    if (!value.startsWith("@")) {
      return value;
    }
    try {
      if (value.equals("@-")) {
        return new String(stdin.get().readAllBytes(), StandardCharsets.UTF_8);
      }
      Path file = dir.resolve(value.substring(1));
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("the body file " + file + " (from " + value + ") does not exist; give an existing file,"
            + " or the body itself without the @");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the body " + value + " could not be read: " + e.getMessage(), e);
    }
  }

  /** {@code Name: value} as curl takes it. */
  public static Map.Entry<String, String> header(String text) {
    int at = text.indexOf(':');
    if (at <= 0) {
      throw new IllegalArgumentException("header '" + text + "' is not 'Name: value'");
    }
    return Map.entry(text.substring(0, at).strip(), text.substring(at + 1).strip());
  }

  private static String value(List<String> words, int i, String option, String inline) {
    if (inline != null && !inline.isEmpty()) {
      return inline;
    }
    if (i + 1 >= words.size()) {
      throw new IllegalArgumentException("curl option " + option + " needs a value after it");
    }
    return words.get(i + 1);
  }

  private static CurlRequest.CurlAuth auth(String sigv4, String user, List<Map.Entry<String, String>> headers) {
    if (sigv4 != null) {
      String[] parts = sigv4.split(":");
      if (parts.length < 4 || !parts[0].equals("aws") || !parts[1].equals("amz")) {
        throw new IllegalArgumentException("--aws-sigv4 '" + sigv4 + "' is not 'aws:amz:REGION:SERVICE'");
      }
      String[] keys = user == null ? new String[] {"", ""} : user.split(":", 2);
      String token = headers.stream().filter(h -> h.getKey().equalsIgnoreCase("x-amz-security-token")).map(Map.Entry::getValue)
          .findFirst().orElse(null);
      return new CurlRequest.CurlAuth.Sigv4(parts[2], parts[3], keys[0], keys.length > 1 ? keys[1] : "", token);
    }
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase("x-api-key")) {
        return new CurlRequest.CurlAuth.ApiKey(h.getValue());
      }
      if (h.getKey().equalsIgnoreCase("authorization")) {
        String v = h.getValue();
        boolean bearer = v.regionMatches(true, 0, "Bearer ", 0, 7);
        return new CurlRequest.CurlAuth.Bearer(h.getKey(), bearer ? v.substring(0, 7) : "", bearer ? v.substring(7).strip() : v);
      }
    }
    if (user != null) {
      String[] parts = user.split(":", 2);
      return new CurlRequest.CurlAuth.Basic(parts[0], parts.length > 1 ? parts[1] : "");
    }
    return new CurlRequest.CurlAuth.None();
  }

  /**
   * A curl command for a request, one option per line. The values are written as given: pass
   * {@code $VARIABLES} (in double quotes by the caller's choice of {@code quoteVariables}) for secrets,
   * never the secrets themselves.
   */
  public static String write(String method, String url, List<Map.Entry<String, String>> headers, String body) {
    StringBuilder out = new StringBuilder("curl");
    if (!method.equals(body == null ? "GET" : "POST")) {
      out.append(" -X ").append(method);
    }
    out.append(' ').append(ShellWords.quote(url));
    for (Map.Entry<String, String> h : headers) {
      out.append(" \\\n  -H ").append(quoteAllowingVariables(h.getKey() + ": " + h.getValue()));
    }
    if (body != null) {
      out.append(" \\\n  --data-binary ").append(ShellWords.quote(body));
    }
    return out.toString();
  }

  /** Double quotes when the word holds {@code $VARIABLE}s (so the shell fills them in), else single quotes. */
  static String quoteAllowingVariables(String word) {
    if (word.matches(".*\\$[A-Za-z_][A-Za-z0-9_]*.*") && !word.matches(".*[\"\\\\`].*")) {
      return "\"" + word + "\"";
    }
    return ShellWords.quote(word);
  }
}
