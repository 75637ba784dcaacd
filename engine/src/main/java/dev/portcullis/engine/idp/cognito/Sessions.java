package dev.portcullis.engine.idp.cognito;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins waiting for a challenge answer, by Cognito's opaque {@code Session} string (for
 * PASSWORD_VERIFIER, by the SECRET_BLOCK instead; see {@link InitiateAuth}).
 */
final class Sessions {

  /** What a pending login waits for, with what the server must keep until the answer. */
  sealed interface Challenge {
    String name();

    record PasswordVerifier(ServerEphemeral ephemeral, SrpCredential credential, String srpA) implements Challenge {
      public String name() {
        return "PASSWORD_VERIFIER";
      }
    }

    record SoftwareTokenMfa() implements Challenge {
      public String name() {
        return "SOFTWARE_TOKEN_MFA";
      }
    }

    record SmsMfa(String code) implements Challenge {
      public String name() {
        return "SMS_MFA";
      }

      @Override
      public String toString() {
        return "SmsMfa[code=***]";
      }
    }

    record NewPasswordRequired() implements Challenge {
      public String name() {
        return "NEW_PASSWORD_REQUIRED";
      }
    }
  }

  /**
   * @param authTime when the password was proven, carried to {@code auth_time} (spec §9.5, §9.7)
   * @param expires after this the answer is refused
   */
  record Session(String username, String clientId, Challenge challenge, Instant authTime, Instant expires) {
    Session {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(challenge, "challenge");
    }
  }

  private final Map<String, Session> byId = new ConcurrentHashMap<>();

  void put(String id, Session session) {
    byId.put(id, session);
  }

  /**
   * The session answered by this request. Throws Cognito's errors for a missing, foreign, expired
   * or other-challenge session; an expired one is dropped.
   */
  Session open(String id, String clientId, String challengeName, Instant now) {
    Session session = id == null ? null : byId.get(id);
    if (session == null || !session.clientId().equals(clientId) || !session.challenge().name().equals(challengeName)) {
      throw CognitoError.invalidSession();
    }
    if (now.isAfter(session.expires())) {
      byId.remove(id);
      throw CognitoError.expiredSession();
    }
    return session;
  }

  /** Ends a session once answered (or failed for good), so it cannot be replayed. */
  void close(String id) {
    byId.remove(id);
  }
}
