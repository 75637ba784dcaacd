package dev.portcullis.engine.rules.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.List;

/**
 * The audience check (apigw-facts §3): "API Gateway validates client_id only if aud is not
 * present. When both aud and client_id are present, API Gateway evaluates aud". So a Cognito ID
 * token matches through aud and an access token, which has none, through client_id.
 */
final class Audience {
  private Audience() {}

  static Outcome check(JWTClaimsSet claims, List<String> audiences) {
    List<String> aud = claims.getAudience();
    if (!aud.isEmpty()) {
      return aud.stream().anyMatch(audiences::contains)
          ? Outcome.pass("token aud " + aud + " contains one of " + audiences)
          : Outcome.fail("token aud " + aud + " contains none of " + audiences);
    }
    String clientId;
    try {
      clientId = claims.getStringClaim("client_id");
    } catch (ParseException e) {
      return Outcome.fail("token has no aud and its client_id is not a string");
    }
    if (clientId == null) {
      return Outcome.fail("token has neither aud nor client_id to match against " + audiences);
    }
    return audiences.contains(clientId)
        ? Outcome.pass("token has no aud; client_id '" + clientId + "' is one of " + audiences)
        : Outcome.fail("token has no aud; client_id '" + clientId + "' is none of " + audiences);
  }
}
