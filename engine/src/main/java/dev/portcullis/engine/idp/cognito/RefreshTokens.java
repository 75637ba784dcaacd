package dev.portcullis.engine.idp.cognito;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opaque refresh tokens of one pool and what each one stands for. Cognito's are encrypted JWTs the
 * client cannot read either, so a random string is as good a stand-in. GlobalSignOut revokes every
 * token of a user; revoked tokens are remembered so the error says "revoked" rather than "invalid".
 */
final class RefreshTokens {

  /**
   * @param authTime the original login, kept on refreshed tokens (spec §9.5)
   * @param originJti the login's {@code origin_jti}, the same on every token refreshed from it
   */
  record Grant(String username, String clientId, Instant authTime, String originJti, Instant expires) {}

  private final Map<String, Grant> live = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();

  void add(String token, Grant grant) {
    live.put(token, grant);
  }

  /** The grant of a refresh token presented for REFRESH_TOKEN_AUTH, or Cognito's error. */
  Grant redeem(String token, String clientId, Instant now) {
    if (token != null && revoked.contains(token)) {
      throw CognitoError.notAuthorized("Refresh Token has been revoked");
    }
    Grant grant = token == null ? null : live.get(token);
    if (grant == null || !grant.clientId().equals(clientId)) {
      throw CognitoError.notAuthorized("Invalid Refresh Token");
    }
    if (now.isAfter(grant.expires())) {
      throw CognitoError.notAuthorized("Refresh Token has expired");
    }
    return grant;
  }

  /** Revokes every refresh token of a user (GlobalSignOut). */
  void revokeAll(String username) {
    live.entrySet().removeIf(entry -> {
      boolean mine = entry.getValue().username().equals(username);
      if (mine) {
        revoked.add(entry.getKey());
      }
      return mine;
    });
  }
}
