package dev.portcullis.engine.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.engine.gateway.LocalWorld;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.rules.HandlerFixtures;
import dev.portcullis.engine.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Workers end with what started them: the local world's close, or the death of the JVM itself. */
class WorkerLifecycleTest {
  private static final String ACME_KEY = "local-acme-3f9a1b7c5d2e4f60a1b2c3d4";

  private static Runtimes.Found needs(Runtimes.Family family) {
    Runtimes.Lookup found = Runtimes.onPath().find(family);
    assumeTrue(found instanceof Runtimes.Found, () -> ((Runtimes.Missing) found).message());
    return (Runtimes.Found) found;
  }

  private static List<ProcessHandle> workerProcesses(ProcessHandle root, String executable) {
    String real;
    try {
      real = Path.of(executable).toRealPath().toString();
    } catch (java.io.IOException e) {
      real = executable;
    }
    List<String> names = List.of(executable, real);
    List<ProcessHandle> found = new ArrayList<>();
    root.descendants().filter(p -> p.info().command().map(names::contains).orElse(false)).forEach(found::add);
    return found;
  }

  private static void assertAllGone(List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle p : processes) {
      p.onExit().get(5, TimeUnit.SECONDS);
      assertThat(p.isAlive()).as("worker pid %d", p.pid()).isFalse();
    }
  }

  @Test
  @DisplayName("a handler answers through the running local world over HTTP; stopping the world stops its worker")
  void workersStopWithTheWorld() throws Exception {
    Runtimes.Found node = needs(Runtimes.Family.NODEJS);
    List<ProcessHandle> before = workerProcesses(ProcessHandle.current(), node.executable().toString());
    LambdaFunction.Handler gate = new LambdaFunction.Handler("partner-gate", "nodejs20.x",
        HandlerFixtures.handlerFolder("any-case-node").toString(), "index.handler", Map.of(), 3, 128);
    LocalWorld world = LocalWorld.start(HandlerFixtures.demoWithPartnerFunction(gate),
        new MutableClock(Instant.parse("2026-03-02T10:00:00Z")), true, line -> { });
    List<ProcessHandle> workers;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(world.apiUrls().get("payments") + "/partners/acme/transactions"))
          .timeout(Duration.ofSeconds(20)).header("x-api-key", ACME_KEY).header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 1}")).build();
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).contains("\"tenantId\":\"acme-001\"");
      workers = workerProcesses(ProcessHandle.current(), node.executable().toString());
      workers.removeAll(before);
      assertThat(workers).as("one warm worker for the partner gate").hasSize(1);
    } finally {
      world.close();
    }
    assertAllGone(workers);
  }

  @Test
  @DisplayName("a local session runs the saved request through the handler in the gateway's worker only; closing it stops it")
  void sessionCloseStopsPredictorAndGatewayWorkers() throws Exception {
    Runtimes.Found node = needs(Runtimes.Family.NODEJS);
    List<ProcessHandle> before = workerProcesses(ProcessHandle.current(), node.executable().toString());
    LambdaFunction.Handler gate = new LambdaFunction.Handler("partner-gate", "nodejs20.x",
        HandlerFixtures.handlerFolder("any-case-node").toString(), "index.handler", Map.of(), 3, 128);
    var ws = HandlerFixtures.demoWithPartnerFunction(gate);
    List<ProcessHandle> workers;
    try (var session = dev.portcullis.engine.run.Session.local(ws, java.time.Clock.systemUTC(), true,
        (where, label) -> java.util.Optional.empty(), line -> { })) {
      var trace = session.run(ws.request("transactions as acme").orElseThrow(), null,
          dev.portcullis.engine.identity.ChallengeHandler.none());
      assertThat(trace.verdict().result()).as(trace.verdict().sentence())
          .isEqualTo(dev.portcullis.engine.trace.Verdict.Result.MATCHED);
      workers = workerProcesses(ProcessHandle.current(), node.executable().toString());
      workers.removeAll(before);
      assertThat(workers).as("the gateway's worker; the predictor does not run the handler a second time").hasSize(1);
    }
    assertAllGone(workers);
  }

  @Test
  @DisplayName("a worker whose parent is killed (no close, input still open) exits by itself: no orphans")
  void workersDieWithTheirParent() throws Exception {
    for (Runtimes.Family family : Runtimes.Family.values()) {
      Runtimes.Lookup lookup = Runtimes.onPath().find(family);
      if (!(lookup instanceof Runtimes.Found runtime)) {
        continue;
      }
      Path code = HandlerFixtures.handlerFolder(family == Runtimes.Family.NODEJS ? "seed-node" : "seed-python");
      String handler = family == Runtimes.Family.NODEJS ? "index.handler" : "app.lambda_handler";
      // sh is the worker's parent; sleep keeps the worker's input open, so only the parent watch can end it.
      ProcessBuilder builder = new ProcessBuilder("sh", "-c",
          "sleep 60 | PORTCULLIS_PARENT_PID=$$ \"$RUNTIME\" \"$BOOTSTRAP\"");
      Map<String, String> env = builder.environment();
      env.put("RUNTIME", runtime.executable().toString());
      env.put("BOOTSTRAP", Bootstraps.file(family).toString());
      env.put("LAMBDA_TASK_ROOT", code.toString());
      env.put("_HANDLER", handler);
      Process sh = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      List<ProcessHandle> worker = List.of();
      for (int i = 0; i < 50 && worker.isEmpty(); i++) {
        Thread.sleep(100);
        worker = workerProcesses(sh.toHandle(), runtime.executable().toString());
      }
      assertThat(worker).as(family + " worker started under sh").hasSize(1);
      List<ProcessHandle> started = worker;
      List<ProcessHandle> sleeps = sh.descendants().filter(p -> !started.contains(p)).toList();
      sh.destroyForcibly();
      try {
        assertAllGone(worker);
      } finally {
        sleeps.forEach(ProcessHandle::destroyForcibly);
        worker.forEach(ProcessHandle::destroyForcibly);
      }
    }
    assumeTrue(Runtimes.onPath().find(Runtimes.Family.NODEJS) instanceof Runtimes.Found
        || Runtimes.onPath().find(Runtimes.Family.PYTHON) instanceof Runtimes.Found, "neither node nor python3 is installed");
  }

  @Test
  @DisplayName("closed workers refuse further calls with a sentence, and start nothing")
  void closedPoolRunsNothing() {
    HandlerWorkers workers = HandlerWorkers.create();
    workers.close();
    Invocation inv = workers.invoke(HandlerFixtures.seedNode(), Map.of(), "us-east-1", Map.of(), 1000);
    assertThat(inv.outcome()).isEqualTo(new Invocation.Outcome.NotRun("the local world has stopped, and its handler workers with it"));
    assertThat(workers.pids()).isEmpty();
  }

  @Test
  @DisplayName("a missing code folder is named, nothing starts")
  void missingFolder() {
    try (HandlerWorkers workers = HandlerWorkers.create()) {
      needs(Runtimes.Family.NODEJS);
      Invocation inv = workers.invoke(new LambdaFunction.Handler(null, "nodejs", "no/such/folder", "index.handler", null, 3, 128),
          Map.of(), "us-east-1", Map.of(), 1000);
      assertThat(((Invocation.Outcome.NotRun) inv.outcome()).reason()).contains("no/such/folder").contains("does not exist");
    }
  }
}
