package dev.portcullis.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Expectation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlineTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

  private static Trace denied(Expectation expect, int status, String check, String evidence) {
    TraceBuilder b = TraceBuilder.start("t1", new RequestSummary("r", "GET", "http://127.0.0.1:9321/prod/me", "alice", "local gateway"), CLOCK);
    b.add(new Step.Ruling(Outcome.WARN, "Denied", List.of(new Detail.Table("checks the local gateway made, in order", List.of(
        new Detail.Row("route", "passed", "GET /prod/me matched GET /me"), new Detail.Row(check, "FAILED", evidence)))), Duration.ZERO, null));
    return b.finish(Verdict.judge(expect, new Verdict.Actual(status, "UnauthorizedException", check, "{}")));
  }

  @Test
  void aDenialWithoutAnExpectationIsTheAnswerWithNoTick() {
    Trace trace = denied(null, 401, "cognito.scopes", "token scopes [aws.cognito.signin.user.admin] contain none of method scopes [profile.read]");

    Headline h = Headline.of(trace);

    assertThat(h.answer()).isEqualTo("Denied 401 by the Cognito authoriser: alice's access token carries scopes "
        + "[aws.cognito.signin.user.admin]; GET /me requires profile.read. Add the scope to the user's access token "
        + "(a pre-token-generation rule or a resource-server scope the app client asks for), or send as a user whose token carries it.");
    assertThat(h.decision()).endsWith("GET /me requires profile.read.");
    assertThat(h.change()).startsWith("Add the scope");
    assertThat(h.expectation()).isEmpty();
    assertThat(h.met()).isFalse();
    assertThat(h.tone()).isEqualTo(Headline.Tone.DENIED);
    assertThat(trace.step(Step.Kind.VERDICT).orElseThrow().outcome()).as("no green tick on a denial").isEqualTo(Outcome.WARN);
  }

  @Test
  void theExpectationIsASecondLineMetOrNot() {
    Expectation e = new Expectation(401, "UnauthorizedException", "cognito.scopes", null, null);
    Headline met = Headline.of(denied(e, 401, "cognito.scopes", "token scopes [] contain none of method scopes [a, b]"));
    Headline unmet = Headline.of(denied(new Expectation(200, null, null, null, null), 401, "cognito.scopes", "x"));

    assertThat(met.expectation()).isEqualTo("Met the expectation (401 UnauthorizedException, decided by cognito.scopes).");
    assertThat(met.met()).isTrue();
    assertThat(met.answer()).contains("alice's access token carries no scopes; GET /me requires a or b.");
    assertThat(unmet.expectation()).isEqualTo("Expectation not met: expected 200; got 401 UnauthorizedException (cognito.scopes): an unexpected deny.");
    assertThat(unmet.met()).isFalse();
  }

  @Test
  void anUndefinedStageVariableIsNamedWithTheFix() {
    Headline h = Headline.of(denied(null, 500, "stageVariables", "integration URL http://h/${stageVariables.backend}/x: stage dev "
        + "does not define stage variable backend (it defines [env]), so the reference stays as written; what API Gateway "
        + "answers for a stage variable the stage does not define is undocumented by AWS; the local gateway answers 500"));

    assertThat(h.answer()).startsWith("Denied 500 by the stage's variables: integration URL http://h/${stageVariables.backend}/x: "
        + "stage dev does not define stage variable backend").contains("undocumented by AWS")
        .endsWith("Define the stage variable on the stage, or remove the reference to it.");
  }

  @Test
  void anUnknownCheckStillSaysWhichAndWhyWithoutPointersIntoDocumentsThatDoNotShip() {
    Headline h = Headline.of(denied(null, 403, "waf.rule", "rule 7 blocked it (spec §10 q4)"));

    assertThat(h.answer()).isEqualTo("Denied 403 by the waf.rule check: rule 7 blocked it. The deciding check's evidence is below.");
    assertThat(Headline.plain("a (spec §2, failure modes); b (apigw-facts §5, Table A)")).isEqualTo("a; b");
  }

  @Test
  void noAnswerSaysWhereItStoppedAndTheFix() {
    TraceBuilder b = TraceBuilder.start("t2", new RequestSummary("r", "GET", "http://127.0.0.1:1/prod/me", "bob", "aws"), CLOCK);
    b.add(new Step.Send(Outcome.FAIL, "Connection refused", List.of(new Detail.Text("fix", "Start the gateway or check the base URL")),
        Duration.ZERO, null));
    Headline h = Headline.of(b.finish(Verdict.incomplete("the request got no answer", null)));

    assertThat(h.tone()).isEqualTo(Headline.Tone.NO_ANSWER);
    assertThat(h.answer()).isEqualTo("No answer: the request got no answer. Start the gateway or check the base URL.");
  }

  @Test
  void anAllowNamesTheRouteAndTheCaller() {
    TraceBuilder b = TraceBuilder.start("t3", new RequestSummary("r", "GET", "http://h/prod/partners/acme", "acme", "local gateway"), CLOCK);
    b.add(new Step.Ruling(Outcome.OK, "Allowed", List.of(new Detail.Table("checks", List.of(
        new Detail.Row("route", "passed", "GET /prod/partners/acme matched GET /partners/{id} with {id=acme}"),
        new Detail.Row("apiKey", "passed", "ok")))), Duration.ZERO, null));
    Headline h = Headline.of(b.finish(Verdict.judge(null, new Verdict.Actual(200, null, "integration", "{}"))));

    assertThat(h.answer()).isEqualTo("Allowed 200 on GET /partners/{id} as acme: 2 checks passed and the integration answered.");
    assertThat(h.tone()).isEqualTo(Headline.Tone.ALLOWED);
  }

  @Test
  void theExplicitDenyStatementIsNamed() {
    assertThat(Headline.explicitDeny("invoked arn:x: statement #0 in identity policy 'returned policy': Deny, action execute-api:Invoke"))
        .contains("statement #0 in identity policy 'returned policy'");
    assertThat(Headline.explicitDeny("statement #0 in identity policy 'p': Allow does not apply")).isEmpty();
  }
}
