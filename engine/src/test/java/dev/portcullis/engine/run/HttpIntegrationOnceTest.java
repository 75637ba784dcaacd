package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.PipelineFixtures;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A send to the local gateway calls an http integration's backend once: the gateway calls it, the
 * predictor does not (before, both did, so a POST reached the backend twice). The prediction is an
 * allow; the backend's own status (201 here) is no disagreement with it.
 */
class HttpIntegrationOnceTest {
  @Test
  void eachLocalSendCallsTheBackendOnce() throws Exception {
    try (MockWebServer backend = new MockWebServer()) {
      backend.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().code(201).body("{\"ok\":true}").build();
        }
      });
      backend.start();
      Workspace demo = PipelineFixtures.demo();
      Workspace ws = demo.newBuilder().gateways(demo.gateways().stream().map(g -> !g.name().equals("payments") ? g
          : g.newBuilder().routes(g.routes().stream().map(r -> !r.path().equals("/health") ? r : new Route(r.method(), r.path(),
              r.authorization(), r.authorizer(), r.scopes(), r.apiKeyRequired(), new Integration.Http(backend.url("/health").toString()),
              r.throttle())).toList()).build()).toList()).build();
      SavedRequest health = new SavedRequest("health", null, null, "payments", "GET", "/health", Map.of(), Map.of(), null,
          "anonymous", Map.of(), null, null);
      try (Session session = Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
        Trace first = session.run(health, null, ChallengeHandler.none());
        assertThat(backend.getRequestCount()).as("backend calls after one send").isEqualTo(1);
        session.run(health, null, ChallengeHandler.none());
        assertThat(backend.getRequestCount()).as("backend calls after two sends").isEqualTo(2);

        Step.Predict predict = (Step.Predict) first.step(Step.Kind.PREDICT).orElseThrow();
        assertThat(predict.outcome()).isEqualTo(Outcome.OK);
        assertThat(predict.prediction().allows()).isTrue();
        assertThat(predict.summary()).startsWith("The rule book predicts an allow; the status is the http integration's backend's")
            .contains("not called a second time here");
        Step ruling = first.step(Step.Kind.RULING).orElseThrow();
        assertThat(ruling.summary()).startsWith("Allowed by the local gateway");
        assertThat(ruling.details()).noneMatch(d -> d.label().equals("prediction differed"));
        assertThat(first.verdict().actual().status()).isEqualTo(201);
      }
    }
  }
}
