package dev.portcullis.engine.handler;

import dev.portcullis.engine.handler.Invocation.Outcome;
import dev.portcullis.engine.model.LambdaFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The warm workers of a running world, one per handler function, reused between calls as Lambda
 * reuses an execution environment: module-level state survives; a crash or a timeout discards the
 * worker and the next call starts a new one (a cold start, and the trace says why). Calls of one
 * function are served one at a time, as one execution environment serves them. {@link #close()}
 * stops every worker; the bootstraps also exit when their input closes or their parent dies, so a
 * killed JVM leaves no workers behind.
 */
public final class HandlerWorkers implements AutoCloseable {
  /** Lambda's init phase limit. */
  static final long INIT_LIMIT_MILLIS = 10_000;
  private final Runtimes runtimes;
  private final LongSupplier nanoTime;
  private final Supplier<String> requestIds;
  private final Map<LambdaFunction.Handler, Slot> slots = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    volatile Worker worker;
    CodeStamp stamp;
    String restartReason = "";
  }

  private HandlerWorkers(Runtimes runtimes, LongSupplier nanoTime, Supplier<String> requestIds) {
    this.runtimes = Objects.requireNonNull(runtimes);
    this.nanoTime = Objects.requireNonNull(nanoTime);
    this.requestIds = Objects.requireNonNull(requestIds);
  }

  /** Runtimes from the PATH, request ids random as Lambda's. No process starts before the first call. */
  public static HandlerWorkers create() {
    return create(Runtimes.onPath(), System::nanoTime, () -> UUID.randomUUID().toString());
  }

  public static HandlerWorkers create(Runtimes runtimes, LongSupplier nanoTime, Supplier<String> requestIds) {
    return new HandlerWorkers(runtimes, nanoTime, requestIds);
  }

  public Runtimes runtimes() {
    return runtimes;
  }

  /**
   * Calls the function once with {@code event}.
   *
   * @param environment the function's environment variables, secrets already resolved
   * @param region what {@code AWS_REGION} says in the worker
   * @param timeoutMillis how long the call may take (the function's timeout, capped by the gateway's)
   */
  public Invocation invoke(LambdaFunction.Handler function, Map<String, String> environment, String region,
      Map<String, Object> event, long timeoutMillis) {
    if (closed) {
      return Invocation.notRun("the local world has stopped, and its handler workers with it");
    }
    Slot slot = slots.get(function);
    if (slot == null) {
      retire(function);
      slot = slots.computeIfAbsent(function, f -> new Slot());
    }
    slot.lock.lock();
    try {
      if (closed) {
        return Invocation.notRun("the local world has stopped, and its handler workers with it");
      }
      String note = "";
      if (slot.worker != null && slot.worker.alive() && !slot.stamp.equals(CodeStamp.of(slot.stamp.folder()))) {
        slot.worker.close();
        slot.worker = null;
        slot.restartReason = "the code in " + slot.stamp.folder() + " changed since the worker started";
      }
      if (slot.worker == null || !slot.worker.alive()) {
        if (slot.worker != null) {
          slot.restartReason = "the previous worker (pid " + slot.worker.pid() + ") exited with status "
              + slot.worker.exitStatus() + " after its last call";
          slot.worker.close();
          slot.worker = null;
        }
        Runtimes.Lookup lookup = runtimes.find(function.onNode() ? Runtimes.Family.NODEJS : Runtimes.Family.PYTHON);
        if (lookup instanceof Runtimes.Missing missing) {
          return Invocation.notRun(missing.message());
        }
        Runtimes.Found runtime = (Runtimes.Found) lookup;
        Path code = Path.of(function.codeUri()).toAbsolutePath().normalize();
        if (!Files.isDirectory(code)) {
          return Invocation.notRun("the code folder " + code + " does not exist or is not a folder");
        }
        try {
          slot.stamp = CodeStamp.of(code);
          slot.worker = start(function, runtime, code, environment, region);
        } catch (Worker.StartFailure e) {
          Invocation failed = Invocation.notRun(e.getMessage());
          return new Invocation(failed.outcome(), true, runtime.version(), 0, 0, 0, 0, e.console, slot.restartReason, "");
        }
        note = slot.restartReason.isEmpty() ? "" : slot.restartReason + "; started a new worker (pid "
            + slot.worker.pid() + "), so this is a cold start and module state was lost";
        slot.restartReason = "";
      }
      Invocation result = slot.worker.invoke(requestIds.get(), event, timeoutMillis, note);
      switch (result.outcome()) {
        case Outcome.TimedOut t -> discard(slot, "the previous worker was killed when a call ran past its "
            + t.limitMillis() + " ms timeout");
        case Outcome.Crashed c -> discard(slot, "the previous worker crashed (" + c.detail() + ")");
        default -> { }
      }
      return result;
    } finally {
      slot.lock.unlock();
    }
  }

  /**
   * A function edited in the workspace (other variables, timeout, memory) gets a new slot; the old
   * configuration's worker is stopped, not left running until the world stops.
   */
  private void retire(LambdaFunction.Handler edited) {
    slots.forEach((old, slot) -> {
      if (old.codeUri().equals(edited.codeUri()) && old.handler().equals(edited.handler()) && slot.lock.tryLock()) {
        try {
          if (slot.worker != null) {
            slot.worker.close();
            slot.worker = null;
          }
        } finally {
          slot.lock.unlock();
        }
      }
    });
  }

  private static void discard(Slot slot, String reason) {
    slot.worker.kill();
    slot.worker = null;
    slot.restartReason = reason;
  }

  private Worker start(LambdaFunction.Handler function, Runtimes.Found runtime, Path code, Map<String, String> environment,
      String region) throws Worker.StartFailure {
    List<String> command = new ArrayList<>();
    command.add(runtime.executable().toString());
    if (runtime.family() == Runtimes.Family.NODEJS) {
      command.add("--max-old-space-size=" + Math.max(32, function.memoryMb() * 9 / 10));
    }
    try {
      command.add(Bootstraps.file(runtime.family()).toString());
    } catch (IOException e) {
      throw new Worker.StartFailure("the " + runtime.family().label() + " bootstrap could not be written to the "
          + "temporary folder: " + e.getMessage(), "");
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(code.toFile());
    Map<String, String> env = builder.environment();
    Map<String, String> inherited = Map.copyOf(env);
    env.clear();
    // Lambda's environment is not the developer's shell: only what a process needs to start, then the function's own.
    inherited.forEach((name, value) -> {
      if (PASSED_THROUGH.contains(name.toUpperCase(java.util.Locale.ROOT))) {
        env.put(name, value);
      }
    });
    env.putAll(environment);
    env.putAll(LambdaEnvironment.reserved(function, code, region, runtime));
    env.put("PORTCULLIS_PARENT_PID", String.valueOf(ProcessHandle.current().pid())); // read and removed by the bootstrap
    // TRUST: this is the one place a handler's code starts running. The workspace-trust gate (issue 12) must
    // have approved this function (its codeUri and handler, and the folder's content hash) before we get here,
    // exactly as for the command kind.
    return Worker.start(builder, runtime, INIT_LIMIT_MILLIS, nanoTime);
  }

  /** What a runtime needs from the parent's environment to start (Windows spells PATH as Path). */
  private static final java.util.Set<String> PASSED_THROUGH = java.util.Set.of("PATH", "HOME", "USERPROFILE", "LANG",
      "SYSTEMROOT", "TMPDIR", "TEMP", "TMP");

  /** The pids of the running workers (for the console, and for tests that check nothing is left behind). */
  public List<Long> pids() {
    return slots.values().stream().map(s -> s.worker).filter(w -> w != null && w.alive()).map(Worker::pid).toList();
  }

  /**
   * Stops every worker; later calls answer that the world has stopped. An idle worker is asked to
   * exit (end of input); one in the middle of a call is killed, and that call answers as a crash.
   */
  @Override
  public void close() {
    closed = true;
    for (Slot slot : slots.values()) {
      if (slot.lock.tryLock()) {
        try {
          if (slot.worker != null) {
            slot.worker.close();
            slot.worker = null;
          }
        } finally {
          slot.lock.unlock();
        }
      } else {
        Worker busy = slot.worker;
        if (busy != null) {
          busy.kill();
        }
      }
    }
  }
}
