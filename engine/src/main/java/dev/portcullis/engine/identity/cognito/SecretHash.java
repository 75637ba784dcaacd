package dev.portcullis.engine.identity.cognito;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * SECRET_HASH for app clients that have a client secret (spec §9.3):
 * Base64(HMAC-SHA256(key = clientSecret, message = username ‖ clientId)).
 */
public final class SecretHash {

  private SecretHash() {}

  /**
   * @param username the name Cognito knows the user by in this call (for PASSWORD_VERIFIER, the
   *     challenge's USERNAME; see spec §9.3)
   * @param clientId the app client id
   * @param clientSecret the app client secret
   * @return standard Base64 with padding, as AWS's Java sample produces it
   */
  public static String compute(String username, String clientId, String clientSecret) {
    requireText("username", username);
    requireText("clientId", clientId);
    requireText("clientSecret", clientSecret);
    byte[] mac = SrpMath.hmacSha256(
        clientSecret.getBytes(StandardCharsets.UTF_8), (username + clientId).getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(mac);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("SECRET_HASH: " + name + " is missing");
    }
  }
}
