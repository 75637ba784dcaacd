package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.matrix.CellResult;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixRunner;
import dev.portcullis.engine.matrix.MatrixSpec;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.Variables;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's {@code aws-dev} environment is a complete example that stops only where the user's AWS
 * account is needed, before anything goes on the network, with one sentence on what to fill in; each
 * of its callers points at a real identity provider of that account, not at the local world.
 */
class DemoAwsDevTest {
  /** What the user of aws-dev must set, as the sentence names them. */
  private static final List<String> TO_FILL = List.of("b2bApiId", "bankBackofficeClientId", "bankIssuer", "bankLegacyClientId",
      "expiredRefreshJobProfile", "mobileApiId", "mobileClientId", "mobilePoolId", "paymentsApiId", "refreshJobProfile", "reportingProfile");
  private static Workspace demo;

  @BeforeAll
  static void load() throws Exception {
    demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
  }

  private static void assertOneSentence(String sentence) {
    assertThat(sentence).contains("Environment 'aws-dev' is an example still to be completed for your AWS account: ")
        .doesNotContain("fill in:").doesNotContain("has no baseUrl").doesNotContain("is not defined");
  }

  /** The variables a sentence tells the user to set. */
  private static List<String> named(String sentence) {
    return TO_FILL.stream().filter(n -> sentence.contains("set " + n + " to ")).toList();
  }

  @Test
  void everySavedRequestStopsOnOneSentenceNamingThePlaceholdersItMeetsAndSendsNothing() {
    try (Session session = Session.remote(demo, "aws-dev").build()) {
      for (SavedRequest r : demo.requests()) {
        Trace trace = session.run(r, null, ChallengeHandler.none());
        assertThat(trace.verdict().result()).as(r.name()).isEqualTo(Verdict.Result.INCOMPLETE);
        assertOneSentence(trace.verdict().sentence());
        assertThat(named(trace.verdict().sentence())).as(r.name()).contains(r.gateway() + "ApiId");
        assertThat(trace.step(Step.Kind.ACQUIRE)).as("nothing is sent, not even a login").isEmpty();
        assertThat(trace.step(Step.Kind.SEND)).isEmpty();
      }
      String health = session.run(demo.request("health (no auth)").orElseThrow(), null, ChallengeHandler.none()).verdict().sentence();
      assertThat(health).contains("set paymentsApiId to the id of your payments REST API in us-east-1 (aws apigateway get-rest-apis"
          + " --region us-east-1 lists it");
      assertThat(named(health)).as("an anonymous call to an open route needs the API id alone").containsExactly("paymentsApiId");
      String bob = session.run(demo.request("me as bob").orElseThrow(), null, ChallengeHandler.none()).verdict().sentence();
      assertThat(named(bob)).containsExactlyInAnyOrder("mobileClientId", "mobilePoolId", "paymentsApiId");
      assertThat(bob).contains("set mobilePoolId to the id of your mobile users' Cognito user pool in us-east-1");
      String bank = session.run(demo.request("settlements as the bank").orElseThrow(), null, ChallengeHandler.none()).verdict().sentence();
      assertThat(named(bank)).containsExactlyInAnyOrder("b2bApiId", "bankIssuer", "bankBackofficeClientId");
      String refresh = session.run(demo.request("refresh as refresh-job").orElseThrow(), null, ChallengeHandler.none()).verdict().sentence();
      assertThat(named(refresh)).containsExactlyInAnyOrder("paymentsApiId", "refreshJobProfile");
    }
  }

  @Test
  void theMatrixOnAwsDevIsAllErrorsEachWithOneSentenceAndTogetherTheyNameEveryPlaceholder() {
    try (Session session = Session.remote(demo, "aws-dev").build()) {
      Matrix matrix = MatrixRunner.create(session).run(MatrixSpec.all(), (d, t, c) -> { }, () -> false);

      assertThat(matrix.cells()).isNotEmpty().allSatisfy(c -> {
        assertThat(c.result()).isEqualTo(CellResult.ERROR);
        assertOneSentence(c.trace().verdict().sentence());
      });
      assertThat(matrix.cells().stream().flatMap(c -> named(c.trace().verdict().sentence()).stream()).distinct())
          .containsExactlyInAnyOrderElementsOf(TO_FILL);
    }
  }

