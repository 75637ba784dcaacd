package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.matrix.CellResult;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixRunner;
import dev.portcullis.engine.matrix.MatrixSpec;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.Json;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.AwsStandIn;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Disagreement;
import dev.portcullis.engine.trace.Explanation;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's {@code aws-dev} target on a stand-in of API Gateway: the local world behind TLS with a
 * test certificate, reached by execute-api host names, no ruling read from it. What is checked is
 * what a run against real AWS gives: the prediction from the workspace, the answer on the wire, and
 * the explainer reading that answer (spec §1.2, §1.3). Deployments that differ from the workspace
 * produce each kind of disagreement the explainer names.
 */
class AwsStandInTest {
  private static final Map<String, String> API_IDS = Map.of("payments", "a1b2c3d4e5", "b2b", "abc123", "mobile", "m0b1le0001");
  private static final Map<String, Trace> TRACES = new LinkedHashMap<>();
  private static Workspace demo;
  private static AwsStandIn faithful;

  @TempDir
  Path dir;

  @BeforeAll
  static void runEverySavedRequestOnAFaithfulDeployment() throws Exception {
    demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    faithful = AwsStandIn.start(demo, Clock.systemUTC(), API_IDS);
    try (Session session = awsDev(faithful)) {
      for (SavedRequest r : demo.requests()) {
        TRACES.put(r.name(), session.run(r, null, ChallengeHandler.none()));
      }
    }
  }

  @AfterAll
  static void stop() {
    faithful.close();
  }

  private static Session awsDev(AwsStandIn aws) {
    return awsDev(aws, aws.network());
  }

  private static Session awsDev(AwsStandIn aws, dev.portcullis.engine.send.Network network) {
    return Session.remote(aws.fillIn(demo, "aws-dev"), "aws-dev").network(network).machine(aws.machine()).build();
  }

  private static Step.Ruling ruling(Trace trace) {
    return (Step.Ruling) trace.step(Step.Kind.RULING).orElseThrow(() -> new AssertionError("no ruling step: " + trace.steps()));
  }

  /** Predicted status, answered status, the catalogue row that explains it (null: allowed), the disagreement (null: none). */
  private record Case(int predicted, int answered, String entry, Disagreement.Kind disagreement) {}

  @Test
  void everySavedRequestGoesToItsExecuteApiHostOverTlsAndIsJudgedFromTheAnswerAlone() {
    assertThat(TRACES).hasSize(demo.requests().size());
    TRACES.forEach((name, trace) -> {
      assertThat(trace.request().target()).as(name).isEqualTo("AWS");
      assertThat(trace.request().url()).as(name).startsWith("https://").contains(".execute-api.").contains(".amazonaws.com/");
    });
    // the stand-in ruled on each request; none of its rulings reached a trace: every ruling step is the explainer's
    Step.Send bob = (Step.Send) TRACES.get("me as bob").step(Step.Kind.SEND).orElseThrow();
    String requestId = bob.exchange().response().headers().stream().filter(h -> h.name().equalsIgnoreCase("x-amzn-RequestId"))
        .map(dev.portcullis.engine.trace.Header::value).findFirst().orElseThrow();
    assertThat(faithful.world().gateway().rulings(requestId)).as("the stand-in kept a ruling the session never read").isPresent();
    TRACES.values().stream().filter(t -> t.step(Step.Kind.SEND).map(s -> s.outcome() != dev.portcullis.engine.trace.Outcome.FAIL).orElse(false))
        .forEach(t -> assertThat(ruling(t).explanation()).as(t.request().name()).isNotNull());
  }

