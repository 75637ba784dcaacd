package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Expectation;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.send.Cancellation;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A send to an endpoint that takes 30 s to answer, stopped by the person after a moment. */
class CancellationTest {
  private final MockWebServer slow = new MockWebServer();
  private Session session;
  private Workspace ws;

  @BeforeEach
  void start() throws Exception {
    slow.start();
    for (int i = 0; i < 40; i++) {
      slow.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(30, TimeUnit.SECONDS).build());
    }
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    String base = slow.url("/prod").toString();
    List<Gateway> gateways = demo.gateways().stream().map(g -> new Gateway(g.name(), g.flavor(), g.region(), g.accountId(), g.apiId(),
        g.stage(), base, g.localPort(), g.apiKeySource(), g.routes(), g.authorizers(), g.usagePlans(), g.resourcePolicy())).toList();
    ws = new Workspace(demo.schemaVersion(), demo.name(), demo.description(), demo.variables(), demo.defaultCaller(), gateways,
        demo.callers(), demo.folders(), demo.requests(), demo.environments(), demo.emulator());
    session = Session.remote(ws, "aws-dev").build();
  }

  @AfterEach
  void stop() throws Exception {
    session.close();
    slow.close();
  }

  private Trace cancelAfter(SavedRequest request, Duration after) throws Exception {
    Cancellation cancel = Cancellation.create();
    CompletableFuture<Trace> running = CompletableFuture.supplyAsync(() -> session.run(request, null, ChallengeHandler.none(), cancel));
    Thread.sleep(after.toMillis());
    long at = System.nanoTime();
    cancel.cancel();
    Trace trace = running.get(5, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - at)).as("the run stops soon after the cancel").isLessThan(Duration.ofSeconds(3));
    return trace;
  }

  @Test
  void cancellingASlowSendEndsTheTraceAtOnceAndSaysSo() throws Exception {
    Trace trace = cancelAfter(ws.request("health (no auth)").orElseThrow(), Duration.ofMillis(700));

    assertThat(trace.verdict().result()).isEqualTo(Verdict.Result.INCOMPLETE);
    assertThat(trace.verdict().sentence()).isEqualTo("No answer to judge: cancelled by you while the request was being sent");
    assertThat(trace.step(Step.Kind.SEND)).get().satisfies(s -> assertThat(s.summary()).startsWith("Cancelled before"));
  }

  @Test
  void cancellingABurstStopsItsRepeats() throws Exception {
    SavedRequest health = ws.request("health (no auth)").orElseThrow();
    SavedRequest burst = new SavedRequest("burst", null, null, health.gateway(), "GET", health.path(), null, null, null, "anonymous",
        null, null, new Expectation(200, null, null, null, 400));

    Trace trace = cancelAfter(burst, Duration.ofMillis(700));

    assertThat(trace.verdict().sentence()).contains("cancelled by you");
    assertThat(slow.getRequestCount()).as("no more repeats go out after the cancel").isLessThanOrEqualTo(32);
  }
}
