package dev.portcullis.app.cli.report;

import dev.portcullis.engine.matrix.CellResult;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixCell;
import dev.portcullis.engine.trace.export.TraceExport;
import java.util.List;
import java.util.Locale;

/**
 * A finished matrix with what every format needs: the workspace's name, the saved requests left
 * out, and the masked exporter for traces (so no format can leak a token).
 */
public record MatrixReport(String workspace, Matrix matrix, List<String> excluded, TraceExport export) {
  public MatrixReport {
    excluded = List.copyOf(excluded);
  }

  /** One line that sums the run up, e.g. "112 cells in 2.1 s: 111 as expected, 1 unexpected allow". */
  public String summary() {
    StringBuilder s = new StringBuilder(matrix.cells().size() + " cells in "
        + String.format(Locale.ROOT, "%.1f s", matrix.took().toMillis() / 1000.0) + ": " + matrix.count(CellResult.MATCH) + " as expected");
    for (CellResult r : CellResult.values()) {
      if (r != CellResult.MATCH && matrix.count(r) > 0) {
        s.append(", ").append(matrix.count(r)).append(' ').append(label(r));
      }
    }
    int missing = matrix.rows().size() * matrix.callers().size() - matrix.cells().size();
    return missing > 0 ? s + ", " + missing + " not run" : s.toString();
  }

  /** "unexpected allow", "as expected", ... */
  public static String label(CellResult r) {
    return switch (r) {
      case MATCH -> "as expected";
      case UNEXPECTED_ALLOW -> "unexpected allow";
      case UNEXPECTED_DENY -> "unexpected deny";
      case MISMATCH -> "mismatch";
      case ERROR -> "error";
      case UNKNOWN -> "unknown";
    };
  }

  /** A one-character mark per result, for grids. */
  public static String mark(CellResult r) {
    return switch (r) {
      case MATCH -> "✓";
      case UNEXPECTED_ALLOW -> "‼";
      case UNEXPECTED_DENY -> "✗";
      case MISMATCH -> "≠";
      case ERROR -> "?";
      case UNKNOWN -> "◌";
    };
  }

  /** The ruling in a few characters: status and the check that decided, e.g. "403 iam.policy". */
  public static String ruling(MatrixCell c) {
    if (c.status() == null) {
      return "no answer";
    }
    return c.decidedBy() == null ? String.valueOf(c.status()) : c.status() + " " + c.decidedBy();
  }

  /** One sentence on a failed cell: what happened against what was expected. */
  public static String explain(MatrixCell c) {
    if (!c.expected().known()) {
      return c.row() + " × " + c.caller() + ": got " + ruling(c) + "; nothing to judge it by: " + c.expected().why() + ".";
    }
    String expected = (c.expected().allow() ? "an allow" : "a deny")
        + (c.expected().status() != null && c.expected().source() == dev.portcullis.engine.matrix.Expected.Source.SAVED
            ? " (" + c.expected().status() + ")" : "") + ", " + c.expected().why();
    return c.row() + " × " + c.caller() + ": got " + ruling(c) + "; expected " + expected + ". " + c.trace().verdict().sentence();
  }
}
