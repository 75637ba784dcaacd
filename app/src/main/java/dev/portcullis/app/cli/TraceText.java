package dev.portcullis.app.cli;

import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;

/** A trace for the terminal: one line per step with its outcome, then the verdict. Masked like every export. */
final class TraceText {
  private TraceText() {}

  static String render(Trace trace, Masking masking) {
    StringBuilder out = new StringBuilder();
    out.append(trace.request().method()).append(' ').append(trace.request().url()).append(" as ").append(trace.request().caller())
        .append(" (").append(trace.request().target()).append(")\n");
    for (Step s : trace.steps()) {
      out.append(String.format("  %-4s %-8s %s%n", mark(s), s.kind().name().toLowerCase(java.util.Locale.ROOT), s.summary()));
      if (s instanceof Step.Ruling r && r.explanation() != null && r.explanation().answer() != null
          && !r.explanation().answer().lookUp().isEmpty()) {
        out.append("                ").append(r.explanation().answer().lookUp()).append('\n');
      }
    }
    out.append(trace.verdict().sentence()).append('\n');
    return masking.scrubText(out.toString());
  }

  private static String mark(Step s) {
    return switch (s.outcome()) {
      case OK -> "ok";
      case WARN -> "warn";
      case FAIL -> "FAIL";
      case SKIPPED -> "-";
    };
  }
}
