package dev.portcullis.engine.trace.export;

import dev.portcullis.engine.store.Json;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.time.Duration;
import java.util.List;

/** Renders an (already masked) trace as Markdown: a heading per step, tables, code fences. */
final class MarkdownWriter {
  private final StringBuilder out = new StringBuilder();

  private MarkdownWriter() {}

  static String write(Trace trace) {
    MarkdownWriter writer = new MarkdownWriter();
    writer.head(trace);
    int n = 1;
    for (Step step : trace.steps()) {
      writer.step(n++, step);
    }
    return writer.out.toString();
  }

  private void head(Trace trace) {
    line("# Trace " + trace.id());
    line("");
    line("- **Request:** " + inline(trace.request().name()) + ": `" + trace.request().oneLine() + "` (" + trace.request().target() + ")");
    line("- **Started:** " + trace.startedAt());
    line("- **Verdict:** " + inline(trace.verdict().sentence()));
    line("");
  }

  private void step(int n, Step step) {
    line("## " + n + ". " + title(step.kind()) + ": " + step.outcome() + " (" + millis(step.duration()) + ")");
    line("");
    line(inline(step.summary()));
    line("");
    switch (step) {
      case Step.Acquire a -> table("Credential", List.of(Detail.Row.of("Flow", a.flow()),
          Detail.Row.of("Endpoint", a.endpoint()), Detail.Row.of("Cached", a.cached() ? "yes" : "no")));
      case Step.Inspect i -> StepMarkdown.inspect(this, i);
      case Step.Predict p -> StepMarkdown.predict(this, p);
      case Step.Send s -> StepMarkdown.send(this, s);
      case Step.Ruling r -> StepMarkdown.ruling(this, r);
      case Step.Context c -> json("Context at the integration", c.contextJson());
      case Step.Verdict v -> StepMarkdown.verdict(this, v);
    }
    step.details().forEach(this::detail);
  }

  void detail(Detail detail) {
    switch (detail) {
      case Detail.Text t -> {
        heading(t.label());
        line(t.text());
        line("");
      }
      case Detail.Json j -> json(j.label(), j.json());
      case Detail.Table t -> table(t.label(), t.rows());
      case Detail.Code c -> code(c.label(), c.language(), c.text());
    }
  }

  void heading(String label) {
    line("### " + inline(label));
    line("");
  }

  void table(String label, List<Detail.Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    heading(label);
    boolean notes = rows.stream().anyMatch(r -> !r.note().isEmpty());
    line(notes ? "| | | |" : "| | |");
    line(notes ? "|---|---|---|" : "|---|---|");
    for (Detail.Row row : rows) {
      String cells = "| " + cell(row.key()) + " | " + cell(row.value()) + " |";
      line(notes ? cells + " " + cell(row.note()) + " |" : cells);
    }
    line("");
  }

  void json(String label, String json) {
    if (json != null && !json.isBlank()) {
      code(label, "json", pretty(json));
    }
  }

  void code(String label, String language, String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    heading(label);
    // a fence longer than any backtick run inside keeps the block closed where it should be
    String fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
    line(fence + language);
    line(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    line(fence);
    line("");
  }

  void line(String text) {
    out.append(text).append('\n');
  }

  static String pretty(String maybeJson) {
    try {
      return Json.write(Json.mapper().readTree(maybeJson)).strip();
    } catch (java.io.IOException | RuntimeException e) {
      return maybeJson; // not JSON: show it as it came
    }
  }

  static String millis(Duration duration) {
    return duration == null ? "n/a" : duration.toMillis() + " ms";
  }

  private static String title(Step.Kind kind) {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  static String inline(String text) {
    return text == null ? "" : text.replace("\n", " ");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
  }

  private static int longestBacktickRun(String text) {
    int longest = 0;
    int run = 0;
    for (char c : text.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
