package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every saved request of the demo, sent as its caller through real HTTP to the local gateway and
 * its identity providers, in the workspace's order (the cached-policy trap needs the POST first):
 * each trace's verdict must match the saved expectation, and its steps must say why.
 */
class DemoEndToEndTest {
  private static Workspace demo;
  private static Session session;
  private static final Map<String, Trace> TRACES = new LinkedHashMap<>();

  @BeforeAll
  static void runTheWholeDemo() throws Exception {
    demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    // The world's clock drives the usage-plan token bucket. On the real clock, 400 sends that take more than
    // two seconds on a loaded machine refill a 100 rps bucket as fast as they spend it and the burst passes;
    // a clock that stands still makes the bucket's size, not the machine's speed, decide (spec §6).
    session = Session.local(demo, Clock.fixed(Instant.now(), ZoneOffset.UTC), true, (w, l) -> Optional.empty(), line -> { });
    for (SavedRequest r : demo.requests()) {
      TRACES.put(r.name(), session.run(r, null, ChallengeHandler.none()));
    }
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static Trace trace(String name) {
    return TRACES.get(name);
  }

  private static <S extends Step> S step(String name, Class<S> kind) {
    return trace(name).steps().stream().filter(kind::isInstance).map(kind::cast).findFirst().orElseThrow(
        () -> new AssertionError(name + " has no " + kind.getSimpleName() + " step: " + trace(name).steps()));
  }

  @Test
  void everySavedRequestMeetsItsExpectation() {
    assertThat(TRACES).hasSize(demo.requests().size());
    TRACES.forEach((name, trace) -> assertThat(trace.verdict().result())
        .as("%s: %s", name, trace.verdict().sentence()).isEqualTo(Verdict.Result.MATCHED));
  }

  @Test
  void bobsTraceShowsSrpLoginTotpScopesAndClaimsReachingTheIntegration() {
    Step.Acquire acquire = step("me as bob", Step.Acquire.class);
    assertThat(acquire.outcome()).isEqualTo(Outcome.OK);
    assertThat(acquire.flow()).isEqualTo("USER_SRP_AUTH");
    Step.Inspect inspect = step("me as bob", Step.Inspect.class);
    assertThat(inspect.token().signatureCheck()).isEqualTo(dev.portcullis.engine.trace.TokenInspection.SignatureCheck.VERIFIED);
    assertThat(inspect.token().claims()).anySatisfy(c -> {
      assertThat(c.name()).isEqualTo("scope");
      assertThat(c.value()).contains("profile.read");
    });
    assertThat(step("me as bob", Step.Context.class).contextJson()).contains("\"username\": \"bob\"").contains("\"cognito:groups\": \"[admins]\"");
  }

  @Test
  void aliceIsDeniedForTheMissingScopeAndTheRulingSaysSo() {
    Step.Ruling ruling = step("me as alice: missing scope", Step.Ruling.class);
    assertThat(ruling.summary()).startsWith("Denied 401 UNAUTHORIZED by cognito.scopes");
    assertThat(trace("me as alice: missing scope").verdict().decidedBy()).isEqualTo("cognito.scopes");
  }

  @Test
  void acmesTenantAndPlanReachTheIntegration() {
    Step.Context context = step("transactions as acme", Step.Context.class);
    assertThat(context.summary()).contains("tenantId").contains("plan");
    assertThat(context.contextJson()).contains("acme-001").contains("gold");
  }

  @Test
  void sigv4StepShowsCanonicalRequestAndScopeAndSkewIsFlagged() {
    Step.Inspect signed = step("refresh as refresh-job", Step.Inspect.class);
    assertThat(signed.sigv4().canonicalRequest()).startsWith("POST\n/prod/internal/refresh\n");
    assertThat(signed.sigv4().credentialScope()).endsWith("/us-east-1/execute-api/aws4_request");
    Step.Inspect skewed = step("refresh with clock skew", Step.Inspect.class);
    assertThat(skewed.outcome()).isEqualTo(Outcome.WARN);
    assertThat(step("refresh with clock skew", Step.Ruling.class).summary()).contains("sigv4.skew");
  }

  /** spec §6: the bucket holds burstLimit tokens; past them API Gateway answers 429 Too Many Requests (body [OBS], §1.2). */
  @Test
  void aBurstBeyondThePlansBurstLimitIsRefusedWithAwsThrottlingAnswer() {
    Trace burst = trace("transactions: throttled burst");
    assertThat(burst.verdict().actual().status()).isEqualTo(429);
    assertThat(burst.verdict().actual().errorType()).isEqualTo("TooManyRequestsException");
    assertThat(burst.verdict().actual().body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    String repeat = step("transactions: throttled burst", Step.Send.class).details().stream()
        .filter(Detail.Text.class::isInstance).map(Detail.Text.class::cast).filter(t -> t.label().equals("repeat"))
        .map(Detail.Text::text).findFirst().orElseThrow();
    // the plan "partners" has burst 200; acme spent a token before, so 400 sends let at most 200 through
    java.util.regex.Matcher counts = java.util.regex.Pattern.compile("(\\d+) allowed, (\\d+) refused").matcher(repeat);
    assertThat(counts.find()).as(repeat).isTrue();
    assertThat(Integer.parseInt(counts.group(1))).as(repeat).isBetween(1, 200);
    assertThat(Integer.parseInt(counts.group(2))).as(repeat).isGreaterThanOrEqualTo(200);
  }

  @Test
  void theCachedPolicyTrapIsNamedInTheRuling() {
    assertThat(step("transactions: cached-policy trap", Step.Ruling.class).summary()).contains("lambda.cache");
  }

  @Test
  void deniedRequestsShowThatNothingReachedTheIntegration() {
    assertThat(step("transactions as globex: revoked key", Step.Context.class).outcome()).isEqualTo(Outcome.SKIPPED);
  }
}
