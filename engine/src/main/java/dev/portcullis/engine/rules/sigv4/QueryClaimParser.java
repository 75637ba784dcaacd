package dev.portcullis.engine.rules.sigv4;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.rules.sigv4.ClaimParse.Failed;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads presigned (query-string) SigV4: {@code X-Amz-Algorithm}, {@code X-Amz-Credential},
 * {@code X-Amz-Date}, {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature}.
 *
 * <p>Whether API Gateway accepts presigned SigV4 at all is not documented (spec §5 and §10 q9).
 * Portcullis accepts it as IAM-SIGN describes it, and every {@code Verified} result it gives says
 * so in its notes. The messages for a malformed presigned query are those other AWS services send.
 */
final class QueryClaimParser {

  /** IAM-SIGN: a presigned URL is valid for at most seven days. */
  static final long MAX_EXPIRES_SECONDS = 604_800;

  private static final List<String> REQUIRED = List.of(
      "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Expires");

  private QueryClaimParser() {}

  static boolean looksPresigned(String rawQuery) {
    return decoded(rawQuery).keySet().stream().anyMatch(k -> k.equals("X-Amz-Algorithm")
        || k.equals("X-Amz-Credential") || k.equals("X-Amz-Signature"));
  }

  static ClaimParse parse(IncomingRequest request) {
    Map<String, String> params = decoded(request.rawQuery());
    List<String> missing = REQUIRED.stream().filter(p -> !params.containsKey(p)).toList();
    if (!missing.isEmpty()) {
      return new Failed(Rejections.presignedMissing(missing));
    }
    if (!params.get("X-Amz-Algorithm").equals(SigV4Crypto.ALGORITHM)) {
      return new Failed(Rejections.presignedMalformed(
          "X-Amz-Algorithm only supports \"" + SigV4Crypto.ALGORITHM + "\""));
    }
    Optional<Instant> time = AmzDate.parseBasic(params.get("X-Amz-Date"));
    if (time.isEmpty()) {
      return new Failed(Rejections.presignedMalformed(
          "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\""));
    }
    Optional<String> expiresProblem = expiresProblem(params.get("X-Amz-Expires"));
    if (expiresProblem.isPresent()) {
      return new Failed(Rejections.presignedMalformed(expiresProblem.get()));
    }
    return ClaimParse.withCredential(params.get("X-Amz-Credential"), (key, scope) -> new SignatureClaim(
        SignatureLocation.QUERY_STRING, key, scope,
        ClaimParse.signedHeaderNames(params.get("X-Amz-SignedHeaders")), params.get("X-Amz-Signature"),
        AmzDate.format(time.get()), time.get(), Long.parseLong(params.get("X-Amz-Expires").strip()), params.get("X-Amz-Security-Token")));
  }

  /** S3's wording for the same three faults; execute-api's is unknown. */
  private static Optional<String> expiresProblem(String text) {
    long seconds;
    try {
      seconds = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return Optional.of("X-Amz-Expires should be a number");
    }
    if (seconds < 0) {
      return Optional.of("X-Amz-Expires must be non-negative");
    }
    return seconds > MAX_EXPIRES_SECONDS
        ? Optional.of("X-Amz-Expires must be less than a week (in seconds) that is " + MAX_EXPIRES_SECONDS)
        : Optional.empty();
  }

  /** Decoded names to decoded values; the first occurrence wins, as a repeated X-Amz-* is the caller's error. */
  private static Map<String, String> decoded(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : UriEncoding.splitQuery(rawQuery)) {
      params.putIfAbsent(UriEncoding.decodeToString(p.getKey()), UriEncoding.decodeToString(p.getValue()));
    }
    return params;
  }
}