  @Test
  void eachSavedRequestIsPredictedAnsweredAndExplainedAsOnAws() {
    Map<String, Case> cases = new LinkedHashMap<>();
    cases.put("me as bob", new Case(200, 200, null, null));
    cases.put("me as alice: missing scope", new Case(401, 401, "rest.unauthorized", null));
    cases.put("me with an ID token", new Case(401, 401, "rest.unauthorized", null));
    cases.put("me without a token", new Case(401, 401, "rest.unauthorized", null));
    cases.put("transactions as acme", new Case(200, 200, null, null));
    cases.put("transactions as globex: revoked key", new Case(403, 403, "rest.lambda-explicit-deny", null));
    cases.put("transactions without a key", new Case(401, 401, "rest.unauthorized", null));
    // a quota: the prediction is of one request, AWS's counters are not visible to it (spec §6); the burst is left to the
    // drifted deployment below, since whether 400 sends through TLS outrun a 100 rps bucket is this machine's speed
    cases.put("transactions: trial quota", new Case(200, 429, "rest.quota-exceeded", Disagreement.Kind.USAGE_PLAN_STATE));
    cases.put("transactions as initech (POST)", new Case(200, 200, null, null));
    // the session's own earlier POST is in the prediction's cache too, so both say 403 (spec §4.3)
    cases.put("transactions: cached-policy trap", new Case(403, 403, "rest.lambda-implicit-deny", null));
    cases.put("refresh as refresh-job", new Case(200, 200, null, null));
    // the expired session's keys come from an AWS profile here, as a user's stale ~/.aws/credentials would hold them
    cases.put("refresh with an expired session", new Case(403, 403, "rest.iam-expired-token", null));
    cases.put("refresh as reporting: resource policy deny", new Case(403, 403, "rest.iam-explicit-deny", null));
    cases.put("refresh with clock skew", new Case(403, 403, "rest.sigv4-not-yet-current", null));
    cases.put("unknown route", new Case(403, 403, "rest.missing-authentication-token", null));
    cases.put("health (no auth)", new Case(200, 200, null, null));
    cases.put("settlements as the bank", new Case(200, 200, null, null));
    cases.put("settlements: wrong audience", new Case(401, 401, "http.jwt-unauthorized", null));
    cases.put("v2 me as alice", new Case(200, 200, null, null));
    cases.put("v2 unknown route", new Case(404, 404, null, null));
    cases.put("v2 sync as refresh-job", new Case(200, 200, null, null));
    cases.put("v2 sync as reporting", new Case(403, 403, "http.iam-sigv4", null));

    cases.forEach((name, c) -> {
      Trace trace = TRACES.get(name);
      assertThat(trace.verdict().result()).as("%s: %s", name, trace.verdict().sentence()).isEqualTo(Verdict.Result.MATCHED);
      Step.Predict predict = (Step.Predict) trace.step(Step.Kind.PREDICT).orElseThrow();
      assertThat(predict.prediction().status()).as(name + " predicted").isEqualTo(c.predicted());
      assertThat(trace.verdict().actual().status()).as(name + " answered").isEqualTo(c.answered());
      Explanation e = ruling(trace).explanation();
      assertThat(e.entry()).as(name + " explained by").isEqualTo(c.entry());
      if (c.disagreement() == null) {
        assertThat(e.disagreement()).as(name + " disagreement").isNull();
      } else {
        assertThat(e.disagreement().reasons()).as(name).extracting(Disagreement.Reason::kind).first().isEqualTo(c.disagreement());
      }
    });
    assertThat(cases.keySet()).as("every saved request but the local-only token and the burst is a case")
        .containsExactlyInAnyOrderElementsOf(demo.requests().stream().map(SavedRequest::name)
            .filter(n -> !n.equals("settlements: expired token") && !n.equals("transactions: throttled burst")).toList());
  }

  @Test
  void theExplainerQuotesWhatTheAnswerSays() {
    Explanation audience = ruling(TRACES.get("settlements: wrong audience")).explanation();
    assertThat(audience.summary()).contains("error_description \"the token does not have a valid audience\"");
    Explanation deny = ruling(TRACES.get("refresh as reporting: resource policy deny")).explanation();
    assertThat(deny.summary()).contains("arn:aws:sts::111122223333:assumed-role/reporting/").contains("with an explicit deny");
    assertThat(ruling(TRACES.get("me as alice: missing scope")).details())
        .anyMatch(d -> d instanceof dev.portcullis.engine.trace.Detail.Text t && t.label().equals("look up") && t.text().contains("CloudWatch"));
  }

  /** aws-dev's bank-expired sends the expired token the user kept (env:BANK_EXPIRED_TOKEN), not the local world's. */
  @Test
  void anExpiredTokenTheUserKeptIsSentToAwsAndRefusedAsExpired() {
    Trace expired = TRACES.get("settlements: expired token");
    assertThat(expired.step(Step.Kind.ACQUIRE).orElseThrow().summary()).isEqualTo("custom token for bank-expired, fresh (custom token)");
    assertThat(expired.step(Step.Kind.SEND)).isPresent();
    assertThat(expired.verdict().result()).isEqualTo(Verdict.Result.MATCHED);
    assertThat(expired.verdict().sentence()).isEqualTo("Expected 401 (jwt.expiry); got 401: as expected, denied.");
  }

