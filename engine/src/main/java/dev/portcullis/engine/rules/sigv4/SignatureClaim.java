package dev.portcullis.engine.rules.sigv4;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the caller says it signed, read from the Authorization header or the presigned query,
 * before anything is checked against keys, scope or clock.
 *
 * @param amzDate the request time as it goes into the string to sign ({@code yyyyMMdd'T'HHmmss'Z'})
 * @param expiresSeconds {@code X-Amz-Expires} for presigned requests, null for header auth
 * @param securityToken {@code X-Amz-Security-Token} as received, or null
 */
record SignatureClaim(
    SignatureLocation location,
    String accessKeyId,
    CredentialScope scope,
    List<String> signedHeaders,
    String signature,
    String amzDate,
    Instant signedAt,
    Long expiresSeconds,
    String securityToken) {

  SignatureClaim {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(scope, "scope");
    signedHeaders = List.copyOf(signedHeaders);
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(amzDate, "amzDate");
    Objects.requireNonNull(signedAt, "signedAt");
  }

  String signedHeadersLine() {
    return String.join(";", signedHeaders);
  }
}
