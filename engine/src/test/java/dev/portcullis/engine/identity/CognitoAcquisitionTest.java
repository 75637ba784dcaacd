package dev.portcullis.engine.identity;

import dev.portcullis.engine.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.engine.idp.LocalIdentityProviders;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.send.HttpExchanger;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.store.Variables;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's Cognito and bank callers get their credentials from the local identity providers (spec §9). */
class CognitoAcquisitionTest {
  private static Workspace demo;
  private static LocalIdentityProviders idps;

  @BeforeAll
  static void start() throws Exception {
    demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    idps = LocalIdentityProviders.builder(demo.emulator(), Clock.systemUTC(), new Random(7)).port(0).start();
  }

  @AfterAll
  static void stop() {
    idps.close();
  }

  private CredentialAcquirer acquirer() {
    SecretResolver secrets = SecretResolver.create(demo.emulator(), (w, l) -> Optional.empty());
    return CredentialAcquirer.create(secrets, Variables.of(demo, null, null, Map.of("idpBaseUrl", idps.baseUrl().toString())),
        HttpExchanger.create(Duration.ofSeconds(5)), Clock.systemUTC(), name -> Optional.of(idps.mintRecipe(name)));
  }

  private static Caller caller(String name) {
    return demo.caller(name).orElseThrow();
  }

  @Test
  void aliceLogsInWithSrpAndSendsHerAccessToken() throws Exception {
    Acquisition a = acquirer().acquire(caller("alice"), ChallengeHandler.none(), e -> { });

    assertThat(a).isInstanceOfSatisfying(Acquisition.Acquired.class, ok -> {
      assertThat(ok.flow()).isEqualTo("USER_SRP_AUTH");
      Credential.Bearer b = (Credential.Bearer) ok.credential();
      assertThat(b.kind()).isEqualTo("Cognito access token");
      assertThat(b.refreshToken()).isNotBlank();
      assertThat(claims(b.token())).containsEntry("token_use", "access").containsEntry("username", "alice")
          .containsEntry("scope", "aws.cognito.signin.user.admin");
    });
  }

  @Test
  void bobPassesTotpMfaFromHisMfaSecretReference() throws Exception {
    Acquisition a = acquirer().acquire(caller("bob"), ChallengeHandler.none(), e -> { });

    assertThat(a).isInstanceOfSatisfying(Acquisition.Acquired.class, ok ->
        assertThat(claims(((Credential.Bearer) ok.credential()).token()).get("scope").toString()).contains("profile.read"));
  }

  @Test
  void mfaWithoutASecretAsksTheHandlerAndACancelIsAFailedStep() {
    Caller.CognitoUser bob = (Caller.CognitoUser) caller("bob");
    Caller.CognitoUser noSecret = new Caller.CognitoUser("bob-manual", null, bob.userPoolId(), bob.clientId(), null, bob.username(),
        bob.password(), bob.flow(), bob.token(), bob.endpoint(), null);
    List<ChallengeHandler.Challenge> asked = new java.util.ArrayList<>();

    Acquisition a = acquirer().acquire(noSecret, c -> {
      asked.add(c);
      return Optional.empty();
    }, e -> { });

    assertThat(asked).extracting(ChallengeHandler.Challenge::type).containsExactly("SOFTWARE_TOKEN_MFA");
    assertThat(a).isInstanceOfSatisfying(Acquisition.Failed.class, f ->
        assertThat(f.message()).isEqualTo("The SOFTWARE_TOKEN_MFA challenge was not answered (cancelled)."));
  }

  @Test
  void wrongPasswordIsCognitosOwnWords() {
    Caller.CognitoUser alice = (Caller.CognitoUser) caller("alice");
    Caller.CognitoUser wrong = new Caller.CognitoUser("alice-typo", null, alice.userPoolId(), alice.clientId(), null, alice.username(),
        dev.portcullis.engine.model.SecretRef.parse("not-her-password"), Caller.CognitoFlow.USER_PASSWORD_AUTH, alice.token(),
        alice.endpoint(), null);

    Acquisition a = acquirer().acquire(wrong, ChallengeHandler.none(), e -> { });

    assertThat(a).isInstanceOfSatisfying(Acquisition.Failed.class, f -> {
      assertThat(f.message()).isEqualTo("Cognito refused: NotAuthorizedException: Incorrect username or password.");
      assertThat(f.fix()).contains("password reference");
    });
  }

  @Test
  void bankBackOfficeGetsATokenForPaymentsWithItsActor() throws Exception {
    Acquisition a = acquirer().acquire(caller("bank-backoffice"), ChallengeHandler.none(), e -> { });

    assertThat(a).isInstanceOfSatisfying(Acquisition.Acquired.class, ok -> {
      Map<String, Object> claims = claims(((Credential.Bearer) ok.credential()).token());
      assertThat(claims.get("aud").toString()).contains("payments.example.com");
      assertThat(claims).containsEntry("actor", "bank-ops-emea");
    });
  }

  @Test
  void theExpiredRecipeIsMintedAlreadyExpired() throws Exception {
    Acquisition a = acquirer().acquire(caller("bank-expired"), ChallengeHandler.none(), e -> { });

    assertThat(a).isInstanceOfSatisfying(Acquisition.Acquired.class, ok -> {
      Object exp = claims(((Credential.Bearer) ok.credential()).token()).get("exp");
      assertThat((java.util.Date) exp).isBefore(new java.util.Date());
    });
  }

  private static Map<String, Object> claims(String jwt) {
    try {
      return SignedJWT.parse(jwt).getJWTClaimsSet().getClaims();
    } catch (java.text.ParseException e) {
      throw new AssertionError("not a JWT: " + e.getMessage(), e);
    }
  }

  @Test
  void aTokenNearExpiryIsRefreshedAndAnExpiredRefreshTokenMeansLoggingInAgain() throws Exception {
    MutableClock clock = new MutableClock(java.time.Instant.now());
    try (LocalIdentityProviders local = LocalIdentityProviders.builder(demo.emulator(), clock, new Random(3)).port(0).start()) {
      CredentialAcquirer acquirer = CredentialAcquirer.create(SecretResolver.create(demo.emulator(), (w, l) -> Optional.empty()),
          Variables.of(demo, null, null, Map.of("idpBaseUrl", local.baseUrl().toString())), HttpExchanger.create(Duration.ofSeconds(5)),
          clock, LocalTokens.none());

      Acquisition first = acquirer.acquire(caller("alice"), ChallengeHandler.none(), e -> { });
      clock.advance(Duration.ofMinutes(59));
      Acquisition refreshed = acquirer.acquire(caller("alice"), ChallengeHandler.none(), e -> { });
      clock.advance(Duration.ofDays(31));
      Acquisition again = acquirer.acquire(caller("alice"), ChallengeHandler.none(), e -> { });

      assertThat(((Acquisition.Acquired) first).freshness()).isEqualTo(Acquisition.Freshness.FRESH);
      assertThat(((Acquisition.Acquired) refreshed).freshness()).isEqualTo(Acquisition.Freshness.REFRESHED);
      assertThat(((Acquisition.Acquired) refreshed).flow()).isEqualTo("REFRESH_TOKEN_AUTH");
      assertThat(((Acquisition.Acquired) again).freshness()).isEqualTo(Acquisition.Freshness.REACQUIRED);
      assertThat(((Acquisition.Acquired) again).flow()).isEqualTo("USER_SRP_AUTH");
    }
  }
}
