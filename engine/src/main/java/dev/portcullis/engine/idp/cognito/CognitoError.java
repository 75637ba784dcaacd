package dev.portcullis.engine.idp.cognito;

/**
 * An error answer of the local Cognito, shaped as Cognito's ({@code __type} and {@code message},
 * spec §9.1). It is an exception rather than a value because the checks that raise it sit deep in
 * parameter parsing and session lookups; {@link LocalCognito} turns every one into a 400 response,
 * so none escapes the local Cognito.
 */
final class CognitoError extends RuntimeException {

  private final String type;

  CognitoError(String type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  String type() {
    return type;
  }

  static CognitoError notAuthorized(String message) {
    return new CognitoError("NotAuthorizedException", message);
  }

  static CognitoError invalidParameter(String message) {
    return new CognitoError("InvalidParameterException", message);
  }

  /** Cognito's answer to a wrong password, the same for SRP and plain password logins (spec §9.1). */
  static CognitoError incorrectPassword() {
    return notAuthorized("Incorrect username or password.");
  }

  /** Session missing, used, answered by another client, or of another challenge. */
  static CognitoError invalidSession() {
    return notAuthorized("Invalid session for the user.");
  }

  static CognitoError expiredSession() {
    return notAuthorized("Invalid session for the user, session is expired.");
  }
}
