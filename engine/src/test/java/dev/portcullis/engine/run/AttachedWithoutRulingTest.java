package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.attach.WorldRecord;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trust.TrustGate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A {@code gateway serve} that answered but no longer has the request's ruling (its log's bound passed, or an
 * older build): the trace explains the answer from outside, as for AWS, but a local gateway has no CloudWatch, so
 * it must not send the user looking there, nor say "AWS says".
 */
class AttachedWithoutRulingTest {
  @Test
  void theExplainedRulingPointsAtTheLocalGatewayNotCloudWatch() throws Exception {
    try (MockWebServer served = new MockWebServer()) {
      served.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          if (request.getTarget().startsWith("/_portcullis/rulings/")) {
            return new MockResponse.Builder().code(404).body("{\"message\":\"no ruling\"}").build();
          }
          // spec/apigw-facts.md §1.3: an HTTP API's JWT authoriser refusing a request with no token
          return new MockResponse.Builder().code(401).addHeader("apigw-requestid", "Yx1abcDEFghi0ww=")
              .addHeader("www-authenticate", "Bearer").addHeader("Content-Type", "application/json")
              .body("{\"message\":\"Unauthorized\"}").build();
        }
      });
      served.start();
      String url = served.url("/").toString().replaceAll("/$", "");
      Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
      WorldRecord record = new WorldRecord(ProjectFiles.demo().toString(), ProcessHandle.current().pid(), Instant.now(),
          Map.of("mobile", url, "payments", url + "/prod", "b2b", url), url, Map.of(), true);
      SavedRequest me = new SavedRequest("v2 me anonymous", null, null, "mobile", "GET", "/v2/me", null, null, null, "anonymous",
          null, null, null);

      Session session = Session.attached(demo, record, Clock.systemUTC(), (where, label) -> Optional.empty(), TrustGate.open());
      Trace trace = session.run(me, null, ChallengeHandler.none());

      Step.Ruling ruling = (Step.Ruling) trace.step(Step.Kind.RULING).orElseThrow();
      assertThat(ruling.summary()).contains("The local gateway says: www-authenticate Bearer").doesNotContain("AWS says");
      assertThat(ruling.details()).anySatisfy(d -> assertThat(d).isInstanceOfSatisfying(Detail.Text.class, t -> {
        assertThat(t.label()).isEqualTo("look up");
        assertThat(t.text()).contains("Yx1abcDEFghi0ww=", "no longer had the ruling").doesNotContain("CloudWatch");
      }));
      assertThat(ruling.details()).noneSatisfy(d -> assertThat(d.toString()).contains("CloudWatch"));
    }
  }
}
