package dev.portcullis.engine.rules;

import dev.portcullis.engine.rules.sigv4.RejectReason;

/** Names SigV4 refusals the way traces and saved expectations refer to them ({@code sigv4.skew} ...). */
final class SigV4CheckIds {
  private SigV4CheckIds() {}

  static String of(RejectReason reason) {
    return switch (reason) {
      case MISSING_AUTHENTICATION_TOKEN -> "missing";
      case MALFORMED_AUTHORIZATION, MISSING_DATE, MALFORMED_CREDENTIAL, MALFORMED_PRESIGNED_QUERY, HOST_NOT_SIGNED ->
          "malformed";
      case SCOPE_DATE_MISMATCH, SCOPE_WRONG_REGION, SCOPE_WRONG_SERVICE, SCOPE_WRONG_TERMINATOR -> "scope";
      case SIGNATURE_EXPIRED, SIGNATURE_NOT_YET_CURRENT -> "skew";
      case PRESIGNED_URL_EXPIRED -> "expired";
      case UNKNOWN_ACCESS_KEY -> "accessKey";
      case SESSION_TOKEN_MISSING, SESSION_TOKEN_MISMATCH -> "sessionToken";
      case SESSION_EXPIRED -> "sessionExpired";
      case SIGNATURE_MISMATCH -> "signature";
    };
  }

  /**
   * The gateway response type (spec §1.1). The spec has no row for incomplete signatures or
   * invalid keys; they are grouped with the type their error name is closest to.
   */
  static String responseType(RejectReason reason) {
    return switch (reason.errorType()) {
      case "MissingAuthenticationTokenException" -> "MISSING_AUTHENTICATION_TOKEN";
      case "AccessDeniedException" -> "ACCESS_DENIED";
      case "ExpiredTokenException" -> "EXPIRED_TOKEN";
      default -> "INVALID_SIGNATURE";
    };
  }
}
