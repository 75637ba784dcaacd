package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.idp.http.IdpContext;
import dev.portcullis.engine.idp.keys.JwtSigning;
import dev.portcullis.engine.model.Emulator.AppClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mints ID and access tokens with Cognito's claims (spec §9.7), times from the injected clock. */
final class CognitoTokens {

  static final String ADMIN_SCOPE = "aws.cognito.signin.user.admin";

  /** @param expiresIn the access token's lifetime in seconds, as AuthenticationResult.ExpiresIn */
  record Issued(String idToken, String accessToken, int expiresIn) {}

  private CognitoTokens() {}

  static Issued issue(CognitoPool pool, AppClient client, UserAccount user, Instant authTime, String originJti,
      IdpContext context) {
    Instant now = context.clock().instant();
    Map<String, Object> id = common(pool, user, authTime, originJti, now, client.idTokenMinutes(), context);
    id.put("aud", client.clientId());
    id.put("token_use", "id");
    id.put("cognito:username", user.username());
    putIdentityAttributes(id, user);
    Map<String, Object> access = common(pool, user, authTime, originJti, now, client.accessTokenMinutes(), context);
    access.put("token_use", "access");
    access.put("scope", String.join(" ", accessScopes(pool, user)));
    access.put("client_id", client.clientId());
    access.put("username", user.username());
    return new Issued(JwtSigning.sign(pool.keys().current(CognitoPool.ID_KEY), id),
        JwtSigning.sign(pool.keys().current(CognitoPool.ACCESS_KEY), access), client.accessTokenMinutes() * 60);
  }

  /** A client_credentials access token: {@code sub} is the client id, no user claims (spec §9.6). */
  static String clientCredentials(CognitoPool pool, AppClient client, List<String> scopes, IdpContext context) {
    Instant now = context.clock().instant();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", client.clientId());
    claims.put("token_use", "access");
    claims.put("scope", String.join(" ", scopes));
    claims.put("auth_time", now.getEpochSecond());
    claims.put("iss", pool.issuer());
    claims.put("exp", now.getEpochSecond() + client.accessTokenMinutes() * 60L);
    claims.put("iat", now.getEpochSecond());
    claims.put("version", 2);
    claims.put("jti", context.randomUuid());
    claims.put("client_id", client.clientId());
    return JwtSigning.sign(pool.keys().current(CognitoPool.ACCESS_KEY), claims);
  }

  private static Map<String, Object> common(CognitoPool pool, UserAccount user, Instant authTime, String originJti,
      Instant now, int lifetimeMinutes, IdpContext context) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", user.sub());
    if (!user.fixture().groups().isEmpty()) {
      claims.put("cognito:groups", user.fixture().groups());
    }
    claims.put("iss", pool.issuer());
    claims.put("origin_jti", originJti);
    claims.put("auth_time", authTime.getEpochSecond());
    claims.put("exp", now.getEpochSecond() + lifetimeMinutes * 60L);
    claims.put("iat", now.getEpochSecond());
    claims.put("jti", context.randomUuid());
    return claims;
  }

  private static void putIdentityAttributes(Map<String, Object> claims, UserAccount user) {
    if (user.fixture().email() != null) {
      claims.put("email", user.fixture().email());
      claims.put("email_verified", true);
    }
    // Custom attributes are strings in Cognito's ID tokens (spec §9.7); the fixture's are already.
    user.fixture().attributes().forEach((name, value) -> claims.putIfAbsent(name, value));
  }

  /** The admin scope plus the groups' scopes; InitiateAuth tokens never carry resource-server scopes (§9.6). */
  private static Set<String> accessScopes(CognitoPool pool, UserAccount user) {
    Set<String> scopes = new LinkedHashSet<>();
    scopes.add(ADMIN_SCOPE);
    scopes.addAll(pool.groupScopes(user));
    return scopes;
  }
}
