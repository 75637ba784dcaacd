package dev.portcullis.app.cli;

import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Exchange;
import dev.portcullis.engine.trace.export.JsonOutline;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A trace for the terminal, masked like every export: what was sent, the status and the check
 * that decided it and why (the workbench's headline), a burst's counts, the verdict, then the
 * response body (JSON pretty-printed, cut past {@link #SHOWN_BODY_BYTES} with its size said).
 * One line per step sits between; verbose adds each step's details.
 */
final class TraceText {
  /** Bodies past this are cut: a terminal scrolled through megabytes helps no one. */
  static final int SHOWN_BODY_BYTES = 64 * 1024;

  private TraceText() {}

  static String render(Trace trace, Masking masking) {
    return render(trace, masking, false);
  }

  static String render(Trace trace, Masking masking, boolean verbose) {
    StringBuilder out = new StringBuilder();
    out.append(trace.request().method()).append(' ').append(trace.request().url()).append(" as ").append(trace.request().caller())
        .append(" (").append(trace.request().target()).append(")\n");
    Exchange.ReceivedResponse response = trace.step(Step.Kind.SEND).map(s -> ((Step.Send) s).exchange())
        .map(Exchange::response).orElse(null);
    if (response != null) {
      out.append("HTTP ").append(response.status()).append(trace.verdict().allowed() ? "  allowed" : "  denied")
          .append(trace.verdict().decidedBy() == null ? "" : " by " + trace.verdict().decidedBy()).append('\n');
    }
    trace.step(Step.Kind.RULING).filter(s -> s.outcome() != dev.portcullis.engine.trace.Outcome.SKIPPED)
        .ifPresent(s -> out.append("why: ").append(s.summary()).append('\n'));
    // the workbench's headline: what was decided, why, and the first thing to change
    dev.portcullis.engine.trace.Headline headline = dev.portcullis.engine.trace.Headline.of(trace);
    out.append("answer: ").append(headline.decision()).append('\n');
    if (!headline.change().isEmpty()) {
      out.append("change: ").append(headline.change()).append('\n');
    }
    trace.step(Step.Kind.SEND).flatMap(s -> s.details().stream().filter(d -> d instanceof Detail.Text t && t.label().equals("repeat"))
        .findFirst()).ifPresent(d -> out.append("burst: ").append(((Detail.Text) d).text()).append('\n'));
    for (Step s : trace.steps()) {
      if (s.kind() == Step.Kind.VERDICT && !verbose) {
        continue; // its sentence is the line after the steps
      }
      out.append(String.format("  %-4s %-8s %s%n", mark(s), s.kind().name().toLowerCase(Locale.ROOT), s.summary()));
      if (s instanceof Step.Ruling r && r.explanation() != null && r.explanation().answer() != null
          && !r.explanation().answer().lookUp().isEmpty()) {
        out.append("                ").append(r.explanation().answer().lookUp()).append('\n');
      }
      if (verbose) {
        s.details().forEach(d -> out.append(detail(d)));
      }
    }
    out.append(trace.verdict().sentence()).append('\n');
    if (response != null && !response.body().isEmpty()) {
      out.append('\n').append(body(response)).append('\n');
    }
    return masking.scrubText(out.toString());
  }

  /** The body as a person reads it: pretty JSON, cut with its size said when long. */
  static String body(Exchange.ReceivedResponse response) {
    String text = JsonOutline.pretty(response.body());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= SHOWN_BODY_BYTES) {
      return text;
    }
    String cut = new String(bytes, 0, SHOWN_BODY_BYTES, StandardCharsets.UTF_8);
    return cut + "\n... (cut: the body is " + Math.max(response.size(), response.body().getBytes(StandardCharsets.UTF_8).length)
        + " bytes, the first " + SHOWN_BODY_BYTES + " shown; --format json has it whole)";
  }

  private static String detail(Detail d) {
    return switch (d) {
      case Detail.Text t -> "         " + t.label() + ": " + t.text() + "\n";
      case Detail.Table t -> {
        StringBuilder rows = new StringBuilder("         " + t.label() + ":\n");
        t.rows().forEach(r -> rows.append("           ").append(r.key()).append("  ").append(r.value() == null ? "" : r.value())
            .append(r.note() == null ? "" : "  (" + r.note() + ")").append('\n'));
        yield rows.toString();
      }
      case Detail.Json j -> "         " + j.label() + ":\n" + JsonOutline.pretty(j.json()).indent(11);
      case Detail.Code c -> "         " + c.label() + ":\n" + c.text().indent(11);
    };
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