  @Test
  void theMatrixOnAwsDevRunsAgainstTheStandIn() throws Exception {
    try (AwsStandIn aws = AwsStandIn.start(demo, Clock.systemUTC(), API_IDS); Session session = awsDev(aws)) {
      Matrix matrix = MatrixRunner.create(session).run(MatrixSpec.all(), (d, t, c) -> { }, () -> false);

      assertThat(matrix.cells()).as("every route and caller, as on the local gateway").hasSize(8 * demo.callers().size());
      assertThat(matrix.cells()).allSatisfy(c -> assertThat(c.trace().request().url()).startsWith("https://"));
      // bank-expired included: aws-dev gives it the expired token the user kept, so every cell is judged
      assertThat(matrix.cells()).filteredOn(c -> c.caller().equals("bank-expired")).isNotEmpty();
      assertThat(matrix.cells())
          .allSatisfy(c -> assertThat(c.result()).as("%s %s: %s", c.row(), c.caller(), c.trace().verdict().sentence()).isEqualTo(CellResult.MATCH));
    }
  }

  // --- deployments that differ from the workspace: each kind of disagreement, named

  private Workspace deployed(Consumer<ObjectNode> drift) throws Exception {
    ObjectNode root = (ObjectNode) Json.mapper().readTree(Files.readString(ProjectFiles.demo()));
    drift.accept(root);
    Path file = dir.resolve("deployed.json");
    Files.writeString(file, Json.mapper().writeValueAsString(root));
    return WorkspaceStore.create(Clock.systemUTC()).load(file);
  }

  private static ObjectNode gateway(ObjectNode root, String name) {
    for (var g : root.withArray("gateways")) {
      if (g.get("name").asText().equals(name)) {
        return (ObjectNode) g;
      }
    }
    throw new AssertionError(name);
  }

  private static ObjectNode route(ObjectNode gateway, String method, String path) {
    for (var r : gateway.withArray("routes")) {
      if (r.get("method").asText().equals(method) && r.get("path").asText().equals(path)) {
        return (ObjectNode) r;
      }
    }
    throw new AssertionError(method + " " + path);
  }

  private static Disagreement disagreement(Trace trace) {
    Disagreement d = ruling(trace).explanation().disagreement();
    assertThat(d).as(trace.request().name() + ": " + trace.verdict().sentence()).isNotNull();
    return d;
  }

  private static Trace send(Session session, String request, String caller) {
    return session.run(demo.request(request).orElseThrow(), caller, ChallengeHandler.none());
  }

