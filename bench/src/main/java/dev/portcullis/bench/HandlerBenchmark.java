package dev.portcullis.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.portcullis.engine.handler.HandlerWorkers;
import dev.portcullis.engine.handler.Invocation;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * The {@code handler} kind's cost (issue 17: "warm invocation overhead per call against the same
 * handler run directly in Node, and a cold start"): {@link #warmInvoke} is one call of the seed's
 * partner gate in its warm worker, event out and answer parsed back; {@code bench/handlers/direct.js}
 * runs the same handler on the same event inside Node for the baseline; {@link Cold#coldStart}
 * starts a new worker (process start, bootstrap, module load) and makes its first call.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class HandlerBenchmark {
  static LambdaFunction.Handler function() {
    String dir = System.getenv().getOrDefault("PORTCULLIS_BENCH_HANDLER", "engine/src/test/resources/handlers/seed-node");
    return new LambdaFunction.Handler("partner-gate", "nodejs20.x", Path.of(dir).toAbsolutePath().toString(),
        "index.handler", Map.of(), 3, 128);
  }

  static Map<String, Object> event() throws Exception {
    String file = System.getenv().getOrDefault("PORTCULLIS_BENCH_EVENT", "bench/handlers/event.json");
    return Json.mapper().readValue(Files.readString(Path.of(file)), new TypeReference<Map<String, Object>>() {});
  }

  private HandlerWorkers workers;
  private LambdaFunction.Handler function;
  private Map<String, Object> event;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    workers = HandlerWorkers.create();
    function = function();
    event = event();
    require(warmInvoke());
  }

  static Invocation require(Invocation inv) {
    if (!(inv.outcome() instanceof Invocation.Outcome.Returned r) || r.payload() == null) {
      throw new IllegalStateException("the benchmark handler did not answer: " + inv.outcome());
    }
    return inv;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    workers.close();
  }

  @Benchmark
  public Invocation warmInvoke() {
    return workers.invoke(function, Map.of(), "us-east-1", event, 3_000);
  }

  /** A new execution environment per call: what the first request after a start (or a crash) pays. */
  @State(Scope.Thread)
  public static class Cold {
    HandlerWorkers workers;
    LambdaFunction.Handler function;
    Map<String, Object> event;

    @Setup(Level.Trial)
    public void load() throws Exception {
      function = function();
      event = event();
    }

    @Setup(Level.Invocation)
    public void fresh() {
      workers = HandlerWorkers.create();
    }

    @TearDown(Level.Invocation)
    public void stop() {
      workers.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 30, batchSize = 1)
    @Fork(1)
    public Invocation coldStart() {
      return require(workers.invoke(function, Map.of(), "us-east-1", event, 3_000));
    }
  }
}
