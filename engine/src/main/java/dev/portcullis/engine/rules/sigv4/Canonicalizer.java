package dev.portcullis.engine.rules.sigv4;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rebuilds the SigV4 canonical request from a request as received, by the rules for every service
 * but S3 (spec §5): the path normalised and encoded once more, the query decoded and re-encoded,
 * the signed headers trimmed and folded.
 */
final class Canonicalizer {

  /** Presigned requests sign every query parameter but the signature itself (IAM-SIGN). */
  static final String SIGNATURE_PARAM = "X-Amz-Signature";

  private static final Comparator<Map.Entry<String, String>> BY_KEY_THEN_VALUE =
      Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());

  private static final java.util.regex.Pattern WHITESPACE_RUN = java.util.regex.Pattern.compile("\\s+");

  private Canonicalizer() {}

  static String canonicalRequest(IncomingRequest request, SignatureClaim claim, String payloadHash) {
    boolean presigned = claim.location() == SignatureLocation.QUERY_STRING;
    return request.method() + "\n"
        + canonicalUri(request.rawPath()) + "\n"
        + canonicalQuery(request.rawQuery(), presigned) + "\n"
        + canonicalHeaders(request.headers(), claim.signedHeaders()) + "\n"
        + claim.signedHeadersLine() + "\n"
        + payloadHash;
  }

  /**
   * The wire path, dot segments removed and empty segments dropped, then each segment encoded
   * again. The wire path is already encoded once by the client, so a space ({@code %20} on the
   * wire) ends up as {@code %2520}: botocore's {@code quote(normalize_url_path(path))} (spec §5).
   */
  static String canonicalUri(String rawPath) {
    String normalized = normalizePath(rawPath);
    // a loop over the segments, not split and a stream: once per SigV4 request (issue 19)
    StringBuilder out = new StringBuilder(normalized.length() + 16);
    int from = 0;
    while (true) {
      int slash = normalized.indexOf('/', from);
      String segment = normalized.substring(from, slash < 0 ? normalized.length() : slash);
      out.append(UriEncoding.encode(segment));
      if (slash < 0) {
        return out.toString();
      }
      out.append('/');
      from = slash + 1;
    }
  }

  /** RFC 3986 dot-segment removal, plus collapsing {@code //} as the suite's normalised cases expect. */
  static String normalizePath(String rawPath) {
    String[] segments = rawPath.split("/", -1);
    Deque<String> kept = new ArrayDeque<>();
    for (String segment : segments) {
      if (segment.equals("..")) {
        kept.pollLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        kept.addLast(segment);
      }
    }
    String last = segments[segments.length - 1];
    // "/a/", "/a/b/.." and "/a/." all name a directory: keep the trailing slash (RFC 3986 §5.2.4).
    boolean trailingSlash = last.isEmpty() || last.equals(".") || last.equals("..");
    String joined = "/" + String.join("/", kept);
    return trailingSlash && !kept.isEmpty() ? joined + "/" : joined;
  }

  static String canonicalQuery(String rawQuery, boolean presigned) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return ""; // most signed requests have no query: no stream to build for them (issue 19)
    }
    return UriEncoding.splitQuery(rawQuery).stream()
        .filter(p -> !(presigned && UriEncoding.decodeToString(p.getKey()).equals(SIGNATURE_PARAM)))
        .map(p -> Map.entry(reencode(p.getKey()), reencode(p.getValue())))
        .sorted(BY_KEY_THEN_VALUE)
        .map(p -> p.getKey() + "=" + p.getValue())
        .collect(Collectors.joining("&"));
  }

  /** One {@code name:value\n} line per signed header; repeated headers joined with commas in wire order. */
  static String canonicalHeaders(HeaderList headers, List<String> signedHeaders) {
    StringBuilder out = new StringBuilder(256);
    for (String name : signedHeaders) {
      out.append(name).append(':');
      List<String> values = headers.all(name);
      for (int i = 0; i < values.size(); i++) {
        out.append(i == 0 ? "" : ",").append(trimAndFold(values.get(i)));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Trims, and turns every run of whitespace (obs-fold line breaks included) into one space. */
  static String trimAndFold(String value) {
    String stripped = value.strip();
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      boolean run = c != ' ' || i + 1 < stripped.length() && Character.isWhitespace(stripped.charAt(i + 1));
      if (run && Character.isWhitespace(c)) {
        return WHITESPACE_RUN.matcher(stripped).replaceAll(" ");
      }
    }
    return stripped; // nothing to fold: most values (replaceAll compiled its pattern on every signed header)
  }

  private static String reencode(String wireText) {
    // Decode first: a client may send "%7E" or a raw "~", both sign as "~".
    return UriEncoding.encode(UriEncoding.decode(wireText));
  }
}
