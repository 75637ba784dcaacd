package dev.portcullis.engine.rules.sigv4;

/** Where the caller put the signature. */
public enum SignatureLocation {
  /** The {@code Authorization} header (the form every AWS SDK uses). */
  AUTHORIZATION_HEADER,
  /** Presigned query-string parameters ({@code X-Amz-Signature} and friends). */
  QUERY_STRING
}
