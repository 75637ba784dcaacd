package dev.portcullis.app.cli.report;

import dev.portcullis.engine.matrix.CellResult;
import dev.portcullis.engine.matrix.Expected;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixCell;
import java.util.Comparator;
import java.util.List;

/**
 * One self-contained HTML file (inline CSS and JS, nothing fetched): failures first, unexpected
 * allows in red; the grid with rows holding the worst results on top, sortable by clicking a
 * column head; each cell links to its masked trace further down the page, which opens when followed.
 */
final class HtmlRenderer {
  private static final String STYLE = """
      body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.4em}
      table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;white-space:nowrap}
      th{background:#f3f3f3;cursor:pointer;user-select:none}th:after{content:" \\2195";color:#999}
      td a{color:inherit;text-decoration:none}.MATCH{background:#eef8ee}.MATCH.deny{background:#f7f7f7;color:#555}
      .UNEXPECTED_ALLOW{background:#d00;color:#fff;font-weight:bold}.UNEXPECTED_DENY{background:#fbd5d5;color:#900}
      .MISMATCH{background:#fff3c4}.ERROR{background:#eadcf5}.UNKNOWN{background:#dff1f7;color:#035}.failures li.UNEXPECTED_ALLOW{padding:2px 4px}
      details{margin:.5em 0;border:1px solid #ddd;padding:.3em .6em}pre{white-space:pre-wrap;font-size:12px}
      .derived{font-style:italic}""";
  private static final String SCRIPT = """
      const rank={UNEXPECTED_ALLOW:0,UNEXPECTED_DENY:1,MISMATCH:2,ERROR:3,UNKNOWN:4,MATCH:5};
      document.querySelectorAll('#matrix th').forEach((th,col)=>th.addEventListener('click',()=>{
        const body=document.querySelector('#matrix tbody');const rows=[...body.rows];
        const asc=th.dataset.dir!=='asc';th.dataset.dir=asc?'asc':'desc';
        const key=r=>col===0?r.cells[0].textContent:(rank[r.cells[col].dataset.result]??9)+r.cells[col].textContent;
        rows.sort((a,b)=>(asc?1:-1)*key(a).localeCompare(key(b)));rows.forEach(r=>body.appendChild(r));}));
      function openTrace(){const d=document.getElementById(location.hash.slice(1));if(d&&d.tagName==='DETAILS'){d.open=true;}}
      window.addEventListener('hashchange',openTrace);openTrace();""";

  private HtmlRenderer() {}

  static String render(MatrixReport report) {
    Matrix m = report.matrix();
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Escape.xml("Portcullis matrix: " + report.workspace())).append("</title><style>").append(STYLE).append("</style></head><body>\n");
    out.append("<h1>Caller × route matrix: ").append(Escape.xml(report.workspace())).append("</h1>\n<p id=\"summary\">")
        .append(Escape.xml(report.summary())).append("</p>\n");
    failures(m, out);
    grid(m, out);
    out.append("<p>✓ as expected, ‼ unexpected allow, ✗ unexpected deny, ≠ mismatch, ? error, ◌ unknown (no expectation to judge by). <span class=\"derived\">Italic</span>"
        + " cells have derived expectations (from the route's authorisation and the caller), judged on allow/deny only."
        + " Click a column head to sort, a cell to open its trace (secrets masked).</p>\n");
    if (!report.excluded().isEmpty()) {
      out.append("<h2>Left out</h2><ul>");
      report.excluded().forEach(e -> out.append("<li>").append(Escape.xml(e)).append("</li>"));
      out.append("</ul>\n");
    }
    traces(report, out);
    return out.append("<script>").append(SCRIPT).append("</script></body></html>\n").toString();
  }

  private static void failures(Matrix m, StringBuilder out) {
    if (m.failures().isEmpty()) {
      return;
    }
    out.append("<h2>Not as expected</h2><ul class=\"failures\">\n");
    for (MatrixCell f : m.failures()) {
      out.append("<li class=\"").append(f.result()).append("\"><a href=\"#").append(id(m, f)).append("\">")
          .append(Escape.xml(MatrixReport.label(f.result()))).append("</a>: ").append(Escape.xml(MatrixReport.explain(f))).append("</li>\n");
    }
    out.append("</ul>\n");
  }

  private static void grid(Matrix m, StringBuilder out) {
    out.append("<table id=\"matrix\"><thead><tr><th>route</th>");
    m.callers().forEach(c -> out.append("<th>").append(Escape.xml(c)).append("</th>"));
    out.append("</tr></thead><tbody>\n");
    for (String row : worstFirst(m)) {
      out.append("<tr><td>").append(Escape.xml(row)).append("</td>");
      for (String caller : m.callers()) {
        m.cell(row, caller).ifPresentOrElse(c -> cell(m, c, out), () -> out.append("<td>not run</td>"));
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table>\n");
  }

  private static void cell(Matrix m, MatrixCell c, StringBuilder out) {
    String classes = c.result() + (c.allowed() ? " allow" : " deny") + (c.expected().source() == Expected.Source.DERIVED ? " derived" : "");
    out.append("<td class=\"").append(classes).append("\" data-result=\"").append(c.result()).append("\" title=\"")
        .append(Escape.xml(MatrixReport.label(c.result()) + (c.expected().known() ? "; expected " + (c.expected().allow() ? "allow" : "deny") : "; nothing to judge by") + ", "
            + c.expected().why())).append("\"><a href=\"#").append(id(m, c)).append("\">").append(MatrixReport.mark(c.result())).append(' ')
        .append(Escape.xml(MatrixReport.ruling(c))).append("</a></td>");
  }

  /** Rows ordered by their worst cell, so a route that lets in the wrong caller is the first thing seen. */
  private static List<String> worstFirst(Matrix m) {
    return m.rows().stream().sorted(Comparator.comparingInt((String row) -> m.cells().stream().filter(c -> c.row().equals(row))
        .map(MatrixCell::result).min(Comparator.naturalOrder()).orElse(CellResult.MATCH).ordinal())
        .thenComparingInt(m.rows()::indexOf)).toList();
  }

  private static void traces(MatrixReport report, StringBuilder out) {
    Matrix m = report.matrix();
    out.append("<h2>Traces</h2>\n");
    for (MatrixCell c : m.cells()) {
      out.append("<details id=\"").append(id(m, c)).append("\"><summary>").append(Escape.xml(c.row() + " × " + c.caller() + ": "
          + MatrixReport.label(c.result()) + ", " + MatrixReport.ruling(c))).append("</summary><pre>")
          .append(Escape.xml(report.export().toMarkdown(c.trace()))).append("</pre></details>\n");
    }
  }

  /** Stable and cheap: the cell's row and column, not its place in the list (a list search per cell is quadratic). */
  private static String id(Matrix m, MatrixCell c) {
    return "trace-" + m.rows().indexOf(c.row()) + "-" + m.callers().indexOf(c.caller());
  }
}
