package dev.portcullis.app.cli.report;

import dev.portcullis.engine.matrix.Expected;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixCell;

/** The matrix as Markdown: failures first, then the grid with each cell's ruling, then what was left out. */
final class MarkdownRenderer {
  private MarkdownRenderer() {}

  static String render(MatrixReport report) {
    Matrix m = report.matrix();
    StringBuilder out = new StringBuilder("# Caller × route matrix: ").append(report.workspace()).append("\n\n");
    out.append(report.summary()).append(".\n\n");
    if (!m.failures().isEmpty()) {
      out.append("## Not as expected\n\n");
      m.failures().forEach(f -> out.append("- **").append(MatrixReport.label(f.result())).append("**: ")
          .append(escape(MatrixReport.explain(f))).append('\n'));
      out.append('\n');
    }
    out.append("| route |");
    m.callers().forEach(c -> out.append(' ').append(escape(c)).append(" |"));
    out.append("\n|---|");
    m.callers().forEach(c -> out.append("---|"));
    out.append('\n');
    for (String row : m.rows()) {
      out.append("| ").append(escape(row)).append(" |");
      for (String caller : m.callers()) {
        out.append(' ').append(m.cell(row, caller).map(MarkdownRenderer::cell).orElse("not run")).append(" |");
      }
      out.append('\n');
    }
    out.append("\n✓ as expected, ‼ unexpected allow, ✗ unexpected deny, ≠ mismatch, ? error, ◌ unknown (no expectation to judge by);"
        + " *derived* expectations come from the route's authorisation and the caller, and are judged on allow/deny only.\n");
    if (!report.excluded().isEmpty()) {
      out.append("\nLeft out of the matrix:\n\n");
      report.excluded().forEach(e -> out.append("- ").append(escape(e)).append('\n'));
    }
    return out.toString();
  }

  private static String cell(MatrixCell c) {
    String text = MatrixReport.mark(c.result()) + " " + escape(MatrixReport.ruling(c));
    return c.expected().source() == Expected.Source.DERIVED ? text + " *derived*" : text;
  }

  static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
