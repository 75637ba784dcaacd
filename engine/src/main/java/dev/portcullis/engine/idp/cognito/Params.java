package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.identity.cognito.SecretHash;
import dev.portcullis.engine.model.Emulator.AppClient;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading Cognito request members, and the SECRET_HASH check every flow shares (spec §9.3). */
final class Params {

  private Params() {}

  /** A required string member; Cognito answers a missing one with InvalidParameterException. */
  static String required(Map<String, ?> members, String name) {
    Object value = members.get(name);
    if (!(value instanceof String text) || text.isEmpty()) {
      throw CognitoError.invalidParameter("Missing required parameter " + name);
    }
    return text;
  }

  /** A string-to-string map member such as AuthParameters; absent means empty. */
  static Map<String, String> stringMap(Map<String, ?> members, String name) {
    Object value = members.get(name);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw CognitoError.invalidParameter(name + " must be a map of strings");
    }
    Map<String, String> strings = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (!(v instanceof String s)) {
        throw CognitoError.invalidParameter(name + "." + k + " must be a string");
      }
      strings.put(String.valueOf(k), s);
    });
    return strings;
  }

  /**
   * Checks SECRET_HASH when the client has a secret. Any of {@code usernames} may have been hashed:
   * which name a client uses for REFRESH_TOKEN_AUTH is undocumented (spec §9.3, §10 q10), so the
   * local Cognito accepts the username or the sub there. Messages are Cognito's as observed.
   */
  static void checkSecretHash(AppClient client, String given, String... usernames) {
    if (client.clientSecret() == null) {
      return;
    }
    if (given == null || given.isEmpty()) {
      throw CognitoError.notAuthorized(
          "Client " + client.clientId() + " is configured for secret but secret was not received");
    }
    for (String username : usernames) {
      String expected = SecretHash.compute(username, client.clientId(), client.clientSecret());
      if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
        return;
      }
    }
    throw CognitoError.notAuthorized("Unable to verify secret hash for client " + client.clientId());
  }
}
