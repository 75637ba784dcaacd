package dev.portcullis.engine.rules.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SigV4 percent-encoding (IAM-SIGN): every byte but {@code A-Z a-z 0-9 - _ . ~} becomes {@code %XX}
 * with upper-case hex, slashes included.
 */
final class UriEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  /** Encodes the text as it is; a {@code %} already in it becomes {@code %25} (execute-api's second encoding). */
  static String encode(String text) {
    // most path segments and query names need nothing: the text itself, without its bytes copied twice (issue 19)
    return isUnreservedText(text) ? text : encode(text.getBytes(StandardCharsets.UTF_8));
  }

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes {@code %XX} only. A {@code +} stays a plus: the SDK signers put a literal plus on the
   * wire as {@code %2B} and sign it as such, so reading {@code +} as a space would break them. A
   * stray {@code %} that starts no escape is kept, as the bytes a lenient server would hand on.
   */
  static byte[] decode(String text) {
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      int hi = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
      int lo = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
      if (raw[i] == '%' && hi >= 0 && lo >= 0) {
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        out.write(raw[i]);
      }
    }
    return out.toByteArray();
  }

  static String decodeToString(String text) {
    return new String(decode(text), StandardCharsets.UTF_8);
  }

  /** Query parameters in wire order, names and values still as on the wire; a bare name gets an empty value. */
  static List<Map.Entry<String, String>> splitQuery(String rawQuery) {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue; // "a=1&&b=2": the SDKs drop empty pairs, so the signer never saw one
      }
      int eq = pair.indexOf('=');
      params.add(eq < 0 ? Map.entry(pair, "") : Map.entry(pair.substring(0, eq), pair.substring(eq + 1)));
    }
    return params;
  }

  /** Whether encoding {@code text} would leave it as it is (every char unreserved ASCII). */
  private static boolean isUnreservedText(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isUnreserved(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_' || c == '.' || c == '~';
  }
}
