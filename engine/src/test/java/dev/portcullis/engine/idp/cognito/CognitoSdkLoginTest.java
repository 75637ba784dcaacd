package dev.portcullis.engine.idp.cognito;

import static dev.portcullis.engine.idp.DemoEmulator.ALICE_PASSWORD;
import static dev.portcullis.engine.idp.DemoEmulator.BOB_PASSWORD;
import static dev.portcullis.engine.idp.DemoEmulator.MOBILE_CLIENT;
import static dev.portcullis.engine.idp.DemoEmulator.POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.engine.identity.cognito.CognitoSrpClient;
import dev.portcullis.engine.identity.cognito.PasswordClaim;
import dev.portcullis.engine.identity.cognito.PasswordVerifierChallenge;
import dev.portcullis.engine.identity.cognito.SecretHash;
import dev.portcullis.engine.identity.cognito.SrpLogin;
import dev.portcullis.engine.identity.cognito.Totp;
import dev.portcullis.engine.idp.DemoEmulator;
import dev.portcullis.engine.idp.LocalIdentityProviders;
import dev.portcullis.engine.idp.TestClock;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Emulator.AppClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** The real AWS SDK logs in to the local pool (spec §9.1 wire protocol, §9.2 flows, §9.3–§9.5). */
class CognitoSdkLoginTest {
  static final String WEB_CLIENT = "6webappwithsecretlocal01";
  static final String WEB_SECRET = "local-only-web-secret-0b1e";

  private final TestClock clock = new TestClock();
  private LocalIdentityProviders idp;
  private CognitoIdentityProviderClient cognito;

  @BeforeEach
  void start() throws Exception {
    Emulator emulator = DemoEmulator.withPoolClient(DemoEmulator.load(), new AppClient(WEB_CLIENT, "web-app", WEB_SECRET,
        List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), List.of(), 5, 15, 1));
    idp = LocalIdentityProviders.builder(emulator, clock, new Random(11)).port(0).start();
    cognito = CognitoIdentityProviderClient.builder()
        .endpointOverride(idp.baseUrl())
        .region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @AfterEach
  void stop() {
    cognito.close();
    idp.close();
  }

  @Test
  void userPasswordAuthGivesAliceTokens() throws Exception {
    AuthenticationResultType result = passwordLogin(MOBILE_CLIENT, "alice", ALICE_PASSWORD, null).authenticationResult();

    assertThat(result.tokenType()).isEqualTo("Bearer");
    assertThat(result.expiresIn()).isEqualTo(3600);
    assertThat(result.refreshToken()).isNotBlank();
    assertThat(SignedJWT.parse(result.idToken()).getJWTClaimsSet().getStringClaim("cognito:username")).isEqualTo("alice");
  }

  @Test
  void wrongPasswordIsNotAuthorizedWithCognitosMessage() {
    assertThatThrownBy(() -> passwordLogin(MOBILE_CLIENT, "alice", "Alice#wrong", null))
        .isInstanceOfSatisfying(NotAuthorizedException.class, e -> {
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Incorrect username or password.");
          assertThat(e.statusCode()).isEqualTo(400);
        });
  }

  @Test
  void unknownUserIsUserNotFound() {
    assertThatThrownBy(() -> passwordLogin(MOBILE_CLIENT, "mallory", "whatever-1", null))
        .isInstanceOf(UserNotFoundException.class);
  }

  @Test
  void flowNotAllowedForTheClientIsInvalidParameter() {
    assertThatThrownBy(() -> passwordLogin(DemoEmulator.M2M_CLIENT, "alice", ALICE_PASSWORD, null))
        .isInstanceOfSatisfying(InvalidParameterException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("USER_PASSWORD_AUTH flow not enabled"));
  }

  @Test
  void userSrpAuthWithOurSrpClientGivesTokens() {
    RespondToAuthChallengeResponse answer = srpLogin(MOBILE_CLIENT, "alice", ALICE_PASSWORD, null);

    assertThat(answer.authenticationResult().accessToken()).isNotBlank();
    assertThat(answer.authenticationResult().refreshToken()).isNotBlank();
  }

  @Test
  void srpWithTheWrongPasswordIsNotAuthorized() {
    assertThatThrownBy(() -> srpLogin(MOBILE_CLIENT, "alice", "Alice#wrong", null))
        .isInstanceOfSatisfying(NotAuthorizedException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Incorrect username or password."));
  }

  @Test
  void srpAnsweredAfterTheWindowIsRefused() {
    SrpLogin login = CognitoSrpClient.create(new Random(3), clock).begin();
    InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(MOBILE_CLIENT)
        .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(Map.of("USERNAME", "alice", "SRP_A", login.srpA())));
    clock.advance(Duration.ofSeconds(31));

    assertThatThrownBy(() -> answerVerifier(MOBILE_CLIENT, login, challenge, ALICE_PASSWORD, null))
        .isInstanceOfSatisfying(NotAuthorizedException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("session is expired"));
  }

