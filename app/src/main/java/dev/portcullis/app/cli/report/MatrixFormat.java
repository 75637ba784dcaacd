package dev.portcullis.app.cli.report;

/** The matrix's output formats. */
public enum MatrixFormat {
  TABLE, MD, HTML, JUNIT, JSON;

  /** Renders {@code report}; {@code colour} only matters for the terminal table. */
  public String render(MatrixReport report, boolean colour) {
    return switch (this) {
      case TABLE -> new TableRenderer(colour).render(report);
      case MD -> MarkdownRenderer.render(report);
      case HTML -> HtmlRenderer.render(report);
      case JUNIT -> JunitRenderer.render(report);
      case JSON -> JsonRenderer.render(report);
    };
  }
}
