package dev.portcullis.app.ui.trace;

import dev.portcullis.app.ui.CodeBlock;
import dev.portcullis.engine.http.Timings;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Exchange;
import dev.portcullis.engine.trace.Header;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Send step's exchange: the request as sent, the response (status, headers, body) and a timings bar. */
final class ExchangeNodes {
  private static final double BAR_WIDTH = 360;

  private final TraceViewModel model;
  private final DetailNodes details;

  ExchangeNodes(TraceViewModel model, DetailNodes details) {
    this.model = model;
    this.details = details;
  }

  List<Node> of(Exchange exchange) {
    VBox sent = DetailNodes.section("request as sent", CodeBlock.readOnly(requestText(exchange.request()), false, 220));
    if (exchange.response() == null) {
      return List.of(sent, timings(exchange.timings()));
    }
    Exchange.ReceivedResponse r = exchange.response();
    Label status = new Label("HTTP " + r.status());
    status.setId("responseStatus");
    status.getStyleClass().addAll("status-pill", r.status() < 400 ? "status-ok" : "status-denied");
    TraceViewModel.Body body = model.body(r.body(), r.size());
    Label note = new Label(body.note());
    note.setId("responseBodyNote");
    note.getStyleClass().add("text-muted");
    VBox response = DetailNodes.section("response", new VBox(6, new HBox(10, status, note),
        details.table(r.headers().stream().map(h -> Detail.Row.of(h.name(), h.value())).toList()),
        CodeBlock.readOnly(body.text(), body.json(), 340)));
    return List.of(sent, response, timings(exchange.timings()));
  }

  private String requestText(Exchange.SentRequest request) {
    StringBuilder text = new StringBuilder(request.method()).append(' ').append(request.url()).append('\n');
    for (Header h : request.headers()) {
      text.append(h.name()).append(": ").append(model.shown(h.name(), h.value())).append('\n');
    }
    if (!request.body().isEmpty()) {
      text.append('\n').append(model.body(request.body(), request.body().length()).text());
    }
    return text.toString().strip();
  }

  /** Insomnia-style: one coloured segment per phase, widths proportional to time. */
  private Node timings(Timings timings) {
    List<TraceViewModel.Phase> phases = TraceViewModel.phases(timings);
    if (phases.isEmpty()) {
      return DetailNodes.section("timings", new Label("Not measured."));
    }
    long total = Math.max(1, phases.getLast().startMillis() + phases.getLast().millis());
    Pane bar = new Pane();
    bar.setId("timingsBar");
    bar.getStyleClass().add("timings-bar");
    bar.setPrefSize(BAR_WIDTH, 10);
    bar.setMaxWidth(BAR_WIDTH);
    VBox legend = new VBox(2);
    int i = 0;
    for (TraceViewModel.Phase p : phases) {
      Region segment = new Region();
      segment.getStyleClass().addAll("timing-segment", "timing-" + i++);
      segment.relocate(BAR_WIDTH * p.startMillis() / total, 0);
      segment.resize(Math.max(2, BAR_WIDTH * p.millis() / total), 10);
      segment.setManaged(false);
      Tooltip.install(segment, new Tooltip(p.name() + " " + p.millis() + " ms"));
      bar.getChildren().add(segment);
      legend.getChildren().add(new Label(p.name() + "  " + p.millis() + " ms"));
    }
    legend.getChildren().forEach(n -> n.getStyleClass().add("text-small"));
    Label sum = new Label("total " + total + " ms");
    sum.getStyleClass().add("text-bold");
    return DetailNodes.section("timings", new HBox(16, new VBox(6, bar, sum), legend));
  }
}