  @Test
  void aPlaceholderSetAtRunTimeIsNoLongerNamed() {
    Variables filled = Variables.of(demo, "aws-dev", null, Map.of("paymentsApiId", "a1b2c3d4e5"));

    assertThat(filled.stillToFill("aws-dev", List.of("paymentsApiId", "b2bApiId")).orElseThrow())
        .doesNotContain("paymentsApiId").contains("set b2bApiId to ");
  }

  @Test
  void onceFilledInTheBaseUrlsAreExecuteApiUrlsOfEachApisRegionAndStage() {
    Variables filled = Variables.of(demo, "aws-dev", null, Map.of("paymentsApiId", "a1b2c3d4e5", "b2bApiId", "b2b0000001",
        "mobileApiId", "mob0000001"));
    Target.Remote aws = new Target.Remote();

    assertThat(aws.baseUrl(demo.gateway("payments").orElseThrow(), filled))
        .hasToString("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod");
    assertThat(aws.baseUrl(demo.gateway("b2b").orElseThrow(), filled)).hasToString("https://b2b0000001.execute-api.eu-west-1.amazonaws.com");
    assertThat(aws.baseUrl(demo.gateway("mobile").orElseThrow(), filled)).hasToString("https://mob0000001.execute-api.us-east-1.amazonaws.com");
  }

  @Test
  void inAwsDevEachCallerPointsAtTheAccountsOwnIdentityProviderNotTheLocalWorld() {
    Workspace aws = demo.inEnvironment("aws-dev");
    Variables filled = Variables.of(demo, "aws-dev", null, Map.of("mobilePoolId", "us-east-1_AbCdEf123", "mobileClientId", "1h2j3k4l5m",
        "bankIssuer", "https://login.bank.example/oauth2"));

    for (String name : List.of("alice", "alice-id", "bob")) {
      Caller.CognitoUser u = (Caller.CognitoUser) aws.caller(name).orElseThrow();
      assertThat(filled.apply(u.userPoolId(), name)).isEqualTo("us-east-1_AbCdEf123");
      assertThat(filled.apply(u.endpoint(), name)).isEqualTo("https://cognito-idp.us-east-1.amazonaws.com");
      assertThat(u.password()).isInstanceOf(SecretRef.Env.class);
    }
    for (String name : List.of("bank-backoffice", "bank-legacy")) {
      Caller.OidcClient o = (Caller.OidcClient) aws.caller(name).orElseThrow();
      assertThat(filled.apply(o.issuer(), name)).isEqualTo("https://login.bank.example/oauth2");
      assertThat(o.clientSecret()).isInstanceOf(SecretRef.Env.class);
    }
    for (String name : List.of("refresh-job", "refresh-job-expired", "reporting")) {
      assertThat(((Caller.Iam) aws.caller(name).orElseThrow()).credentials()).as(name).isInstanceOf(CredentialSource.Profile.class);
    }
    for (String name : List.of("acme", "globex", "initech", "hooli")) {
      assertThat(((Caller.ApiKey) aws.caller(name).orElseThrow()).apiKey()).as(name).isInstanceOf(SecretRef.Env.class);
    }
    // the authorisers the prediction uses read the same variables, so they check the account's pool and issuer too
    assertThat(filled.apply(((dev.portcullis.engine.model.Authorizer.Jwt) demo.gateway("b2b").orElseThrow().authorizers().getFirst()).issuer(),
        "bank")).isEqualTo("https://login.bank.example/oauth2");
    // on the local gateway (no environment) every caller is the local world's, unchanged
    assertThat(demo.inEnvironment(null)).isSameAs(demo);
    assertThat(((Caller.CognitoUser) demo.caller("alice").orElseThrow()).password()).isInstanceOf(SecretRef.Local.class);
  }
}
