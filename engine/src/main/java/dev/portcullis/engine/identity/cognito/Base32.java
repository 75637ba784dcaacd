package dev.portcullis.engine.identity.cognito;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** RFC 4648 Base32, the encoding of TOTP secrets (Cognito's AssociateSoftwareToken SecretCode). */
final class Base32 {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Base32() {}

  /**
   * Decodes leniently the way authenticator apps accept typed secrets: case, spaces, dashes and
   * trailing padding are ignored.
   */
  static byte[] decode(String text) {
    String clean = text.replaceAll("[\\s-]", "").replaceFirst("=+$", "").toUpperCase(Locale.ROOT);
    ByteArrayOutputStream out = new ByteArrayOutputStream(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < clean.length(); i++) {
      int value = ALPHABET.indexOf(clean.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException(
            "TOTP secret is not Base32: character '" + clean.charAt(i) + "' at position " + i);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out.write((buffer >> bits) & 0xff);
      }
    }
    return out.toByteArray();
  }
}
