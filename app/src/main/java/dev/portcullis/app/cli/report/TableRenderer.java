package dev.portcullis.app.cli.report;

import dev.portcullis.engine.matrix.CellResult;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The terminal grid: failures first (unexpected allows leading, in red), then one row per route and
 * one column per caller, each cell a mark and the status, then the summary. Colour only when asked.
 */
final class TableRenderer {
  private static final String RESET = "\u001b[0m";
  private final boolean colour;

  TableRenderer(boolean colour) {
    this.colour = colour;
  }

  String render(MatrixReport report) {
    Matrix m = report.matrix();
    StringBuilder out = new StringBuilder();
    for (MatrixCell f : m.failures()) {
      out.append(paint(f.result(), String.format("%-17s", MatrixReport.label(f.result()).toUpperCase(java.util.Locale.ROOT))))
          .append(MatrixReport.explain(f)).append('\n');
    }
    if (!m.failures().isEmpty()) {
      out.append('\n');
    }
    grid(m, out);
    out.append('\n').append(report.summary()).append('\n');
    out.append("✓ as expected  ‼ unexpected allow  ✗ unexpected deny  ≠ mismatch  ? error  ◌ unknown (no expectation to judge by);"
        + " * derived expectation (judged on allow/deny only)\n");
    report.excluded().forEach(e -> out.append("left out: ").append(e).append('\n'));
    return out.toString();
  }

  private void grid(Matrix m, StringBuilder out) {
    int first = Math.max("route".length(), m.rows().stream().mapToInt(String::length).max().orElse(5));
    List<Integer> widths = new ArrayList<>();
    for (String caller : m.callers()) {
      widths.add(Math.max(caller.length(), 6));
    }
    out.append(pad("route", first));
    for (int i = 0; i < m.callers().size(); i++) {
      out.append("  ").append(pad(m.callers().get(i), widths.get(i)));
    }
    out.append('\n');
    for (String row : m.rows()) {
      out.append(pad(row, first));
      for (int i = 0; i < m.callers().size(); i++) {
        Optional<MatrixCell> cell = m.cell(row, m.callers().get(i));
        String text = pad(cell.map(TableRenderer::text).orElse("-"), widths.get(i));
        out.append("  ").append(cell.map(c -> paint(c, text)).orElse(text));
      }
      out.append('\n');
    }
  }

  private static String text(MatrixCell c) {
    String derived = c.expected().source() == dev.portcullis.engine.matrix.Expected.Source.DERIVED ? "*" : "";
    return MatrixReport.mark(c.result()) + " " + (c.status() == null ? "ERR" : c.status()) + derived;
  }

  private String paint(MatrixCell c, String text) {
    if (c.result() == CellResult.MATCH) {
      return colour ? (c.allowed() ? "\u001b[32m" : "\u001b[2m") + text + RESET : text;
    }
    return paint(c.result(), text);
  }

  private String paint(CellResult r, String text) {
    if (!colour) {
      return text;
    }
    String code = switch (r) {
      case UNEXPECTED_ALLOW -> "\u001b[1;97;41m";
      case UNEXPECTED_DENY -> "\u001b[1;31m";
      case MISMATCH -> "\u001b[33m";
      case ERROR -> "\u001b[35m";
      case UNKNOWN -> "\u001b[36m";
      case MATCH -> "\u001b[32m";
    };
    return code + text + RESET;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
