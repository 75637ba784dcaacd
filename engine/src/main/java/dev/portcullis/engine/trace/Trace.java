package dev.portcullis.engine.trace;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The story of one request: acquire, inspect, predict, send, ruling, context, verdict, in that
 * order (steps that did not apply are absent or SKIPPED). Built by {@link TraceBuilder}, exported
 * masked by {@code trace.export.TraceExport}.
 */
public record Trace(String id, Instant startedAt, RequestSummary request, List<Step> steps, Verdict verdict) {
  public Trace {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a trace needs an id");
    }
    Objects.requireNonNull(startedAt, "trace start time");
    Objects.requireNonNull(request, "trace request");
    Objects.requireNonNull(verdict, "trace verdict");
    steps = steps == null ? List.of() : List.copyOf(steps);
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).kind().compareTo(steps.get(i - 1).kind()) < 0) {
        throw new IllegalArgumentException("trace " + id + ": step " + steps.get(i).kind()
            + " comes after " + steps.get(i - 1).kind() + "; steps follow the pipeline order");
      }
    }
  }

  /** The first step of {@code kind}, if the trace has one. */
  public java.util.Optional<Step> step(Step.Kind kind) {
    return steps.stream().filter(s -> s.kind() == kind).findFirst();
  }
}
