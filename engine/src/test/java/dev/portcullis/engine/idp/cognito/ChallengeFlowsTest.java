package dev.portcullis.engine.idp.cognito;

import static dev.portcullis.engine.idp.DemoEmulator.MOBILE_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.idp.DemoEmulator;
import dev.portcullis.engine.idp.LocalIdentityProviders;
import dev.portcullis.engine.idp.TestClock;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Emulator.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/** NEW_PASSWORD_REQUIRED, SMS_MFA, TOTP replay and session expiry through the real SDK (spec §9.2). */
class ChallengeFlowsTest {
  private static final String CAROL_FIRST = "Carol#temporary-1";
  private static final String DAVE_PASSWORD = "Dave#local-2026";

  private final TestClock clock = new TestClock();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private LocalIdentityProviders idp;
  private CognitoIdentityProviderClient cognito;

  @BeforeEach
  void start() throws Exception {
    Emulator emulator = DemoEmulator.withUser(DemoEmulator.withUser(DemoEmulator.load(),
        new User("carol", null, CAROL_FIRST, "carol@example.com", "FORCE_CHANGE_PASSWORD", List.of(), null, null)),
        new User("dave", null, DAVE_PASSWORD, null, null, List.of(), null, Map.of("phone_number", "+15550001234")));
    idp = LocalIdentityProviders.builder(emulator, clock, new Random(37)).port(0).log(log::add).start();
    cognito = CognitoIdentityProviderClient.builder().endpointOverride(idp.baseUrl()).region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(UrlConnectionHttpClient.create()).build();
  }

  @AfterEach
  void stop() {
    cognito.close();
    idp.close();
  }

  @Test
  void forcedPasswordChangeThenTheNewPasswordWorks() {
    InitiateAuthResponse challenge = login("carol", CAROL_FIRST);
    assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);

    RespondToAuthChallengeResponse answer = respond(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.session(),
        Map.of("USERNAME", "carol", "NEW_PASSWORD", "Carol#chosen-2026"));

    assertThat(answer.authenticationResult().accessToken()).isNotBlank();
    assertThat(login("carol", "Carol#chosen-2026").authenticationResult()).isNotNull();
    assertThatThrownBy(() -> login("carol", CAROL_FIRST)).isInstanceOf(NotAuthorizedException.class);
  }

  @Test
  void tooShortNewPasswordIsRefused() {
    InitiateAuthResponse challenge = login("carol", CAROL_FIRST);

    assertThatThrownBy(() -> respond(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.session(),
        Map.of("USERNAME", "carol", "NEW_PASSWORD", "short")))
        .isInstanceOf(InvalidPasswordException.class);
  }

  @Test
  void smsMfaCodeIsShownInTheLogAndAccepted() {
    InitiateAuthResponse challenge = login("dave", DAVE_PASSWORD);
    assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.SMS_MFA);
    assertThat(challenge.challengeParameters()).containsEntry("CODE_DELIVERY_DESTINATION", "+*******1234");
    String code = smsCodeFromLog();

    assertThatThrownBy(() -> respond(ChallengeNameType.SMS_MFA, challenge.session(),
        Map.of("USERNAME", "dave", "SMS_MFA_CODE", code.equals("000000") ? "000001" : "000000")))
        .isInstanceOf(CodeMismatchException.class);
    RespondToAuthChallengeResponse answer = respond(ChallengeNameType.SMS_MFA, challenge.session(),
        Map.of("USERNAME", "dave", "SMS_MFA_CODE", code));

    assertThat(answer.authenticationResult().idToken()).isNotBlank();
  }

  @Test
  void mfaSessionExpiresAfterThreeMinutes() {
    InitiateAuthResponse challenge = login("dave", DAVE_PASSWORD);
    String code = smsCodeFromLog();
    clock.advance(Duration.ofMinutes(3).plusSeconds(1));

    assertThatThrownBy(() -> respond(ChallengeNameType.SMS_MFA, challenge.session(),
        Map.of("USERNAME", "dave", "SMS_MFA_CODE", code)))
        .isInstanceOfSatisfying(NotAuthorizedException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("session is expired"));
  }

  @Test
  void aTotpCodeIsAcceptedOnlyOnce() {
    String code = dev.portcullis.engine.identity.cognito.Totp.cognito().code("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", clock.instant());
    InitiateAuthResponse first = login("bob", DemoEmulator.BOB_PASSWORD);
    respond(ChallengeNameType.SOFTWARE_TOKEN_MFA, first.session(), Map.of("USERNAME", "bob", "SOFTWARE_TOKEN_MFA_CODE", code));

    InitiateAuthResponse second = login("bob", DemoEmulator.BOB_PASSWORD);

    assertThatThrownBy(() -> respond(ChallengeNameType.SOFTWARE_TOKEN_MFA, second.session(),
        Map.of("USERNAME", "bob", "SOFTWARE_TOKEN_MFA_CODE", code)))
        .isInstanceOf(ExpiredCodeException.class);
  }

  @Test
  void logLinesNeverCarryPasswordsOrWholeTokens() {
    InitiateAuthResponse challenge = login("carol", CAROL_FIRST);
    String access = respond(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.session(),
        Map.of("USERNAME", "carol", "NEW_PASSWORD", "Carol#chosen-2026")).authenticationResult().accessToken();

    assertThat(log).isNotEmpty().noneMatch(line -> line.contains(CAROL_FIRST) || line.contains("Carol#chosen-2026")
        || line.contains(access.substring(0, 13)));
  }

  private String smsCodeFromLog() {
    Pattern sms = Pattern.compile("SMS_MFA code for user 'dave' .*: (\\d{6})");
    return log.stream().map(sms::matcher).filter(Matcher::find).map(m -> m.group(1)).reduce((a, b) -> b).orElseThrow();
  }

  private InitiateAuthResponse login(String user, String password) {
    return cognito.initiateAuth(b -> b.clientId(MOBILE_CLIENT).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
        .authParameters(Map.of("USERNAME", user, "PASSWORD", password)));
  }

  private RespondToAuthChallengeResponse respond(ChallengeNameType name, String session, Map<String, String> answers) {
    return cognito.respondToAuthChallenge(b -> b.clientId(MOBILE_CLIENT).challengeName(name).session(session)
        .challengeResponses(answers));
  }
}