  @Test
  void srpTimestampNotInCognitosFormatIsInvalidParameter() {
    SrpLogin login = CognitoSrpClient.create(new Random(3), clock).begin();
    InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(MOBILE_CLIENT)
        .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(Map.of("USERNAME", "alice", "SRP_A", login.srpA())));
    Map<String, String> p = challenge.challengeParameters();
    PasswordClaim claim = login.respond(new PasswordVerifierChallenge(PasswordVerifierChallenge.poolNameOf(POOL),
        p.get("USER_ID_FOR_SRP"), p.get("SRP_B"), p.get("SALT"), p.get("SECRET_BLOCK")), ALICE_PASSWORD);

    assertThatThrownBy(() -> cognito.respondToAuthChallenge(b -> b.clientId(MOBILE_CLIENT)
        .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(Map.of("USERNAME", "alice",
            "PASSWORD_CLAIM_SECRET_BLOCK", p.get("SECRET_BLOCK"), "PASSWORD_CLAIM_SIGNATURE", claim.signature(),
            "TIMESTAMP", "2026-03-02T09:00:00Z"))))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void bobIsAskedForTotpAndGetsTokensWithTheCurrentCode() {
    InitiateAuthResponse challenge = passwordLogin(MOBILE_CLIENT, "bob", BOB_PASSWORD, null);
    assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
    assertThat(challenge.authenticationResult()).isNull();

    RespondToAuthChallengeResponse answer = answerTotp(challenge, totpCode(Duration.ZERO));

    assertThat(answer.authenticationResult().idToken()).isNotBlank();
  }

  @Test
  void srpThenTotpForBob() {
    RespondToAuthChallengeResponse afterSrp = srpLogin(MOBILE_CLIENT, "bob", BOB_PASSWORD, null);
    assertThat(afterSrp.challengeName()).isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);

    RespondToAuthChallengeResponse answer = cognito.respondToAuthChallenge(b -> b.clientId(MOBILE_CLIENT)
        .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(afterSrp.session())
        .challengeResponses(Map.of("USERNAME", "bob", "SOFTWARE_TOKEN_MFA_CODE", totpCode(Duration.ZERO))));

