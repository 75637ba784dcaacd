package dev.portcullis.engine.rules.jwt;

/**
 * The {@code www-authenticate} values an HTTP API sends on a 401 (apigw-facts §1.3). Only the
 * audience description is documented; the expiry one is observed; anything else gets the bare
 * scheme, as the yulin emulator does, rather than a description AWS may not send.
 */
final class WwwAuthenticate {
  private WwwAuthenticate() {}

  static final String BEARER = "Bearer";

  /** [DOC] AGW-ARCH http-api-troubleshooting-jwt.md. */
  static final String INVALID_AUDIENCE =
      "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\"";

  /** [OBS] only: not in AWS documentation. */
  static final String EXPIRED =
      "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\"";
}
