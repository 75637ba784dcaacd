package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.identity.cognito.CognitoTimestamp;
import dev.portcullis.engine.identity.cognito.Totp;
import dev.portcullis.engine.idp.http.IdpContext;
import dev.portcullis.engine.model.Emulator.AppClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * RespondToAuthChallenge: PASSWORD_VERIFIER (SRP-6a), SOFTWARE_TOKEN_MFA (RFC 6238), SMS_MFA and
 * NEW_PASSWORD_REQUIRED (spec §9.2, §9.4). SECRET_HASH is checked in every answer for clients with a
 * secret, hashed with the challenge's USERNAME (spec §9.3).
 */
final class ChallengeResponder {

  /** Cognito's default password policy asks for at least 8 characters. */
  private static final int MIN_PASSWORD_LENGTH = 8;

  private final IdpContext context;
  private final CognitoSrpServer srpServer;
  private final LoginSteps steps;

  ChallengeResponder(IdpContext context, CognitoSrpServer srpServer, LoginSteps steps) {
    this.context = context;
    this.srpServer = srpServer;
    this.steps = steps;
  }

  Map<String, Object> handle(CognitoPool pool, AppClient client, Map<String, Object> request) {
    String name = Params.required(request, "ChallengeName");
    Map<String, String> answers = Params.stringMap(request, "ChallengeResponses");
    Object session = request.get("Session");
    String sessionId = session instanceof String s ? s : null;
    return switch (name) {
      case "PASSWORD_VERIFIER" -> passwordVerifier(pool, client, answers);
      case "SOFTWARE_TOKEN_MFA", "SMS_MFA" -> mfa(pool, client, name, sessionId, answers);
      case "NEW_PASSWORD_REQUIRED" -> newPassword(pool, client, sessionId, answers);
      default -> throw CognitoError.invalidParameter("The local Cognito does not emulate challenge " + name);
    };
  }

  private Map<String, Object> passwordVerifier(CognitoPool pool, AppClient client, Map<String, String> answers) {
    String secretBlock = Params.required(answers, "PASSWORD_CLAIM_SECRET_BLOCK");
    Instant now = context.clock().instant();
    Sessions.Session session = pool.sessions().open(secretBlock, client.clientId(), "PASSWORD_VERIFIER", now);
    UserAccount user = answeringUser(pool, client, session, answers);
    pool.sessions().close(secretBlock);
    String timestamp = Params.required(answers, "TIMESTAMP");
    checkTimestamp(timestamp, now);
    Sessions.Challenge.PasswordVerifier pending = (Sessions.Challenge.PasswordVerifier) session.challenge();
    ClaimVerdict verdict = srpServer.verify(pending.credential(), pending.ephemeral(), new ClaimToVerify(
        pending.srpA(), secretBlock, timestamp, Params.required(answers, "PASSWORD_CLAIM_SIGNATURE")));
    if (verdict instanceof ClaimVerdict.Rejected rejected) {
      context.event(rejected.reason());
      throw CognitoError.incorrectPassword();
    }
    return steps.afterPassword(pool, client, user, now);
  }

  private Map<String, Object> mfa(CognitoPool pool, AppClient client, String name, String sessionId,
      Map<String, String> answers) {
    Instant now = context.clock().instant();
    Sessions.Session session = pool.sessions().open(sessionId, client.clientId(), name, now);
    UserAccount user = answeringUser(pool, client, session, answers);
    String code = Params.required(answers, name + "_CODE");
    boolean matches = switch (session.challenge()) {
      case Sessions.Challenge.SmsMfa sms -> MessageDigest.isEqual(
          sms.code().getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
      default -> Totp.cognito().verify(user.fixture().totpSecret(), code, now);
    };
    if (!matches) {
      // The session stays open: Cognito lets the user type the code again.
      context.event(name + " of '" + user.username() + "' refused: wrong code");
      throw new CognitoError("CodeMismatchException", "Invalid code received for user");
    }
    if (session.challenge() instanceof Sessions.Challenge.SoftwareTokenMfa && !user.useTotpCode(code, now)) {
      // Wording emulated: no stored source quotes Cognito's answer to a reused TOTP code.
      throw new CognitoError("ExpiredCodeException", "Your software token has already been used once.");
    }
    pool.sessions().close(sessionId);
    return steps.tokens(pool, client, user, session.authTime());
  }

  private Map<String, Object> newPassword(CognitoPool pool, AppClient client, String sessionId,
      Map<String, String> answers) {
    Instant now = context.clock().instant();
    Sessions.Session session = pool.sessions().open(sessionId, client.clientId(), "NEW_PASSWORD_REQUIRED", now);
    UserAccount user = answeringUser(pool, client, session, answers);
    String newPassword = Params.required(answers, "NEW_PASSWORD");
    if (newPassword.length() < MIN_PASSWORD_LENGTH) {
      throw new CognitoError("InvalidPasswordException", "Password does not conform to policy: Password not long enough");
    }
    user.changePassword(newPassword, srpServer);
    pool.sessions().close(sessionId);
    context.event("User '" + user.username() + "' set a new password (NEW_PASSWORD_REQUIRED)");
    return steps.mfaOrTokens(pool, client, user, session.authTime());
  }

  /** The USERNAME answer must name the session's user; SECRET_HASH is hashed with it (spec §9.3). */
  private static UserAccount answeringUser(CognitoPool pool, AppClient client, Sessions.Session session,
      Map<String, String> answers) {
    String username = Params.required(answers, "USERNAME");
    if (!username.equals(session.username())) {
      throw CognitoError.invalidSession();
    }
    Params.checkSecretHash(client, answers.get("SECRET_HASH"), username);
    return pool.user(username);
  }

  /**
   * TIMESTAMP must be in Cognito's format (spec §9.4) and close to the server's time: it is what
   * makes a captured signature useless later.
   */
  private static void checkTimestamp(String timestamp, Instant now) {
    Instant signedAt;
    try {
      signedAt = CognitoTimestamp.parse(timestamp);
    } catch (IllegalArgumentException e) {
      throw CognitoError.invalidParameter("TIMESTAMP format is invalid: " + e.getMessage());
    }
    Duration skew = Duration.between(signedAt, now).abs();
    if (skew.compareTo(InitiateAuth.PASSWORD_VERIFIER_WINDOW) > 0) {
      throw CognitoError.notAuthorized("TIMESTAMP " + timestamp + " is too far from the server time");
    }
  }
}
