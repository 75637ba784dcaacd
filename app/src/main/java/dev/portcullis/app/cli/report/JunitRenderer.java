package dev.portcullis.app.cli.report;

import dev.portcullis.engine.matrix.CellResult;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixCell;
import java.util.Locale;

/**
 * JUnit XML as CI servers read it: one test suite per route, one test case per cell (the caller is
 * the test's name), a failure for each cell not as expected and an error for a cell with no
 * answer or nothing to judge its answer by (UNKNOWN); the masked trace is the failure's text.
 */
final class JunitRenderer {
  private JunitRenderer() {}

  static String render(MatrixReport report) {
    Matrix m = report.matrix();
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"").append(Escape.xml("portcullis matrix " + report.workspace())).append("\" tests=\"")
        .append(m.cells().size()).append("\" failures=\"").append(failures(m)).append("\" errors=\"").append(m.count(CellResult.ERROR) + m.count(CellResult.UNKNOWN))
        .append("\" time=\"").append(seconds(m.took().toMillis())).append("\">\n");
    for (String row : m.rows()) {
      var cells = m.cells().stream().filter(c -> c.row().equals(row)).toList();
      long failed = cells.stream().filter(c -> c.result().failed() && !error(c.result())).count();
      long errors = cells.stream().filter(c -> error(c.result())).count();
      out.append("  <testsuite name=\"").append(Escape.xml(row)).append("\" tests=\"").append(cells.size()).append("\" failures=\"")
          .append(failed).append("\" errors=\"").append(errors).append("\">\n");
      cells.forEach(c -> testcase(report, c, out));
      out.append("  </testsuite>\n");
    }
    return out.append("</testsuites>\n").toString();
  }

  private static long failures(Matrix m) {
    return m.cells().stream().filter(c -> c.result().failed() && !error(c.result())).count();
  }

  /** No answer, or nothing to judge it by: the cell says nothing about the route, so it is an error, not a failure. */
  private static boolean error(CellResult r) {
    return r == CellResult.ERROR || r == CellResult.UNKNOWN;
  }

  private static void testcase(MatrixReport report, MatrixCell c, StringBuilder out) {
    out.append("    <testcase classname=\"").append(Escape.xml(c.row())).append("\" name=\"").append(Escape.xml(c.caller()))
        .append("\" time=\"").append(seconds(c.trace().steps().stream().mapToLong(s -> s.duration().toMillis()).sum())).append('"');
    if (c.result() == CellResult.MATCH) {
      out.append(">\n      <system-out>").append(Escape.xml(MatrixReport.ruling(c) + "; " + c.expected().why())).append("</system-out>\n");
    } else {
      String tag = error(c.result()) ? "error" : "failure";
      out.append(">\n      <").append(tag).append(" type=\"").append(c.result()).append("\" message=\"")
          .append(Escape.xml(MatrixReport.label(c.result()) + ": " + MatrixReport.explain(c))).append("\">")
          .append(Escape.xml(report.export().toMarkdown(c.trace()))).append("</").append(tag).append(">\n");
    }
    out.append("    </testcase>\n");
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
