package dev.portcullis.engine.handler;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call of a handler in its worker, as the trace tells it.
 *
 * @param outcome what the handler answered, or why it did not
 * @param coldStart whether this call started the worker (a new execution environment)
 * @param runtime the version that ran, e.g. {@code Node.js v20.20.2}; null when nothing ran
 * @param startMillis a cold start's cost before the handler ran: process start and module load
 *     (0 when warm), shown apart from the handler's own time
 * @param initMillis the part of {@code startMillis} spent loading the handler's module
 * @param handlerMillis the handler's own time, measured inside the worker
 * @param roundTripMillis from writing the event to reading the answer (handler plus protocol)
 * @param console what the handler printed (console.*, print, stderr), in order; stderr lines marked
 * @param note what the worker pool did that the user should know (a crashed worker was replaced)
 * @param memoryLimit how the worker holds the function to its memory ("enforced: ..." or "not enforced: ..."), as
 *     its runtime reported it; empty when nothing ran
 */
public record Invocation(Outcome outcome, boolean coldStart, String runtime, double startMillis, double initMillis,
    double handlerMillis, double roundTripMillis, String console, String note, String memoryLimit) {
  public Invocation {
    Objects.requireNonNull(outcome, "outcome");
    console = console == null ? "" : console;
    note = note == null ? "" : note;
    memoryLimit = memoryLimit == null ? "" : memoryLimit;
  }

  static Invocation notRun(String reason) {
    return new Invocation(new Outcome.NotRun(reason), false, null, 0, 0, 0, 0, "", "", "");
  }

  /** What came back. */
  public sealed interface Outcome {
    /** The handler returned (or called back with) this value; null when it returned nothing or a non-object. */
    record Returned(Map<String, Object> payload, Object value) implements Outcome {}

    /** The handler threw, rejected, or called back with an error. */
    record Raised(String errorType, String errorMessage, List<String> trace) implements Outcome {
      public Raised {
        trace = trace == null ? List.of() : List.copyOf(trace);
      }
    }

    /** It ran past its timeout; the worker was killed (Lambda discards the environment too). */
    record TimedOut(long limitMillis) implements Outcome {}

    /** The worker process died while the handler ran; the next call starts a new one. */
    record Crashed(String detail) implements Outcome {}

    /** Nothing ran: runtime missing, code folder missing, module failed to load, pool stopped. */
    record NotRun(String reason) implements Outcome {}
  }
}
