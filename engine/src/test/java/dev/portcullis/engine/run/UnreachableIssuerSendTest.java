package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.export.TraceExport;
import java.time.Clock;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * spec/apigw-facts.md §3, "JWKS fetch, caching and timeouts": a JWT authoriser whose issuer cannot
 * give its keys refuses with 401. A local send predicts the answer and then has the local gateway
 * decide it: the two share one key cache, so the issuer is asked once per send, not once by each,
 * and a failure is remembered for {@code JwksSource.FAILURE_HOLD} (how soon AWS retries is undocumented).
 */
class UnreachableIssuerSendTest {
  private final MockWebServer issuer = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    issuer.start();
  }

  @AfterEach
  void stop() throws Exception {
    issuer.close();
  }

  /** The demo with the mobile API's JWT issuer moved to a server that answers 503 to everything. */
  private Workspace failingIssuer() throws Exception {
    return dev.portcullis.engine.testing.DemoVariants.mobileIssuer(issuer.url("/us-east-1_Local01").toString());
  }

  @Test
  void theIssuerIsAskedOncePerSendAndAFailureIsRememberedBriefly() throws Exception {
    for (int i = 0; i < 4; i++) {
      issuer.enqueue(new MockResponse.Builder().code(503).body("down").build());
    }
    Workspace ws = failingIssuer();
    try (Session session = Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      Trace first = session.run(ws.request("v2 me as alice").orElseThrow(), null, ChallengeHandler.none());
      assertThat(first.verdict().sentence()).contains("401");
      assertThat(issuer.getRequestCount()).as("the prediction's discovery request served the gateway's decision too").isEqualTo(1);

      Trace second = session.run(ws.request("v2 me as alice").orElseThrow(), null, ChallengeHandler.none());
      assertThat(second.verdict().sentence()).contains("401");
      assertThat(issuer.getRequestCount()).as("within the hold, nobody asks again").isEqualTo(1);
      assertThat(TraceExport.create(session.masking()).toMarkdown(second))
          .contains("503", "remembered", "how soon API Gateway retries a failed fetch is undocumented");
    }
  }
}
