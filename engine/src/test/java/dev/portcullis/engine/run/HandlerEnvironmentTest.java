package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.HandlerFixtures;
import dev.portcullis.engine.trace.Headline;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * A handler whose environment names a secret this machine does not have is not started, and the
 * trace says so in a sentence that names the function, the variable, the reference and the fix,
 * in place of a 500 "could not be invoked" whose fix pointed at the function's answer.
 */
class HandlerEnvironmentTest {
  private static final String UNSET = "PORTCULLIS_TEST_NEVER_SET_HANDLER_SECRET";
  private static final LambdaFunction.Handler GATE = new LambdaFunction.Handler("partner-gate", "nodejs20.x",
      HandlerFixtures.handlerFolder("seed-node").toString(), "index.handler",
      Map.of("UPSTREAM_TOKEN", SecretRef.parse("env:" + UNSET)), 3, 128);

  @Test
  void onTheLocalGatewayTheRulingAndHeadlineNameTheFunctionTheVariableAndTheFix() throws Exception {
    Workspace ws = HandlerFixtures.demoWithPartnerFunction(GATE);
    try (Session session = Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      Trace trace = session.run(partner(), null, ChallengeHandler.none());

      assertThat(trace.verdict().actual().status()).isEqualTo(500);
      Step ruling = trace.step(Step.Kind.RULING).orElseThrow();
      assertThat(ruling.summary()).startsWith("Denied 500 AUTHORIZER_CONFIGURATION_ERROR by lambda.environment: function 'partner-gate'"
          + " (handler index.handler) was not started: its environment variable UPSTREAM_TOKEN: secret reference env:" + UNSET
          + " is not set. Fix: Set the environment variable " + UNSET + " before starting Portcullis, or give UPSTREAM_TOKEN another"
          + " value in the function's environment.");
      Headline headline = Headline.of(trace);
      assertThat(headline.decidedBy()).isEqualTo("lambda.environment");
      assertThat(headline.answer()).startsWith("Denied 500 by the Lambda function's environment: function 'partner-gate'")
          .doesNotContain("Fix the function");
      assertThat(headline.change()).isEqualTo("Set the environment variable " + UNSET + " before starting Portcullis, or give"
          + " UPSTREAM_TOKEN another value in the function's environment.");
      // no stack trace: the resolver's exception is a sentence, not a class name and frames
      assertThat(trace.steps()).allSatisfy(s -> assertThat(s.summary() + s.details()).doesNotContain("SecretException")
          .doesNotContain("\tat ").doesNotContain("java."));
    }
  }

  @Test
  void againstAwsThePredictorSaysItCouldNotRunTheHandlerHereRatherThanPredictingA500() {
    try (MockWebServer aws = new MockWebServer()) {
      aws.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json").body("{}").build());
      aws.start();
      Workspace demo = HandlerFixtures.demoWithPartnerFunction(GATE);
      Workspace ws = demo.newBuilder().gateways(demo.gateways().stream()
          .map(g -> g.newBuilder().baseUrl(aws.url("/" + g.stage()).toString()).build()).toList()).build();

      Trace trace = Session.remote(ws, null).build().run(partner(), null, ChallengeHandler.none());

      Step.Predict predict = (Step.Predict) trace.step(Step.Kind.PREDICT).orElseThrow();
      assertThat(predict.outcome()).isEqualTo(Outcome.WARN);
      assertThat(predict.prediction()).isNull();
      assertThat(predict.summary()).startsWith("No prediction: the rule book runs the authoriser's handler here, and function"
          + " 'partner-gate' (handler index.handler) was not started: its environment variable UPSTREAM_TOKEN")
          .contains("Fix: Set the environment variable " + UNSET);
      assertThat(trace.verdict().actual().status()).isEqualTo(200);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static SavedRequest partner() {
    return new SavedRequest("partner as acme", null, null, "payments", "POST", "/partners/acme/transactions", Map.of(),
        Map.of("content-type", "application/json"), "{\"amount\": 1}", "acme", Map.of(), null, null);
  }
}