  @Test
  void aDeploymentThatDriftedFromTheWorkspaceIsNamedForEachDifference() throws Exception {
    Workspace drifted = deployed(root -> {
      ObjectNode payments = gateway(root, "payments");
      // GET /me asks for a scope no token of this pool carries
      ((ArrayNode) route(payments, "GET", "/me").putArray("scopes")).add("payments/read");
      // initech's key exists but is in no usage plan
      for (var key : root.with("emulator").withArray("apiKeys")) {
        if (key.get("id").asText().equals("initech")) {
          ((ObjectNode) key).putArray("usagePlans");
        }
      }
      // the deployed resource policy also denies /health, which the workspace's does not
      ObjectNode deny = ((ArrayNode) payments.with("resourcePolicy").withArray("Statement")).addObject();
      deny.put("Sid", "NoHealthFromOutside").put("Effect", "Deny").put("Principal", "*");
      deny.putArray("Action").add("execute-api:Invoke");
      deny.putArray("Resource").add("arn:aws:execute-api:us-east-1:111122223333:pay1local/*/GET/health");
      // the deployed partners plan allows one request a second, not 100
      ((ObjectNode) payments.withArray("usagePlans").get(0).get("throttle")).put("rateLimit", 1.0).put("burstLimit", 1);
    });
    try (AwsStandIn aws = AwsStandIn.start(drifted, Clock.systemUTC(), API_IDS); Session session = awsDev(aws)) {
      Trace bob = send(session, "me as bob", null);
      assertThat(bob.verdict().actual().status()).isEqualTo(401);
      assertThat(disagreement(bob).reasons()).extracting(Disagreement.Reason::kind).containsExactly(Disagreement.Kind.SCOPE_NOT_IN_TOKEN);

      Trace initech = send(session, "transactions as initech (POST)", null);
      assertThat(initech.verdict().actual().status()).isEqualTo(403);
      assertThat(disagreement(initech).reasons()).extracting(Disagreement.Reason::kind).containsExactly(Disagreement.Kind.KEY_NOT_IN_USAGE_PLAN);

      Trace burst = send(session, "transactions: throttled burst", null);
      assertThat(burst.verdict().result()).isEqualTo(Verdict.Result.MATCHED);
      assertThat(disagreement(burst).reasons()).extracting(Disagreement.Reason::kind).containsExactly(Disagreement.Kind.USAGE_PLAN_STATE);

      Trace health = send(session, "health (no auth)", null);
      assertThat(health.verdict().actual().status()).isEqualTo(403);
      Disagreement policy = disagreement(health);
      assertThat(policy.reasons()).extracting(Disagreement.Reason::kind).containsExactly(Disagreement.Kind.RESOURCE_POLICY_UNSEEN);
      assertThat(policy.sentence()).startsWith("The rule book predicted 200").contains("AWS answered 403 ACCESS_DENIED")
          .contains("Most likely: resource policy unseen.");
      assertThat(policy.reasons().getFirst().change()).contains("get-rest-api");
    }
  }

  @Test
  void anotherClientsCallToAnotherMethodLeavesTheCachedPolicyThatDeniesThisOne() throws Exception {
    try (AwsStandIn aws = AwsStandIn.start(demo, Clock.systemUTC(), API_IDS)) {
      try (Session colleague = awsDev(aws)) {
        assertThat(send(colleague, "transactions as initech (POST)", null).verdict().actual().status()).isEqualTo(200);
      }
      try (Session mine = awsDev(aws)) {
        Trace get = send(mine, "transactions: cached-policy trap", null);

        assertThat(((Step.Predict) get.step(Step.Kind.PREDICT).orElseThrow()).prediction().status()).isEqualTo(200);
        assertThat(get.verdict().actual().status()).isEqualTo(403);
        assertThat(disagreement(get).reasons()).extracting(Disagreement.Reason::kind)
            .containsExactly(Disagreement.Kind.AUTHORIZER_CACHE_FROM_OTHER_METHOD);
      }
    }
  }

  @Test
  void aClockTenMinutesOffAndAStageVariableTheWorkspaceCannotSeeAreNamed() throws Exception {
    Workspace drifted = deployed(root -> {
      ObjectNode gate = (ObjectNode) gateway(root, "payments").withArray("authorizers").get(1);
      assertThat(gate.get("name").asText()).isEqualTo("partner-gate");
      gate.withArray("identitySources").add("stageVariables.tenantMode");
    });
    Clock aws10MinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
    try (AwsStandIn aws = AwsStandIn.start(drifted, aws10MinutesAhead, API_IDS); Session session = awsDev(aws)) {
      Trace refresh = send(session, "refresh as refresh-job", null);
      assertThat(refresh.verdict().actual().status()).isEqualTo(403);
      assertThat(disagreement(refresh).reasons()).extracting(Disagreement.Reason::kind).containsExactly(Disagreement.Kind.CLOCK_SKEW);
      assertThat(ruling(refresh).explanation().summary()).contains("Signature expired");

      Trace acme = send(session, "transactions as acme", null);
      assertThat(acme.verdict().actual().status()).isEqualTo(401);
      Disagreement stage = disagreement(acme);
      assertThat(stage.reasons()).extracting(Disagreement.Reason::kind).containsExactly(Disagreement.Kind.STAGE_VARIABLE_UNSEEN);
      assertThat(stage.reasons().getFirst().change()).contains("get-stage");
    }
  }

