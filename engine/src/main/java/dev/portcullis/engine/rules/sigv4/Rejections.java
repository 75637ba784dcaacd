package dev.portcullis.engine.rules.sigv4;

import static dev.portcullis.engine.rules.sigv4.RejectReason.*;

import dev.portcullis.engine.rules.sigv4.SigV4Verification.Recomputed;
import dev.portcullis.engine.rules.sigv4.SigV4Verification.Rejected;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The messages API Gateway sends for each {@link RejectReason}, word for word where the spec has
 * them (§1.2). Where it has none, the wording is what other AWS SigV4 front ends were seen to send
 * (see each reason's evidence); trailing spaces in those are AWS's own.
 */
final class Rejections {

  static final Duration SKEW = Duration.ofMinutes(5);

  private Rejections() {}

  static Rejected missingAuthenticationToken() {
    return Rejected.of(MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
  }

  /** The newer of the two observed formats (spec §1.2): the header value is hashed, not echoed. */
  static Rejected missingEqualSign(String authorization) {
    return Rejected.of(MALFORMED_AUTHORIZATION,
        "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '"
            + base64Sha256(authorization) + "'.");
  }

  /** One sentence per missing part, in the order AWS lists them (spec §1.2, "single token"). */
  static Rejected incompleteAuthorization(List<String> missingParams, boolean dateMissing, String authorization) {
    StringBuilder message = new StringBuilder();
    missingParams.forEach(p -> message.append("Authorization header requires '").append(p).append("' parameter. "));
    if (dateMissing) {
      message.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    message.append("Authorization=").append(authorization);
    return Rejected.of(missingParams.isEmpty() ? MISSING_DATE : MALFORMED_AUTHORIZATION, message.toString());
  }

  /** Not in spec; the algorithm name is the first word of the header. */
  static Rejected unsupportedAlgorithm(String algorithm) {
    return Rejected.of(MALFORMED_AUTHORIZATION, "Unsupported AWS 'algorithm': '" + algorithm + "'.");
  }

  static Rejected malformedCredential(String credential) {
    return Rejected.of(MALFORMED_CREDENTIAL,
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
            + credential + "'");
  }

  static Rejected presignedMissing(List<String> missingParams) {
    StringBuilder message = new StringBuilder();
    missingParams.forEach(p -> message.append("AWS query-string parameters must include '").append(p).append("'. "));
    return Rejected.of(MALFORMED_PRESIGNED_QUERY, message.append("Re-examine the query-string parameters.").toString());
  }

  static Rejected presignedMalformed(String message) {
    return Rejected.of(MALFORMED_PRESIGNED_QUERY, message);
  }

  static Rejected hostNotSigned() {
    return Rejected.of(HOST_NOT_SIGNED, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }

  static Rejected scopeDate(String scopeDate, String amzDate) {
    return Rejected.of(SCOPE_DATE_MISMATCH,
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
            + scopeDate + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
  }

  static Rejected scopeRegion(String region) {
    return Rejected.of(SCOPE_WRONG_REGION, "Credential should be scoped to a valid region, not '" + region + "'. ");
  }

  static Rejected scopeService(String expectedService) {
    return Rejected.of(SCOPE_WRONG_SERVICE, "Credential should be scoped to correct service: '" + expectedService + "'. ");
  }

  static Rejected scopeTerminator(String terminator) {
    return Rejected.of(SCOPE_WRONG_TERMINATOR,
        "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'. ");
  }

  static Rejected expired(Instant signedAt, Instant now) {
    return Rejected.of(SIGNATURE_EXPIRED, "Signature expired: " + AmzDate.format(signedAt) + " is now earlier than "
        + AmzDate.format(now.minus(SKEW)) + " (" + AmzDate.format(now) + " - 5 min.)");
  }

  static Rejected notYetCurrent(Instant signedAt, Instant now) {
    return Rejected.of(SIGNATURE_NOT_YET_CURRENT, "Signature not yet current: " + AmzDate.format(signedAt)
        + " is still later than " + AmzDate.format(now.plus(SKEW)) + " (" + AmzDate.format(now) + " + 5 min.)");
  }

  /** Undocumented for execute-api: modelled on the header-auth expiry text, with the URL's own window. */
  static Rejected presignedExpired(Instant signedAt, long expiresSeconds, Instant now) {
    return Rejected.of(PRESIGNED_URL_EXPIRED, "Signature expired: " + AmzDate.format(signedAt)
        + " is now earlier than " + AmzDate.format(now.minusSeconds(expiresSeconds)) + " ("
        + AmzDate.format(now) + " - " + expiresSeconds + " sec.)");
  }

  static Rejected invalidToken(RejectReason reason) {
    return Rejected.of(reason, "The security token included in the request is invalid.");
  }

  /** No trailing period: the observed text (see {@link RejectReason#SESSION_EXPIRED}), unlike the invalid-token one. */
  static Rejected expiredToken() {
    return Rejected.of(SESSION_EXPIRED, "The security token included in the request is expired");
  }

  static Rejected signatureMismatch(Recomputed recomputed) {
    String message = "The request signature we calculated does not match the signature you provided. "
        + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
        + "\n\nThe Canonical String for this request should have been\n'" + recomputed.canonicalRequest() + "'"
        + "\n\nThe String-to-Sign should have been\n'" + recomputed.stringToSign() + "'\n";
    return new Rejected(SIGNATURE_MISMATCH, message, Optional.of(recomputed));
  }

  private static String base64Sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JDK has no SHA-256, which every Java SE runtime must provide", e);
    }
  }
}
