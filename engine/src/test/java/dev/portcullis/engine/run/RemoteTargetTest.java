package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Expectation;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against "real AWS" (a MockWebServer answering as API Gateway does, spec §1.2): no server-side
 * ruling, so the explainer reads the answer, and the trace says where prediction and answer differ.
 */
class RemoteTargetTest {
  private final MockWebServer aws = new MockWebServer();
  private Workspace ws;

  @BeforeEach
  void start() throws Exception {
    aws.start();
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    List<Gateway> gateways = new ArrayList<>();
    for (Gateway g : demo.gateways()) {
      gateways.add(new Gateway(g.name(), g.flavor(), g.region(), g.accountId(), g.apiId(), g.stage(),
          aws.url("/" + g.stage()).toString(), g.localPort(), g.apiKeySource(), g.routes(), g.authorizers(), g.usagePlans(), g.resourcePolicy()));
    }
    List<Caller> callers = new ArrayList<>(demo.callers());
    callers.add(new Caller.ApiKey("real-partner", null, SecretRef.parse("env:PORTCULLIS_TEST_NEVER_SET_KEY"), Map.of()));
    ws = new Workspace(demo.schemaVersion(), demo.name(), demo.description(), demo.variables(), demo.defaultCaller(), gateways, callers,
        demo.folders(), demo.requests(), demo.environments(), demo.emulator());
  }

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void missingAuthenticationTokenIsExplainedAsAWrongPathOrStage() {
    aws.enqueue(new MockResponse.Builder().code(403).addHeader("x-amzn-ErrorType", "MissingAuthenticationTokenException")
        .addHeader("x-amzn-RequestId", "7f0c7b8e-0000-4000-8000-000000000001").body("{\"message\":\"Missing Authentication Token\"}").build());
    SavedRequest typo = new SavedRequest("typo", null, null, "payments", "GET", "/partner/acme", null, null, null, "anonymous", null, null,
        Expectation.status(200));

    Trace trace = Session.remote(ws, null).build().run(typo, null, ChallengeHandler.none());

    Step.Ruling ruling = (Step.Ruling) trace.step(Step.Kind.RULING).orElseThrow();
    assertThat(ruling.explanation()).isNotNull();
    assertThat(ruling.explanation().responseType()).isEqualTo("MISSING_AUTHENTICATION_TOKEN");
    assertThat(ruling.explanation().causes().getFirst().cause()).containsIgnoringCase("path");
    assertThat(trace.verdict().result()).isEqualTo(Verdict.Result.MISMATCHED);
    assertThat(trace.verdict().sentence()).contains("403");
  }

  @Test
  void anAllowThePredictorDidNotExpectIsNamedAsADisagreement() {
    aws.enqueue(new MockResponse.Builder().code(403).addHeader("x-amzn-ErrorType", "AccessDeniedException")
        .body("{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}").build());
    SavedRequest get = ws.request("transactions: cached-policy trap").orElseThrow();
    SavedRequest asAcme = new SavedRequest(get.name(), get.folder(), null, get.gateway(), get.method(), "/partners/acme/transactions",
        null, null, null, "acme", null, null, null);

    Trace trace = Session.remote(ws, null).build().run(asAcme, null, ChallengeHandler.none());

    Step.Ruling ruling = (Step.Ruling) trace.step(Step.Kind.RULING).orElseThrow();
    assertThat(trace.step(Step.Kind.PREDICT).orElseThrow().summary()).contains("predicts 200");
    assertThat(ruling.explanation().disagreement()).isNotNull();
    assertThat(ruling.explanation().disagreement().reasons()).extracting(r -> r.kind().name())
        .contains("AUTHORIZER_CACHE_FROM_OTHER_METHOD");
    assertThat(ruling.details()).anyMatch(d -> d instanceof dev.portcullis.engine.trace.Detail.Text t && t.label().equals("prediction differed"));
  }

  @Test
  void anUnsetSecretIsAFailedAcquireStepAndNothingIsSent() {
    SavedRequest r = new SavedRequest("x", null, null, "payments", "GET", "/partners/acme/transactions", null, null, null,
        "real-partner", null, null, Expectation.status(200));

    Trace trace = Session.remote(ws, null).build().run(r, null, ChallengeHandler.none());

    Step acquire = trace.step(Step.Kind.ACQUIRE).orElseThrow();
    assertThat(acquire.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(acquire.summary()).contains("env:PORTCULLIS_TEST_NEVER_SET_KEY is not set");
    assertThat(trace.verdict().result()).isEqualTo(Verdict.Result.INCOMPLETE);
    assertThat(aws.getRequestCount()).isZero();
  }

  @Test
  void aDeadHostIsAFailedSendStepWithAFix() {
    aws.close();
    SavedRequest r = ws.request("health (no auth)").orElseThrow();

    Trace trace = Session.remote(ws, null).build().run(r, null, ChallengeHandler.none());

    Step send = trace.step(Step.Kind.SEND).orElseThrow();
    assertThat(send.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(send.summary()).startsWith("Nothing answered at");
    assertThat(trace.verdict().result()).isEqualTo(Verdict.Result.INCOMPLETE);
  }

  @Test
  void aMalformedCustomTokenFailsItsInspectionWithASentenceButStillGoesOut() {
    aws.enqueue(new MockResponse.Builder().code(401).addHeader("x-amzn-ErrorType", "UnauthorizedException").body("{\"message\":\"Unauthorized\"}").build());
    List<Caller> callers = new ArrayList<>(ws.callers());
    callers.add(new Caller.CustomToken("garbage", null, SecretRef.parse("not.a-jwt"), null, null));
    Workspace withGarbage = new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), ws.gateways(),
        callers, ws.folders(), ws.requests(), ws.environments(), ws.emulator());

    Trace trace = Session.remote(withGarbage, null).build()
        .run(withGarbage.request("me without a token").orElseThrow(), "garbage", ChallengeHandler.none());

    Step.Inspect inspect = (Step.Inspect) trace.step(Step.Kind.INSPECT).orElseThrow();
    assertThat(inspect.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(inspect.token().fix()).isNotBlank();
    assertThat(trace.verdict().result()).isEqualTo(Verdict.Result.MATCHED);
  }
}
