package dev.portcullis.bench;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's overhead per request (issue: "over a bare OkHttp call to the same local endpoint; aim
 * under 2 ms at p99"): {@link #bareOkHttp} is one GET with a plain OkHttp client, {@link #engineRun}
 * the same request through {@link Session#run} — credential lookup, inspection, prediction by the
 * rule book, the exchange with phase timings, the ruling fetched from the local gateway's log, the
 * context and the verdict. Both go to the demo's {@code GET /health} on the local gateway, so the
 * difference is the engine's own work.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class OverheadBenchmark {
  private Session session;
  private SavedRequest health;
  private SavedRequest partner;
  private OkHttpClient client;
  private Request bare;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Workspace demo = DemoWorkspace.load();
    session = Session.local(demo, Clock.systemUTC(), true, (where, label) -> Optional.empty(), line -> { });
    health = demo.request("health (no auth)").orElseThrow();
    partner = demo.request("transactions as acme").orElseThrow();
    client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    bare = new Request.Builder().url(session.world().orElseThrow().apiUrls().get("payments") + "/health").build();
    require(engineRun());
    require(engineRunApiKeyAndLambda());
  }

  private static void require(Trace t) {
    if (t.verdict().result() != Verdict.Result.MATCHED) {
      throw new IllegalStateException("benchmark request does not meet its expectation: " + t.verdict().sentence());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
  }

  @Benchmark
  public int bareOkHttp() throws IOException {
    try (Response r = client.newCall(bare).execute()) {
      return r.body().bytes().length + r.code();
    }
  }

  @Benchmark
  public Trace engineRun() {
    return session.run(health, "anonymous", ChallengeHandler.none());
  }

  /** An API-key partner through the Lambda authoriser (cached) and the echo integration: a richer trace. */
  @Benchmark
  public Trace engineRunApiKeyAndLambda() {
    return session.run(partner, null, ChallengeHandler.none());
  }
}
