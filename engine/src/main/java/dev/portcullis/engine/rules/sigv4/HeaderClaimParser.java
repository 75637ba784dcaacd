package dev.portcullis.engine.rules.sigv4;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.rules.sigv4.ClaimParse.Failed;
import dev.portcullis.engine.rules.sigv4.SigV4Verification.Rejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. */
final class HeaderClaimParser {

  private static final List<String> REQUIRED = List.of("Credential", "Signature", "SignedHeaders");

  private HeaderClaimParser() {}

  static ClaimParse parse(IncomingRequest request, String authorization) {
    String value = authorization.strip();
    int space = value.indexOf(' ');
    String algorithm = space < 0 ? value : value.substring(0, space);
    Map<String, String> params = new LinkedHashMap<>();
    Optional<Instant> headerTime = ClaimParse.headerTime(request);
    Optional<Rejected> shape = shape(authorization, params, headerTime.isEmpty());
    if (shape.isPresent()) {
      return new Failed(shape.get());
    }
    Instant time = headerTime.orElseThrow(); // shape() refused a request without one
    if (!algorithm.equals(SigV4Crypto.ALGORITHM)) {
      return new Failed(Rejections.unsupportedAlgorithm(algorithm));
    }
    return ClaimParse.withCredential(params.get("Credential"), (key, scope) -> new SignatureClaim(
        SignatureLocation.AUTHORIZATION_HEADER, key, scope,
        ClaimParse.signedHeaderNames(params.get("SignedHeaders")), params.get("Signature"),
        AmzDate.format(time), time, null,
        request.headers().first("X-Amz-Security-Token").orElse(null)));
  }

  /**
   * The rejection of a header without SigV4's shape, checked before the algorithm: not key=value
   * pairs, or without Credential, Signature, SignedHeaders and a date. Fills {@code params} as read.
   */
  static Optional<Rejected> shape(IncomingRequest request, String authorization, Map<String, String> params) {
    return shape(authorization, params, ClaimParse.headerTime(request).isEmpty());
  }

  /** As {@link #shape(IncomingRequest, String, Map)}, with whether the request has a usable date already read. */
  private static Optional<Rejected> shape(String authorization, Map<String, String> params, boolean dateMissing) {
    String value = authorization.strip();
    int space = value.indexOf(' ');
    if (space >= 0 && !readPairs(value.substring(space + 1), params)) {
      // AWS checks pair syntax before the algorithm: "Bearer x" gets this message (spec §1.2).
      return Optional.of(Rejections.missingEqualSign(authorization));
    }
    List<String> missing = new ArrayList<>(3);
    for (String p : REQUIRED) {
      if (!params.containsKey(p)) {
        missing.add(p);
      }
    }
    if (!missing.isEmpty() || dateMissing) {
      return Optional.of(Rejections.incompleteAuthorization(missing, dateMissing, authorization));
    }
    return Optional.empty();
  }

  /** Comma-separated {@code key=value} pairs, spaces around them ignored; false when one has no '='. */
  private static boolean readPairs(String text, Map<String, String> into) {
    for (String piece : text.split(",")) {
      String pair = piece.strip();
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        return false;
      }
      into.putIfAbsent(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return true;
  }
}