    assertThat(answer.authenticationResult().accessToken()).isNotBlank();
  }

  @Test
  void wrongTotpCodeIsCodeMismatch() {
    InitiateAuthResponse challenge = passwordLogin(MOBILE_CLIENT, "bob", BOB_PASSWORD, null);
    // A code from ten minutes ago is a real code of this secret, just outside the ±1 step window.
    String stale = totpCode(Duration.ofMinutes(-10));

    assertThatThrownBy(() -> answerTotp(challenge, stale)).isInstanceOf(CodeMismatchException.class);
  }

  @Test
  void refreshTokenAuthGivesNewTokensWithoutANewRefreshToken() throws Exception {
    AuthenticationResultType first = passwordLogin(MOBILE_CLIENT, "alice", ALICE_PASSWORD, null).authenticationResult();
    clock.advance(Duration.ofMinutes(50));

    AuthenticationResultType refreshed = refresh(MOBILE_CLIENT, first.refreshToken(), null).authenticationResult();

    assertThat(refreshed.refreshToken()).isNull();
    var before = SignedJWT.parse(first.accessToken()).getJWTClaimsSet();
    var after = SignedJWT.parse(refreshed.accessToken()).getJWTClaimsSet();
    assertThat(after.getIssueTime()).isAfter(before.getIssueTime());
    assertThat(after.getLongClaim("auth_time")).isEqualTo(before.getLongClaim("auth_time"));
  }

  @Test
  void globalSignOutRevokesTheRefreshTokenAndTheAccessToken() {
    AuthenticationResultType tokens = passwordLogin(MOBILE_CLIENT, "alice", ALICE_PASSWORD, null).authenticationResult();

    cognito.globalSignOut(b -> b.accessToken(tokens.accessToken()));

    assertThatThrownBy(() -> refresh(MOBILE_CLIENT, tokens.refreshToken(), null))
        .isInstanceOfSatisfying(NotAuthorizedException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Refresh Token has been revoked"));
    assertThatThrownBy(() -> cognito.getUser(b -> b.accessToken(tokens.accessToken())))
        .isInstanceOf(NotAuthorizedException.class);
  }

  @Test
  void clientWithSecretRequiresSecretHash() {
    assertThatThrownBy(() -> passwordLogin(WEB_CLIENT, "alice", ALICE_PASSWORD, null))
        .isInstanceOfSatisfying(NotAuthorizedException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("configured for secret"));
    assertThatThrownBy(() -> passwordLogin(WEB_CLIENT, "alice", ALICE_PASSWORD, SecretHash.compute("bob", WEB_CLIENT, WEB_SECRET)))
        .isInstanceOfSatisfying(NotAuthorizedException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("Unable to verify secret hash"));

    String hash = SecretHash.compute("alice", WEB_CLIENT, WEB_SECRET);
    AuthenticationResultType tokens = passwordLogin(WEB_CLIENT, "alice", ALICE_PASSWORD, hash).authenticationResult();
    assertThat(tokens.accessToken()).isNotBlank();
    assertThat(refresh(WEB_CLIENT, tokens.refreshToken(), hash).authenticationResult().idToken()).isNotBlank();
  }

  @Test
  void srpWithSecretHashInEveryStep() {
    String hash = SecretHash.compute("alice", WEB_CLIENT, WEB_SECRET);

    assertThat(srpLogin(WEB_CLIENT, "alice", ALICE_PASSWORD, hash).authenticationResult().accessToken()).isNotBlank();
  }

  @Test
  void getUserReturnsTheUserBehindTheAccessToken() {
    AuthenticationResultType tokens = passwordLogin(MOBILE_CLIENT, "alice", ALICE_PASSWORD, null).authenticationResult();

    GetUserResponse user = cognito.getUser(b -> b.accessToken(tokens.accessToken()));

    assertThat(user.username()).isEqualTo("alice");
    assertThat(user.userAttributes()).anySatisfy(a -> {
      assertThat(a.name()).isEqualTo("email");
      assertThat(a.value()).isEqualTo("alice@example.com");
    });
  }

  @Test
  void getUserRefusesAnIdTokenAndAnExpiredAccessToken() {
    AuthenticationResultType tokens = passwordLogin(MOBILE_CLIENT, "alice", ALICE_PASSWORD, null).authenticationResult();

    assertThatThrownBy(() -> cognito.getUser(b -> b.accessToken(tokens.idToken())))
        .isInstanceOf(NotAuthorizedException.class);
    clock.advance(Duration.ofMinutes(61));
    assertThatThrownBy(() -> cognito.getUser(b -> b.accessToken(tokens.accessToken())))
        .isInstanceOfSatisfying(NotAuthorizedException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Access Token has expired"));
  }

  // Helpers: each step exactly as a desktop client sends it.

  private InitiateAuthResponse passwordLogin(String clientId, String user, String password, String secretHash) {
    Map<String, String> parameters = new java.util.HashMap<>(Map.of("USERNAME", user, "PASSWORD", password));
    if (secretHash != null) {
      parameters.put("SECRET_HASH", secretHash);
    }
    return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(parameters));
  }

  private InitiateAuthResponse refresh(String clientId, String refreshToken, String secretHash) {
    Map<String, String> parameters = new java.util.HashMap<>(Map.of("REFRESH_TOKEN", refreshToken));
    if (secretHash != null) {
      parameters.put("SECRET_HASH", secretHash);
    }
    return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(parameters));
  }

  private RespondToAuthChallengeResponse srpLogin(String clientId, String user, String password, String secretHash) {
    SrpLogin login = CognitoSrpClient.create(new Random(5), clock).begin();
    Map<String, String> parameters = new java.util.HashMap<>(Map.of("USERNAME", user, "SRP_A", login.srpA()));
    if (secretHash != null) {
      parameters.put("SECRET_HASH", secretHash);
    }
    InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(clientId)
        .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(parameters));
    assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);
    return answerVerifier(clientId, login, challenge, password, secretHash);
  }

  private RespondToAuthChallengeResponse answerVerifier(String clientId, SrpLogin login, InitiateAuthResponse challenge,
      String password, String secretHash) {
    Map<String, String> p = challenge.challengeParameters();
    PasswordClaim claim = login.respond(new PasswordVerifierChallenge(
        PasswordVerifierChallenge.poolNameOf(POOL), p.get("USER_ID_FOR_SRP"), p.get("SRP_B"), p.get("SALT"),
        p.get("SECRET_BLOCK")), password);
    Map<String, String> answers = new java.util.HashMap<>(Map.of("USERNAME", p.get("USER_ID_FOR_SRP"),
        "PASSWORD_CLAIM_SECRET_BLOCK", p.get("SECRET_BLOCK"), "PASSWORD_CLAIM_SIGNATURE", claim.signature(),
        "TIMESTAMP", claim.timestamp()));
    if (secretHash != null) {
      answers.put("SECRET_HASH", secretHash);
    }
    return cognito.respondToAuthChallenge(b -> b.clientId(clientId).challengeName(ChallengeNameType.PASSWORD_VERIFIER)
        .session(challenge.session()).challengeResponses(answers));
  }

  private RespondToAuthChallengeResponse answerTotp(InitiateAuthResponse challenge, String code) {
    return cognito.respondToAuthChallenge(b -> b.clientId(MOBILE_CLIENT)
        .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(challenge.session())
        .challengeResponses(Map.of("USERNAME", "bob", "SOFTWARE_TOKEN_MFA_CODE", code)));
  }

  /** Bob's code as his authenticator app would show it, from the emulator's secret. */
  private String totpCode(Duration offset) {
    String secret = DemoEmulator.load().userPools().get(0).users().stream()
        .filter(u -> u.username().equals("bob")).findFirst().orElseThrow().totpSecret();
    return Totp.cognito().code(secret, clock.instant().plus(offset));
  }
}
