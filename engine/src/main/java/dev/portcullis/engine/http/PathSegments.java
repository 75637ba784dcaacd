package dev.portcullis.engine.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of a URL path segment, the one rule the route matcher and the gateway's own endpoints share. */
public final class PathSegments {
  private PathSegments() {}

  /**
   * {@code segment} with its {@code %XX} escapes decoded as UTF-8; a {@code +} in a path is a plus, not the
   * space it is in a form.
   *
   * @throws IllegalArgumentException when an escape is malformed ({@code %zz}, a trailing {@code %})
   */
  public static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment; // nothing to decode, and '+' stays as it is
    }
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
