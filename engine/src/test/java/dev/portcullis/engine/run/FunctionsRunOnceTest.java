package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.HandlerFixtures;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A send to the local gateway runs a function with side effects once: a real Lambda ({@code
 * invoke}) is invoked, a {@code command} started, by the gateway only; the predictor neither invokes
 * nor starts it and says the gateway's ruling is the answer. Counted where the function runs: the
 * Lambda endpoint's request count, the command's own file.
 */
class FunctionsRunOnceTest {
  private static final String ALLOW = "{\"principalId\":\"partner\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
      + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]},\"context\":{\"gate\":\"counted\"}}";

  @TempDir Path tmp;

  @Test
  void eachLocalSendInvokesARealLambdaOnce() throws Exception {
    try (MockWebServer lambda = new MockWebServer()) {
      LambdaFunction.Invoke fn = partnerGateAt(lambda);
      try (Session session = session(fn)) {
        Trace acme = session.run(partner("acme"), null, ChallengeHandler.none());
        assertThat(lambda.getRequestCount()).as("invocations after one send").isEqualTo(1);
        Trace globex = session.run(partner("globex"), null, ChallengeHandler.none());
        assertThat(lambda.getRequestCount()).as("invocations after two sends with two keys").isEqualTo(2);

        for (Trace t : List.of(acme, globex)) {
          assertAnsweredOnceByTheGateway(t, "invokes Lambda function partner-gate through the Lambda Invoke API (at " + lambda.url("/"));
        }
        assertThat(ruling(acme).details().toString()).contains("returned a response (the authoriser invokes Lambda function partner-gate");
      }
    }
  }

  /** Against AWS (the stand-in), API Gateway invokes the deployed function; the predictor must not invoke it too. */
  @Test
  void aSendToAwsInvokesTheDeployedLambdaOnlyThere() throws Exception {
    try (MockWebServer lambda = new MockWebServer()) {
      LambdaFunction.Invoke fn = partnerGateAt(lambda);
      Workspace ws = HandlerFixtures.demoWithPartnerFunction(fn);
      Map<String, String> apiIds = Map.of("payments", "a1b2c3d4e5", "b2b", "abc123", "mobile", "m0b1le0001");
      try (dev.portcullis.engine.testing.AwsStandIn aws = dev.portcullis.engine.testing.AwsStandIn.start(ws, Clock.systemUTC(), apiIds);
          Session session = Session.remote(aws.fillIn(ws, "aws-dev"), "aws-dev").network(aws.network()).machine(aws.machine())
              .trust(dev.portcullis.engine.trust.TrustGate.open()).build()) {
        Trace acme = session.run(partner("acme"), null, ChallengeHandler.none());
        assertThat(acme.verdict().actual().status()).isEqualTo(200);
        assertThat(lambda.getRequestCount()).as("invocations: the deployed gateway's only").isEqualTo(1);
        Step predict = acme.step(Step.Kind.PREDICT).orElseThrow();
        assertThat(predict.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(predict.summary()).startsWith("Not predicted: the authoriser invokes Lambda function partner-gate")
            .contains("which API Gateway does for this request");
      }
    }
  }

  @Test
  void eachLocalSendStartsACommandOnce() throws Exception {
    Path calls = tmp.resolve("calls.txt");
    String script = "cat > /dev/null; echo called >> \"$0\"; echo '" + ALLOW + "'";
    LambdaFunction.Command fn = new LambdaFunction.Command(List.of("sh", "-c", script, calls.toString()), null, 5000);
    try (Session session = session(fn)) {
      Trace acme = session.run(partner("acme"), null, ChallengeHandler.none());
      assertThat(Files.readAllLines(calls)).as("runs after one send").hasSize(1);
      // the same key again: the gateway's 300 s authoriser cache answers, so nothing runs at all
      Trace again = session.run(partner("acme"), null, ChallengeHandler.none());
      assertThat(Files.readAllLines(calls)).as("runs after a second send the cache answers").hasSize(1);

      assertAnsweredOnceByTheGateway(acme, "runs your command sh -c");
      assertAnsweredOnceByTheGateway(again, "runs your command sh -c");
      assertThat(ruling(again).details().toString()).contains("lambda.cache");
    }
  }

  @Test
  void aRequestRefusedBeforeTheFunctionIsStillPredictedAndAgreesWithTheGateway() throws Exception {
    Path calls = tmp.resolve("calls.txt");
    String script = "cat > /dev/null; echo called >> \"$0\"; echo '" + ALLOW + "'";
    try (Session session = session(new LambdaFunction.Command(List.of("sh", "-c", script, calls.toString()), null, 5000))) {
      // no x-api-key: API Gateway answers 401 without invoking the authoriser, so the predictor needs no run either
      Trace anonymous = session.run(partner("anonymous"), null, ChallengeHandler.none());

      Step.Predict predict = (Step.Predict) anonymous.step(Step.Kind.PREDICT).orElseThrow();
      assertThat(predict.outcome()).isEqualTo(Outcome.OK);
      assertThat(predict.prediction().status()).isEqualTo(401);
      assertThat(anonymous.verdict().actual().status()).isEqualTo(401);
      assertThat(ruling(anonymous).details()).noneMatch(d -> d.label().equals("prediction differed"));
      assertThat(calls).doesNotExist();
    }
  }

  /** A real Lambda function, partner-gate, whose Invoke endpoint is {@code lambda}: it allows, and counts calls. */
  private static LambdaFunction.Invoke partnerGateAt(MockWebServer lambda) throws java.io.IOException {
    lambda.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).addHeader("content-type", "application/json").body(ALLOW).build();
      }
    });
    lambda.start();
    return new LambdaFunction.Invoke("partner-gate", "eu-west-1", lambda.url("/").toString(),
        new CredentialSource.StaticKeys("AKIDLOCALINVOKE00001", new SecretRef.Literal("local-invoke-secret"), null));
  }

  /** The predictor did not run the function and says the gateway's ruling is the answer; the gateway allowed. */
  private static void assertAnsweredOnceByTheGateway(Trace trace, String what) {
    Step predict = trace.step(Step.Kind.PREDICT).orElseThrow();
    assertThat(predict.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(predict.summary()).startsWith("Predicted from the gateway's run: the authoriser " + what)
        .contains("which only the local gateway does for this request").contains("the predictor does not do it a second time");
    Step ruling = ruling(trace);
    assertThat(ruling.summary()).startsWith("Allowed by the local gateway");
    assertThat(ruling.details()).noneMatch(d -> d.label().equals("prediction differed"));
    assertThat(trace.verdict().actual().status()).isEqualTo(200);
  }

  private static Step ruling(Trace trace) {
    return trace.step(Step.Kind.RULING).orElseThrow();
  }

  private static Session session(LambdaFunction fn) throws Exception {
    Workspace ws = HandlerFixtures.demoWithPartnerFunction(fn);
    return Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { });
  }

  private static SavedRequest partner(String caller) {
    return new SavedRequest("partner as " + caller, null, null, "payments", "POST", "/partners/" + caller + "/transactions", Map.of(),
        Map.of("content-type", "application/json"), "{\"amount\": 1}", caller, Map.of(), null, null);
  }
}
