package dev.portcullis.engine.idp.cognito;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.engine.idp.http.IdpContext;
import dev.portcullis.engine.idp.keys.JwtSigning;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operations authorised by an access token rather than SigV4: GetUser and GlobalSignOut. Cognito
 * itself refuses access tokens issued before a GlobalSignOut, though a JWT authoriser still accepts
 * them until they expire (spec §9.7, "Revoked tokens").
 */
final class UserOperations {

  private final IdpContext context;
  private final List<CognitoPool> pools;

  UserOperations(IdpContext context, List<CognitoPool> pools) {
    this.context = context;
    this.pools = pools;
  }

  Map<String, Object> getUser(Map<String, Object> request) {
    Authenticated caller = authenticate(Params.required(request, "AccessToken"));
    UserAccount user = caller.user();
    List<Map<String, String>> attributes = new ArrayList<>();
    attributes.add(attribute("sub", user.sub()));
    if (user.fixture().email() != null) {
      attributes.add(attribute("email", user.fixture().email()));
      attributes.add(attribute("email_verified", "true"));
    }
    user.fixture().attributes().forEach((name, value) -> attributes.add(attribute(name, value)));
    boolean totp = user.fixture().totpSecret() != null;
    return Map.of("Username", user.username(), "UserAttributes", attributes, "MFAOptions", List.of(),
        "UserMFASettingList", totp ? List.of("SOFTWARE_TOKEN_MFA") : List.of());
  }

  Map<String, Object> globalSignOut(Map<String, Object> request) {
    Authenticated caller = authenticate(Params.required(request, "AccessToken"));
    caller.pool().refreshTokens().revokeAll(caller.user().username());
    caller.user().signOut(context.clock().instant());
    context.event("GlobalSignOut of '" + caller.user().username() + "': refresh tokens revoked");
    return Map.of();
  }

  private record Authenticated(CognitoPool pool, UserAccount user) {}

  private Authenticated authenticate(String accessToken) {
    Instant now = context.clock().instant();
    CognitoPool pool = poolOf(accessToken).orElseThrow(() -> CognitoError.notAuthorized("Invalid Access Token"));
    JWTClaimsSet claims = JwtSigning.verifiedClaims(accessToken, pool.keys(), now)
        .filter(c -> "access".equals(c.getClaim("token_use")))
        .orElseThrow(() -> CognitoError.notAuthorized("Invalid Access Token"));
    if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
      throw CognitoError.notAuthorized("Access Token has expired");
    }
    Object username = claims.getClaim("username");
    if (!(username instanceof String name) || claims.getIssueTime() == null) {
      throw CognitoError.notAuthorized("Invalid Access Token");
    }
    UserAccount user = pool.user(name);
    if (user.signedOutSince(claims.getIssueTime().toInstant())) {
      throw CognitoError.notAuthorized("Access Token has been revoked");
    }
    return new Authenticated(pool, user);
  }

  /** The pool whose issuer the token names; the signature is checked against that pool's keys next. */
  private Optional<CognitoPool> poolOf(String token) {
    try {
      String issuer = SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
      return pools.stream().filter(p -> p.issuer().equals(issuer)).findFirst();
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> attribute(String name, String value) {
    return Map.of("Name", name, "Value", value);
  }
}
