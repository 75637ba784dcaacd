package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.idp.http.Exchanges;
import dev.portcullis.engine.idp.http.IdpContext;
import dev.portcullis.engine.model.Emulator.AppClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What follows a proven password: NEW_PASSWORD_REQUIRED for FORCE_CHANGE_PASSWORD users, then MFA
 * (SOFTWARE_TOKEN_MFA for users with a TOTP secret, SMS_MFA for users with a {@code phone_number}
 * attribute and no TOTP secret), then tokens. Builds Cognito's response shapes (spec §9.2).
 */
final class LoginSteps {

  /** Cognito's default: a challenge session lasts 3 minutes. */
  static final Duration SESSION_LIFETIME = Duration.ofMinutes(3);

  private final IdpContext context;

  LoginSteps(IdpContext context) {
    this.context = context;
  }

  /** After USER_PASSWORD_AUTH or PASSWORD_VERIFIER succeeded. */
  Map<String, Object> afterPassword(CognitoPool pool, AppClient client, UserAccount user, Instant authTime) {
    if (user.mustChangePassword()) {
      Map<String, Object> parameters = new LinkedHashMap<>();
      parameters.put("USER_ID_FOR_SRP", user.username());
      parameters.put("requiredAttributes", "[]");
      parameters.put("userAttributes", userAttributesJson(user));
      return challenge(pool, client, user, new Sessions.Challenge.NewPasswordRequired(), parameters, authTime);
    }
    return mfaOrTokens(pool, client, user, authTime);
  }

  /** After the password (and a forced change, if any) is settled. */
  Map<String, Object> mfaOrTokens(CognitoPool pool, AppClient client, UserAccount user, Instant authTime) {
    if (user.fixture().totpSecret() != null) {
      return challenge(pool, client, user, new Sessions.Challenge.SoftwareTokenMfa(),
          Map.of("USER_ID_FOR_SRP", user.username()), authTime);
    }
    String phone = user.fixture().attributes().get("phone_number");
    if (phone != null) {
      String code = String.format("%06d", context.random().nextInt(1_000_000));
      // The local Cognito sends no SMS: the log is where the user reads the code (issue #4).
      context.event("SMS_MFA code for user '" + user.username() + "' in pool " + pool.model().id() + ": " + code);
      return challenge(pool, client, user, new Sessions.Challenge.SmsMfa(code), Map.of(
          "CODE_DELIVERY_DELIVERY_MEDIUM", "SMS", "CODE_DELIVERY_DESTINATION", masked(phone),
          "USER_ID_FOR_SRP", user.username()), authTime);
    }
    return tokens(pool, client, user, authTime);
  }

  /** A fresh login's tokens, with a new refresh token. */
  Map<String, Object> tokens(CognitoPool pool, AppClient client, UserAccount user, Instant authTime) {
    String originJti = context.randomUuid();
    CognitoTokens.Issued issued = CognitoTokens.issue(pool, client, user, authTime, originJti, context);
    String refreshToken = context.randomToken(96);
    Instant expires = context.clock().instant().plus(Duration.ofDays(client.refreshTokenDays()));
    pool.refreshTokens().add(refreshToken,
        new RefreshTokens.Grant(user.username(), client.clientId(), authTime, originJti, expires));
    context.event("Cognito login of '" + user.username() + "' via client " + client.clientId()
        + ": access token " + Exchanges.abbreviate(issued.accessToken()));
    return result(issued, refreshToken);
  }

  /** AuthenticationResult; the refresh token is left out on refresh (spec §9.5). */
  static Map<String, Object> result(CognitoTokens.Issued issued, String refreshToken) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("AccessToken", issued.accessToken());
    result.put("ExpiresIn", issued.expiresIn());
    result.put("IdToken", issued.idToken());
    if (refreshToken != null) {
      result.put("RefreshToken", refreshToken);
    }
    result.put("TokenType", "Bearer");
    return Map.of("AuthenticationResult", result, "ChallengeParameters", Map.of());
  }

  private Map<String, Object> challenge(CognitoPool pool, AppClient client, UserAccount user,
      Sessions.Challenge challenge, Map<String, Object> parameters, Instant authTime) {
    String session = context.randomToken(192);
    Instant expires = context.clock().instant().plus(SESSION_LIFETIME);
    pool.sessions().put(session, new Sessions.Session(user.username(), client.clientId(), challenge, authTime, expires));
    return Map.of("ChallengeName", challenge.name(), "ChallengeParameters", parameters, "Session", session);
  }

  private static String userAttributesJson(UserAccount user) {
    Map<String, Object> attributes = new LinkedHashMap<>(user.fixture().attributes());
    if (user.fixture().email() != null) {
      attributes.put("email", user.fixture().email());
    }
    return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(attributes);
  }

  /** Cognito shows only the last digits of the phone: {@code +*******1234}. */
  private static String masked(String phone) {
    int keep = Math.min(4, phone.length());
    return "+" + "*".repeat(Math.max(0, phone.length() - keep - 1)) + phone.substring(phone.length() - keep);
  }
}
