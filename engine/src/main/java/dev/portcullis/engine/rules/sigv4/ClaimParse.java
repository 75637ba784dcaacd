package dev.portcullis.engine.rules.sigv4;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.rules.sigv4.SigV4Verification.Rejected;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading the caller's claim: either a complete {@link SignatureClaim} or the rejection AWS gives for its shape. */
sealed interface ClaimParse permits ClaimParse.Parsed, ClaimParse.Failed {

  record Parsed(SignatureClaim claim) implements ClaimParse {}

  record Failed(Rejected rejected) implements ClaimParse {}

  /**
   * The Authorization header wins when present; presigned parameters are looked at only without
   * it. With neither, the request carries no authentication at all (spec §1.2).
   */
  static ClaimParse of(IncomingRequest request) {
    Optional<String> authorization = request.headers().first("Authorization");
    if (authorization.isPresent()) {
      return HeaderClaimParser.parse(request, authorization.get());
    }
    if (QueryClaimParser.looksPresigned(request.rawQuery())) {
      return QueryClaimParser.parse(request);
    }
    return new Failed(Rejections.missingAuthenticationToken());
  }

  /** {@code keyid/date/region/service/terminator}, else the credential rejection. */
  static ClaimParse withCredential(String credential, CredentialTail tail) {
    String[] parts = credential.split("/", -1);
    if (parts.length != 5) {
      return new Failed(Rejections.malformedCredential(credential));
    }
    return new Parsed(tail.complete(parts[0], new CredentialScope(parts[1], parts[2], parts[3], parts[4])));
  }

  /** The rest of a claim once the credential is split. */
  @FunctionalInterface
  interface CredentialTail {
    SignatureClaim complete(String accessKeyId, CredentialScope scope);
  }

  static List<String> signedHeaderNames(String signedHeaders) {
    return List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
  }

  /** The request time: a well-formed X-Amz-Date, else an HTTP Date header (spec §5 "or Date"). */
  static Optional<Instant> headerTime(IncomingRequest request) {
    return request.headers().first("X-Amz-Date").flatMap(AmzDate::parseBasic)
        .or(() -> request.headers().first("Date").flatMap(AmzDate::parseHttpDate));
  }
}