  @Test
  void theStandInsCertificateIsTheOnlyReasonTlsSucceeds() throws Exception {
    try (Session untrusting = Session.remote(faithful.fillIn(demo, "aws-dev"), "aws-dev")
        .network(faithful.network(jdkTrust())).build()) {
      Trace trace = send(untrusting, "health (no auth)", null);
      assertThat(trace.step(Step.Kind.SEND).orElseThrow().summary())
          .startsWith("The certificate of " + faithful.host("payments") + " is not trusted by this Java");
      assertThat(trace.verdict().result()).isEqualTo(Verdict.Result.INCOMPLETE);
    }
  }

  // --- failures on the way, each named with its sentence and fix, as a real run against AWS meets them

  private static Workspace withVariable(Workspace ws, String name, String value) {
    return ws.newBuilder().environments(ws.environments().stream().map(e -> {
      Map<String, String> vars = new LinkedHashMap<>(e.variables());
      vars.put(name, value);
      return new dev.portcullis.engine.model.Environment(e.name(), vars);
    }).toList()).build();
  }

  @Test
  void aWrongApiIdIsADnsFailureNamingTheHostAndWhatUsuallyCausesIt() {
    Workspace typo = withVariable(faithful.fillIn(demo, "aws-dev"), "paymentsApiId", "wr0ngid123");
    try (Session session = Session.remote(typo, "aws-dev").network(faithful.network()).build()) {
      Trace trace = send(session, "health (no auth)", null);

      Step sent = trace.step(Step.Kind.SEND).orElseThrow();
      assertThat(sent.summary()).isEqualTo("DNS failed: the host wr0ngid123.execute-api.us-east-1.amazonaws.com could not be resolved.");
      assertThat(trace.verdict().sentence()).contains("Fix: API id 'wr0ngid123' or region 'us-east-1' in the URL is likely wrong")
          .contains("a private API resolves only inside its VPC");
    }
  }

  @Test
  void aCustomDomainServingAnotherNamesCertificateIsNamed() {
    String domain = "api.payments.example.com";
    Workspace custom = faithful.fillIn(demo, "aws-dev");
    custom = custom.newBuilder().gateways(custom.gateways().stream()
        .map(g -> g.name().equals("payments") ? g.newBuilder().baseUrl("https://" + domain + "/prod").build() : g).toList()).build();
    try (Session session = Session.remote(custom, "aws-dev")
        .network(faithful.networkWithAlias(domain, "payments")).build()) {
      Trace trace = send(session, "health (no auth)", null);

      assertThat(trace.step(Step.Kind.SEND).orElseThrow().summary()).isEqualTo("The certificate of " + domain + " does not name that host"
          + " (it names " + String.join(", ", List.of(faithful.host("payments"), faithful.host("b2b"), faithful.host("mobile"))) + ").");
      assertThat(trace.verdict().sentence()).contains("Fix: A custom domain serving another name's certificate");
    }
  }

  /**
   * The stopped stand-in's names lead to a loopback port that is bound, never listens and stays held
   * for the test. Sending to the port a closed stand-in freed raced (it flaked once): another process
   * on the machine could bind the free ephemeral port before the send, or the kernel could pick it as
   * the client's own source port, and a TCP self-connect "answers". A bound port is neither.
   */
  @Test
  void aStandInThatStoppedIsConnectionRefusedOnPort443() throws Exception {
    AwsStandIn gone = AwsStandIn.start(demo, Clock.systemUTC(), API_IDS);
    gone.close();
    try (java.net.Socket held = new java.net.Socket()) {
      held.setReuseAddress(false);
      held.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
      assertConnectionRefused(gone, (java.net.InetSocketAddress) held.getLocalSocketAddress());
    }
  }

  private static void assertConnectionRefused(AwsStandIn gone, java.net.InetSocketAddress nothingListens) {
    try (Session session = awsDev(gone, gone.networkTo(nothingListens))) {
      Trace trace = send(session, "health (no auth)", null);

      assertThat(trace.step(Step.Kind.SEND).orElseThrow().summary())
          .isEqualTo("Nothing answered at " + gone.host("payments") + " (connection refused).");
      assertThat(trace.verdict().sentence()).contains("API Gateway listens on 443, https only");
    }
  }

  static javax.net.ssl.X509TrustManager jdkTrust() throws Exception {
    javax.net.ssl.TrustManagerFactory f = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    f.init((java.security.KeyStore) null);
    return (javax.net.ssl.X509TrustManager) List.of(f.getTrustManagers()).getFirst();
  }
}
