package dev.portcullis.engine.rules.sigv4;

/**
 * Why API Gateway refused a SigV4 request, with the status and {@code x-amzn-ErrorType} it sends
 * and how sure we are of them. Section numbers refer to {@code spec/apigw-facts.md}; the evidence
 * tags are the spec's (§0). Where the spec has no row, the text says so and names the public
 * observation the wording comes from, so the trace can say "undocumented by AWS; emulated as
 * observed".
 */
public enum RejectReason {
  MISSING_AUTHENTICATION_TOKEN(403, "MissingAuthenticationTokenException",
      "[DOC] spec §1.2: no Authorization header and no presigned query"),
  MALFORMED_AUTHORIZATION(403, "IncompleteSignatureException",
      "[OBS] spec §1.2 rows 'Authorization header present but not SigV4' and 'single token'"),
  MISSING_DATE(403, "IncompleteSignatureException",
      "[OBS] spec §1.2 row 'single token' (the X-Amz-Date/Date sentence)"),
  MALFORMED_CREDENTIAL(403, "IncompleteSignatureException",
      "not in spec; wording observed from other AWS SigV4 front ends"),
  MALFORMED_PRESIGNED_QUERY(403, "IncompleteSignatureException",
      "not in spec (§5, §10 q9: presigned SigV4 on execute-api is undocumented); wording observed from other AWS services"),
  HOST_NOT_SIGNED(403, "IncompleteSignatureException",
      "spec §5 says Host must be signed [DOC]; the message is not in spec, observed (NetSPI/AWSSigner#3, babbel/okhttp-aws-signer#10)"),
  SCOPE_DATE_MISMATCH(403, "InvalidSignatureException",
      "scope rules [DOC] IAM-SIGN; the message is not in spec, observed from other AWS SigV4 front ends"),
  SCOPE_WRONG_REGION(403, "InvalidSignatureException",
      "not in spec; message observed (aws/aws-sdk-js#792, joona/aws-es-curl#15)"),
  SCOPE_WRONG_SERVICE(403, "InvalidSignatureException",
      "spec §5 service is execute-api [DOC]; the message is not in spec, observed from other AWS SigV4 front ends"),
  SCOPE_WRONG_TERMINATOR(403, "InvalidSignatureException",
      "spec §5 scope ends in aws4_request [DOC]; the message is not in spec, observed from other AWS SigV4 front ends"),
  SIGNATURE_EXPIRED(403, "InvalidSignatureException",
      "spec §5 skew ±5 min [DOC]; §1.2 message [OBS], error type [KC]"),
  SIGNATURE_NOT_YET_CURRENT(403, "InvalidSignatureException",
      "spec §5 skew ±5 min [DOC]; §1.2 message [OBS], generic AWS, not seen for execute-api"),
  PRESIGNED_URL_EXPIRED(403, "InvalidSignatureException",
      "undocumented by AWS (spec §5, §10 q9); emulated: the X-Amz-Expires window of IAM-SIGN, message modelled on §1.2"),
  UNKNOWN_ACCESS_KEY(403, "AccessDeniedException",
      "[KC] spec §1.2 row 'IAM keys invalid'"),
  SESSION_TOKEN_MISSING(403, "AccessDeniedException",
      "spec §5 X-Amz-Security-Token for temporary credentials; message [KC] spec §1.2 'IAM keys invalid'"),
  SESSION_TOKEN_MISMATCH(403, "AccessDeniedException",
      "spec §5 X-Amz-Security-Token for temporary credentials; message [KC] spec §1.2 'IAM keys invalid'"),
  SESSION_EXPIRED(403, "ExpiredTokenException",
      "spec §1.1 EXPIRED_TOKEN, 403 'AWS authentication token expired error' [DOC]; the spec has no message or "
          + "x-amzn-ErrorType for it: the text and ExpiredTokenException are AWS's answer to an expired session token "
          + "observed from other AWS services such as STS, SSM and ACM, not captured for execute-api; whether API Gateway "
          + "checks the expiry before or after the signature is undocumented, emulated after the token matches and before "
          + "the signature"),
  SIGNATURE_MISMATCH(403, "InvalidSignatureException",
      "[OBS] spec §1.2 row 'SigV4 signature mismatch' (execute-api captures)");

  private final int status;
  private final String errorType;
  private final String evidence;

  RejectReason(int status, String errorType, String evidence) {
    this.status = status;
    this.errorType = errorType;
    this.evidence = evidence;
  }

  /** The HTTP status API Gateway answers with. */
  public int status() {
    return status;
  }

  /** The {@code x-amzn-ErrorType} header value. */
  public String errorType() {
    return errorType;
  }

  /** Where the status, error type and message come from, with the spec's evidence level. */
  public String evidence() {
    return evidence;
  }
}
