package dev.portcullis.engine.rules.jwt;

import java.util.Map;
import java.util.Objects;

/**
 * Where API Gateway's JWT authoriser is stricter than a generic JOSE library (apigw-facts §3): it
 * accepts only RSA-based algorithms, and compares {@code iss} with the configured issuer exactly.
 * Only said when the JOSE run of the same checks accepted the token, so it is never a guess.
 */
final class JoseDifference {
  private static final String LEAD = "a JOSE library would accept this; API Gateway's JWT authoriser does not, because ";

  private JoseDifference() {}

  static boolean possible(TokenVerdict.Refused refused) {
    return refused.decidedBy().equals("jwt.algorithm") || refused.decidedBy().equals("jwt.issuer");
  }

  /** @param token the identity value as the authoriser got it (format already checked) */
  static String note(TokenVerdict.Refused refused, String token, String issuer) {
    Map<String, Object> claims = refused.claims();
    if (refused.decidedBy().equals("jwt.algorithm")) {
      return LEAD + "it accepts only RSA-based algorithms (apigw-facts §3) and this token is signed with "
          + ParsedToken.parse(Identity.extract(token, "").token()).algorithm() + ".";
    }
    return LEAD + "it compares iss with the configured issuer exactly (apigw-facts §3): '" + claims.get("iss")
        + "' is not '" + Objects.toString(issuer) + "'.";
  }
}
