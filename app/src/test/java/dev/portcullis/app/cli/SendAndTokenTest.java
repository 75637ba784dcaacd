package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.Acquisition;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.identity.Credential;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.store.DemoWorkspace;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code send} and {@code token} against the local gateway and identity providers the CLI starts. */
class SendAndTokenTest {
  @Test
  void aSavedRequestThatMeetsItsExpectationExitsZeroAndPrintsItsTrace() {
    Cli run = Cli.run("send", "--request", "refresh as refresh-job");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("POST http://127.0.0.1:").contains("as refresh-job").contains("ok   acquire")
        .contains("as expected, allowed by integration").doesNotContain("localonly/refreshjob");
  }

  @Test
  void anExpectedDenialIsASuccessButTheSameRequestAsAnotherCallerIsNot() {
    assertThat(Cli.run("send", "--request", "refresh as reporting: resource policy deny").exit()).isZero();
    Cli asAnonymous = Cli.run("send", "--request", "refresh as refresh-job", "--caller", "anonymous");
    assertThat(asAnonymous.exit()).isEqualTo(1);
    assertThat(asAnonymous.out()).contains("an unexpected deny");
  }

  @Test
  void adHocRequestsExitZeroWhenAllowedAndOneWhenDenied() {
    Cli health = Cli.run("send", "--method", "GET", "--url", "/health", "--caller", "anonymous", "--format", "json");
    assertThat(health.exit()).as(health.err()).isZero();
    assertThat(health.out()).contains("\"schemaVersion\"").contains("\"status\": 200");
    Cli sync = Cli.run("send", "--method", "POST", "--url", "mobile:/v2/internal/sync", "--data", "{}", "--caller", "acme", "--format", "md");
    assertThat(sync.exit()).isEqualTo(1);
    assertThat(sync.out()).contains("403").doesNotContain("local-acme-3f9a1b7c5d2e4f60a1b2c3d4");
  }

  @Test
  void unknownRequestsAndCallersAreUsageErrors() {
    Cli noSuchRequest = Cli.run("send", "--request", "nope");
    assertThat(noSuchRequest.exit()).isEqualTo(2);
    assertThat(noSuchRequest.err()).contains("request 'nope' is not in workspace payments-demo");
    assertThat(Cli.run("send", "--request", "health (no auth)", "--caller", "mallory").exit()).isEqualTo(2);
  }

  @Test
  void tokenGetPrintsTheApiKeyTheAwsExportsAndDecodesACognitoToken() {
    assertThat(Cli.run("token", "get", "--caller", "acme").out().strip()).isEqualTo("local-acme-3f9a1b7c5d2e4f60a1b2c3d4");
    assertThat(Cli.run("token", "get", "--caller", "refresh-job").out())
        .contains("export AWS_ACCESS_KEY_ID='ASIALOCALREFRESHJOB1'").contains("export AWS_SECRET_ACCESS_KEY='localonly/refreshjob/")
        .contains("export AWS_SESSION_TOKEN='localonly-session/refresh-job/");
    Cli bob = Cli.run("token", "get", "--caller", "bob", "--decode");
    assertThat(bob.exit()).as(bob.err()).isZero();
    assertThat(bob.out()).contains("Cognito access token").contains("cognito:groups").contains("profile.read");
    assertThat(Cli.run("token", "get", "--caller", "anonymous").exit()).isEqualTo(2);
  }

  @Test
  void tokenDecodeExplainsAJwtAndRefusesGarbage() throws Exception {
    String token = bankToken().token;
    Cli decoded = Cli.run("token", "decode", token);
    assertThat(decoded.exit()).isZero();
    assertThat(decoded.out()).contains("header:").contains("\"alg\"").contains("actor").contains("payments.example.com");
    assertThat(Cli.run("token", "decode", "not-a-jwt").exit()).isEqualTo(1);
  }

  @Test
  void tokenVerifyChecksSignatureIssuerAndAudienceAgainstTheLiveIssuer() throws Exception {
    try (Session session = Session.local(DemoWorkspace.load(), Clock.systemUTC(), true, (w, l) -> Optional.empty(), l -> { })) {
      Acquisition a = session.credential("bank-backoffice", ChallengeHandler.none());
      String token = ((Credential.Bearer) ((Acquisition.Acquired) a).credential()).token();
      String issuer = session.world().orElseThrow().issuerUrls().get("oidc bank").toString();
      Cli valid = Cli.run("token", "verify", token, "--issuer", issuer, "--audience", "payments.example.com");
      assertThat(valid.exit()).as(valid.out() + valid.err()).isZero();
      assertThat(valid.out()).contains("VERIFIED").contains("valid (keys from");
      Cli wrongAudience = Cli.run("token", "verify", token, "--issuer", issuer, "--audience", "legacy.example.com");
      assertThat(wrongAudience.exit()).isEqualTo(1);
      assertThat(wrongAudience.out()).contains("NOT valid").contains("the audience is payments.example.com, not legacy.example.com");
    }
  }

  private record Token(String token) {}

  private static Token bankToken() throws Exception {
    try (Session session = Session.local(DemoWorkspace.load(), Clock.systemUTC(), true, (w, l) -> Optional.empty(), l -> { })) {
      Acquisition a = session.credential("bank-backoffice", ChallengeHandler.none());
      return new Token(((Credential.Bearer) ((Acquisition.Acquired) a).credential()).token());
    }
  }
}
