package dev.portcullis.engine.rules.sigv4;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.rules.sigv4.ClaimParse.Failed;
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
    if (space >= 0 && !readPairs(value.substring(space + 1), params)) {
      // AWS checks pair syntax before the algorithm: "Bearer x" gets this message (spec §1.2).
      return new Failed(Rejections.missingEqualSign(authorization));
    }
    List<String> missing = new ArrayList<>(REQUIRED.stream().filter(p -> !params.containsKey(p)).toList());
    Optional<Instant> time = ClaimParse.headerTime(request);
    if (!missing.isEmpty() || time.isEmpty()) {
      return new Failed(Rejections.incompleteAuthorization(missing, time.isEmpty(), authorization));
    }
    if (!algorithm.equals(SigV4Crypto.ALGORITHM)) {
      return new Failed(Rejections.unsupportedAlgorithm(algorithm));
    }
    return ClaimParse.withCredential(params.get("Credential"), (key, scope) -> new SignatureClaim(
        SignatureLocation.AUTHORIZATION_HEADER, key, scope,
        ClaimParse.signedHeaderNames(params.get("SignedHeaders")), params.get("Signature"),
        AmzDate.format(time.get()), time.get(), null,
        request.headers().first("X-Amz-Security-Token").orElse(null)));
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
