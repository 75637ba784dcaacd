package dev.portcullis.engine.rules.jwt;

/**
 * The token inside an identity-source value. The token itself never reaches evidence: traces are
 * exported and tokens are secrets.
 *
 * @param token the compact JWT, or null when there is none
 */
record Identity(String token, Outcome outcome) {
  private static final String BEARER = "Bearer ";

  /**
   * Takes the token from "Bearer x" or "x".
   *
   * @param bearerNote appended when a prefix was removed, to say how sure we are AWS does the same
   */
  static Identity extract(String value, String bearerNote) {
    if (value == null) {
      return new Identity(null, Outcome.fail("identity source is absent from the request"));
    }
    if (value.isEmpty()) {
      return new Identity(null, Outcome.fail("identity source is present but empty"));
    }
    if (!value.startsWith(BEARER)) {
      return new Identity(value, Outcome.pass("identity source holds a value of " + value.length() + " characters, no 'Bearer ' prefix"));
    }
    String token = value.substring(BEARER.length());
    if (token.isEmpty()) {
      return new Identity(null, Outcome.fail("identity source is 'Bearer ' with no token after it"));
    }
    return new Identity(token, Outcome.pass("'Bearer ' prefix removed, token of " + token.length() + " characters" + bearerNote));
  }
}
