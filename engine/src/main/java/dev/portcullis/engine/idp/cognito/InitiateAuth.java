package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.idp.http.IdpContext;
import dev.portcullis.engine.model.Emulator.AppClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * InitiateAuth with USER_PASSWORD_AUTH, USER_SRP_AUTH and REFRESH_TOKEN_AUTH (spec §9.2, §9.4, §9.5).
 *
 * <p>USER_SRP_AUTH answers PASSWORD_VERIFIER without a {@code Session}: Cognito clients such as
 * pycognito never send one for that challenge, so the pending login is kept under its SECRET_BLOCK,
 * which every client echoes as PASSWORD_CLAIM_SECRET_BLOCK.
 */
final class InitiateAuth {

  /**
   * Cognito wants the PASSWORD_VERIFIER answer "within a few seconds" (spec §9.2) without saying how
   * many; 30 seconds is generous for a person stepping through a debugger and still short.
   */
  static final Duration PASSWORD_VERIFIER_WINDOW = Duration.ofSeconds(30);

  private final IdpContext context;
  private final CognitoSrpServer srpServer;
  private final LoginSteps steps;

  InitiateAuth(IdpContext context, CognitoSrpServer srpServer, LoginSteps steps) {
    this.context = context;
    this.srpServer = srpServer;
    this.steps = steps;
  }

  Map<String, Object> handle(CognitoPool pool, AppClient client, Map<String, Object> request) {
    String flow = Params.required(request, "AuthFlow");
    Map<String, String> parameters = Params.stringMap(request, "AuthParameters");
    return switch (flow) {
      case "USER_PASSWORD_AUTH" -> password(pool, allow(client, flow), parameters);
      case "USER_SRP_AUTH" -> srp(pool, allow(client, flow), parameters);
      case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> refresh(pool, allow(client, "REFRESH_TOKEN_AUTH"), parameters);
      default -> throw CognitoError.invalidParameter("Initiate Auth method not supported.");
    };
  }

  private Map<String, Object> password(CognitoPool pool, AppClient client, Map<String, String> parameters) {
    String username = Params.required(parameters, "USERNAME");
    Params.checkSecretHash(client, parameters.get("SECRET_HASH"), username);
    UserAccount user = pool.user(username);
    if (!user.passwordMatches(parameters.get("PASSWORD"))) {
      context.event("Cognito login of '" + username + "' refused: wrong password");
      throw CognitoError.incorrectPassword();
    }
    return steps.afterPassword(pool, client, user, context.clock().instant());
  }

  private Map<String, Object> srp(CognitoPool pool, AppClient client, Map<String, String> parameters) {
    String username = Params.required(parameters, "USERNAME");
    String srpA = Params.required(parameters, "SRP_A");
    Params.checkSecretHash(client, parameters.get("SECRET_HASH"), username);
    UserAccount user = pool.user(username);
    SrpCredential credential = user.srp();
    ServerEphemeral ephemeral = srpServer.challenge(credential);
    byte[] block = new byte[64];
    context.random().nextBytes(block);
    String secretBlock = Base64.getEncoder().encodeToString(block);
    Instant now = context.clock().instant();
    pool.sessions().put(secretBlock, new Sessions.Session(user.username(), client.clientId(),
        new Sessions.Challenge.PasswordVerifier(ephemeral, credential, srpA), now, now.plus(PASSWORD_VERIFIER_WINDOW)));
    Map<String, Object> challenge = new HashMap<>();
    challenge.put("SALT", credential.salt());
    challenge.put("SRP_B", ephemeral.srpBHex());
    challenge.put("SECRET_BLOCK", secretBlock);
    challenge.put("USER_ID_FOR_SRP", user.username());
    challenge.put("USERNAME", user.username());
    return Map.of("ChallengeName", "PASSWORD_VERIFIER", "ChallengeParameters", challenge);
  }

  private Map<String, Object> refresh(CognitoPool pool, AppClient client, Map<String, String> parameters) {
    String token = Params.required(parameters, "REFRESH_TOKEN");
    RefreshTokens.Grant grant = pool.refreshTokens().redeem(token, client.clientId(), context.clock().instant());
    UserAccount user = pool.user(grant.username());
    Params.checkSecretHash(client, parameters.get("SECRET_HASH"), user.username(), user.sub());
    CognitoTokens.Issued issued = CognitoTokens.issue(pool, client, user, grant.authTime(), grant.originJti(), context);
    context.event("Cognito refresh for '" + user.username() + "' via client " + client.clientId());
    return LoginSteps.result(issued, null);
  }

  /**
   * The app client must allow the flow (spec §9.2). Fixtures may name flows with or without
   * Cognito's {@code ALLOW_} prefix.
   */
  private static AppClient allow(AppClient client, String flow) {
    if (!client.authFlows().contains(flow) && !client.authFlows().contains("ALLOW_" + flow)) {
      throw CognitoError.invalidParameter(flow + " flow not enabled for this client");
    }
    return client;
  }
}
