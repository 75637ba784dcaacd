package dev.portcullis.engine.trace;

import dev.portcullis.engine.model.Expectation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects steps while a request runs. The runner starts a {@link Timer} before each step, builds
 * the step with {@code timer.elapsed()}, and adds it; {@link #finish} closes the trace with the
 * verdict. Time comes from the injected clock so tests are deterministic. Not thread-safe: one
 * runner owns one builder.
 */
public final class TraceBuilder {
  private final String id;
  private final RequestSummary request;
  private final Clock clock;
  private final Instant startedAt;
  private final List<Step> steps = new ArrayList<>();

  private TraceBuilder(String id, RequestSummary request, Clock clock) {
    this.id = id;
    this.request = Objects.requireNonNull(request, "request");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.startedAt = clock.instant();
  }

  /** Starts a trace now (by {@code clock}); {@code id} is usually the runner's request id. */
  public static TraceBuilder start(String id, RequestSummary request, Clock clock) {
    return new TraceBuilder(id, request, clock);
  }

  /** A stopwatch on the builder's clock, started now. */
  public Timer timer() {
    return new Timer(clock, clock.instant());
  }

  /**
   * Adds the next step. Steps must follow the pipeline order; adding one out of order is a bug in
   * the runner, so it fails at once rather than producing a confusing trace.
   */
  public TraceBuilder add(Step step) {
    Objects.requireNonNull(step, "step");
    if (!steps.isEmpty() && step.kind().compareTo(steps.getLast().kind()) < 0) {
      throw new IllegalStateException("trace " + id + ": cannot add " + step.kind() + " after "
          + steps.getLast().kind() + "; steps follow the pipeline order");
    }
    steps.add(step);
    return this;
  }

  /** The steps so far, for a view that shows a trace while it grows. */
  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** Closes the trace: adds the verdict step (unless one was added) and returns the trace. */
  public Trace finish(Verdict verdict) {
    Objects.requireNonNull(verdict, "verdict");
    if (steps.isEmpty() || steps.getLast().kind() != Step.Kind.VERDICT) {
      steps.add(new Step.Verdict(outcomeOf(verdict), verdict.sentence(), List.of(), Duration.ZERO, verdict));
    }
    return new Trace(id, startedAt, request, steps, verdict);
  }

  /** Closes a trace that stopped early, e.g. because acquiring the credential failed. */
  public Trace abort(String why, Expectation expected) {
    return finish(Verdict.incomplete(why, expected));
  }

  private static Outcome outcomeOf(Verdict verdict) {
    return switch (verdict.result()) {
      case MATCHED -> Outcome.OK;
      // nothing was expected: a denial is the answer, not a success to tick
      case NO_EXPECTATION -> verdict.allowed() ? Outcome.OK : Outcome.WARN;
      case MISMATCHED, INCOMPLETE -> Outcome.FAIL;
    };
  }

  /** A started stopwatch. */
  public static final class Timer {
    private final Clock clock;
    private final Instant started;

    private Timer(Clock clock, Instant started) {
      this.clock = clock;
      this.started = started;
    }

    /** Time since the timer started; never negative, even if the clock steps back. */
    public Duration elapsed() {
      Duration elapsed = Duration.between(started, clock.instant());
      return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
  }
}
