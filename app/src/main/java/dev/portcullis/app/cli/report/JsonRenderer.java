package dev.portcullis.app.cli.report;

import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixCell;
import java.util.List;
import java.util.stream.Collectors;

/** The matrix as JSON: rows, callers, and each cell with its expectation, result and masked trace. */
final class JsonRenderer {
  private JsonRenderer() {}

  static String render(MatrixReport report) {
    Matrix m = report.matrix();
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"workspace\": ").append(Escape.json(report.workspace())).append(",\n");
    out.append("  \"passed\": ").append(m.passed()).append(",\n");
    out.append("  \"summary\": ").append(Escape.json(report.summary())).append(",\n");
    out.append("  \"tookMillis\": ").append(m.took().toMillis()).append(",\n");
    out.append("  \"rows\": ").append(strings(m.rows())).append(",\n");
    out.append("  \"callers\": ").append(strings(m.callers())).append(",\n");
    out.append("  \"excluded\": ").append(strings(report.excluded())).append(",\n");
    out.append("  \"cells\": [\n");
    out.append(m.cells().stream().map(c -> cell(report, c)).collect(Collectors.joining(",\n")));
    return out.append("\n  ]\n}\n").toString();
  }

  private static String cell(MatrixReport report, MatrixCell c) {
    return "    {\"gateway\": " + Escape.json(c.gateway()) + ", \"route\": " + Escape.json(c.routeKey()) + ", \"caller\": "
        + Escape.json(c.caller()) + ", \"result\": " + Escape.json(c.result().name()) + ", \"allowed\": " + c.allowed()
        + ", \"status\": " + c.status() + ", \"decidedBy\": " + Escape.json(c.decidedBy())
        + ", \"expected\": {\"status\": " + c.expected().status() + ", \"allow\": " + c.expected().allow() + ", \"source\": "
        + Escape.json(c.expected().source().name()) + ", \"why\": " + Escape.json(c.expected().why()) + "}"
        + ", \"verdict\": " + Escape.json(c.trace().verdict().sentence())
        + ", \"trace\": " + report.export().toJson(c.trace()).strip().replace("\n", "\n    ") + "}";
  }

  private static String strings(List<String> values) {
    return values.stream().map(Escape::json).collect(Collectors.joining(", ", "[", "]"));
  }
}
