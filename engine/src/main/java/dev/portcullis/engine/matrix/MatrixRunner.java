package dev.portcullis.engine.matrix;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Expectation;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.trace.RequestSummary;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.TraceBuilder;
import dev.portcullis.engine.trace.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs every (caller, route) pair of a workspace through a {@link Session}. Each cell sends the
 * saved request for that route and caller when there is one (judged on its expectation), else a
 * request made up for the route (judged on allow versus deny, derived from the route's
 * authorisation and the caller). Credentials come from the session's cache, so each caller logs in
 * once. Callers run {@code parallel} at a time; one caller's cells run in order, since the
 * gateway's authoriser cache and usage plans are keyed by the caller's credential (see
 * {@code MatrixPlan}). Blocking; call it off any UI thread.
 */
public final class MatrixRunner {
  private final Session session;

  private MatrixRunner(Session session) {
    this.session = Objects.requireNonNull(session, "session");
  }

  public static MatrixRunner create(Session session) {
    return new MatrixRunner(session);
  }

  /**
   * Runs the cells {@code spec} selects; stops starting cells once {@code cancelled} says so.
   *
   * @throws IllegalArgumentException when the spec names a caller the workspace lacks, or its glob matches no route
   */
  public Matrix run(MatrixSpec spec, ProgressListener progress, BooleanSupplier cancelled) {
    Instant start = session.clock().instant();
    MatrixPlan plan = MatrixPlan.of(session.workspace(), spec);
    List<MatrixCell> cells = java.util.Collections.synchronizedList(new ArrayList<>());
    Object lock = new Object();
    int[] done = {0};
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(spec.parallel(), Math.max(1, plan.queues().size())),
        Thread.ofPlatform().name("matrix-", 0).daemon(true).factory());
    try {
      for (List<CellPlan> queue : plan.queues()) {
        pool.submit(() -> {
          for (CellPlan p : queue) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
              return;
            }
            MatrixCell cell = runCell(p);
            cells.add(cell);
            synchronized (lock) {
              progress.cellDone(++done[0], plan.total(), cell);
            }
          }
        });
      }
    } finally {
      awaitAll(pool);
    }
    List<MatrixCell> ordered = new ArrayList<>(cells);
    ordered.sort(Comparator.comparingInt((MatrixCell c) -> plan.rows().indexOf(c.row())).thenComparingInt(c -> plan.callers().indexOf(c.caller())));
    return new Matrix(plan.rows(), plan.callers(), ordered, Duration.between(start, session.clock().instant()));
  }

  /** Saved requests the matrix leaves out and why (bursts, quotas, skewed clocks), for a report's footnote. */
  public List<String> excluded(MatrixSpec spec) {
    return MatrixPlan.of(session.workspace(), spec).excluded();
  }

  private static void awaitAll(ExecutorService pool) {
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // cells end on their own: every send has a timeout
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private MatrixCell runCell(CellPlan p) {
    Trace trace = send(p);
    Expected expected = expected(p, trace, session.variables());
    return new MatrixCell(p.gateway().name(), p.route().key(), p.caller().name(), expected, trace, judge(expected, trace));
  }

  private Trace send(CellPlan p) {
    try {
      return session.run(p.request(), p.caller().name(), ChallengeHandler.none());
    } catch (RuntimeException e) {
      // the runner turns failures into steps; this guards a cell against a fault so the other cells still run
      RequestSummary summary = new RequestSummary(p.request().name(), p.request().method(), p.request().path(), p.caller().name(),
          session.target().describe());
      return TraceBuilder.start(session.newId(), summary, session.clock())
          .abort("the request could not run: " + e.getMessage(), p.request().expect());
    }
  }

  private static Expected expected(CellPlan p, Trace trace, dev.portcullis.engine.store.Variables variables) {
    Expectation saved = p.saved() ? p.request().expect() : null;
    if (saved == null || saved.status() == null) {
      Expected derived = Derivation.derive(p.gateway(), p.route(), p.caller(), trace, variables);
      return p.saved() ? new Expected(derived.status(), derived.allow(), derived.source(),
          derived.why() + " (saved request '" + p.request().name() + "' names no status)") : derived;
    }
    boolean allow = saved.status() >= 200 && saved.status() < 400;
    return new Expected(saved.status(), allow, Expected.Source.SAVED, "saved request '" + p.request().name() + "'");
  }

  static CellResult judge(Expected expected, Trace trace) {
    Verdict v = trace.verdict();
    if (v.result() == Verdict.Result.INCOMPLETE || v.actual() == null) {
      return CellResult.ERROR;
    }
    if (!expected.known()) {
      return CellResult.UNKNOWN;
    }
    if (v.allowed() && !expected.allow()) {
      return CellResult.UNEXPECTED_ALLOW;
    }
    if (!v.allowed() && expected.allow()) {
      return CellResult.UNEXPECTED_DENY;
    }
    boolean savedMiss = expected.source() == Expected.Source.SAVED && v.result() == Verdict.Result.MISMATCHED;
    return savedMiss ? CellResult.MISMATCH : CellResult.MATCH;
  }

}
