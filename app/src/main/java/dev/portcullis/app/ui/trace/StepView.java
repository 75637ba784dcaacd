package dev.portcullis.app.ui.trace;

import dev.portcullis.app.ui.Icons;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.TokenInspection;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One step of the timeline: outcome icon, kind, summary and duration in the header; its details built
 * only when opened, so a trace with large bodies appears at once.
 */
final class StepView {
  private final TraceViewModel model;
  private final DetailNodes details;
  private final ExchangeNodes exchanges;

  private final javafx.beans.value.ObservableDoubleValue width;

  /** {@code width} is the timeline's visible width: headers are laid out within it, summaries ellipsised. */
  StepView(TraceViewModel model, javafx.beans.value.ObservableDoubleValue width) {
    this.model = model;
    this.width = width;
    this.details = new DetailNodes(model);
    this.exchanges = new ExchangeNodes(model, details);
  }

  TitledPane of(Step step) {
    TitledPane pane = new TitledPane();
    pane.setId("step-" + step.kind().name().toLowerCase(Locale.ROOT));
    pane.getStyleClass().addAll("step", "step-" + step.outcome().name().toLowerCase(Locale.ROOT));
    HBox header = header(step);
    // a TitledPane sizes itself to its graphic; tie the header to the visible width instead, so it never overflows
    header.prefWidthProperty().bind(Bindings.max(120, Bindings.subtract(width, 48)));
    header.maxWidthProperty().bind(header.prefWidthProperty());
    header.setMinWidth(0);
    pane.setGraphic(header);
    pane.setText(null);
    pane.setExpanded(false);
    pane.setAnimated(false);
    pane.setMaxWidth(Double.MAX_VALUE);
    pane.expandedProperty().addListener((obs, was, open) -> {
      if (open && pane.getContent() == null) {
        pane.setContent(content(step));
      }
    });
    return pane;
  }

  private HBox header(Step step) {
    FontIcon icon = Icons.outcome(step.outcome());
    Label kind = new Label(title(step.kind()));
    kind.getStyleClass().add("step-kind");
    kind.setMinWidth(78);
    Label summary = new Label(model.shown(summary(step)));
    summary.setTooltip(new javafx.scene.control.Tooltip(summary.getText())); // cut to the width; the tooltip has it whole
    summary.getStyleClass().add("step-summary");
    summary.setMaxWidth(Double.MAX_VALUE);
    summary.setMinWidth(0);
    HBox.setHgrow(summary, Priority.ALWAYS);
    Label took = new Label(step.outcome() == Outcome.SKIPPED ? "" : step.duration().toMillis() + " ms");
    took.getStyleClass().add("text-muted");
    took.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a time is never cut ("5904 …"); the summary gives way
    took.setAlignment(Pos.CENTER_RIGHT);
    HBox header = new HBox(8, icon, kind, summary, took);
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("step-header");
    return header;
  }

  private VBox content(Step step) {
    VBox box = new VBox(10);
    box.getStyleClass().add("step-content");
    switch (step) {
      case Step.Inspect i when i.token() != null -> box.getChildren().add(tokenBanner(i.token()));
      case Step.Send s when s.exchange() != null -> box.getChildren().addAll(exchanges.of(s.exchange()));
      case Step.Context c when !c.contextJson().isEmpty() ->
          model.outline(c.contextJson()).ifPresent(root -> box.getChildren().add(DetailNodes.section("context", DetailNodes.tree(root))));
      case Step.Verdict v -> box.getChildren().add(details.table(comparison(v.verdict())));
      default -> { }
    }
    java.util.Optional<TraceViewModel.Checks> checks = step instanceof Step.Ruling ? model.checks() : java.util.Optional.empty();
    checks.ifPresent(c -> box.getChildren().addAll(rulingChecks(c)));
    step.details().stream().filter(d -> checks.isEmpty() || !(d instanceof dev.portcullis.engine.trace.Detail.Table))
        .forEach(d -> box.getChildren().add(details.of(d)));
    if (box.getChildren().isEmpty()) {
      box.getChildren().add(DetailNodes.wrapped("Nothing more to show for this step."));
    }
    return box;
  }

  /** The verdict row does not repeat the headline's sentence: it says only whether the expectation held. */
  private static String summary(Step step) {
    if (step instanceof Step.Verdict v) {
      var verdict = v.verdict();
      return switch (verdict.result()) {
        case MATCHED -> "Met the expectation";
        case MISMATCHED -> "Expectation not met";
        case NO_EXPECTATION -> "No expectation set: the answer above is all there is to judge";
        case INCOMPLETE -> "Nothing came back to judge";
      };
    }
    return dev.portcullis.engine.trace.Headline.plain(step.summary());
  }

  /** Expected against what came back, field by field. */
  private static java.util.List<dev.portcullis.engine.trace.Detail.Row> comparison(dev.portcullis.engine.trace.Verdict v) {
    var e = v.expected();
    var a = v.actual();
    java.util.List<dev.portcullis.engine.trace.Detail.Row> rows = new java.util.ArrayList<>();
    rows.add(new dev.portcullis.engine.trace.Detail.Row("status", a == null ? "no answer" : String.valueOf(a.status()),
        e == null || e.status() == null ? "not expected" : "expected " + e.status()));
    rows.add(new dev.portcullis.engine.trace.Detail.Row("error type", a == null || a.errorType() == null ? "none" : a.errorType(),
        e == null || e.errorType() == null ? "not expected" : "expected " + e.errorType()));
    rows.add(new dev.portcullis.engine.trace.Detail.Row("decided by", a == null || a.decidedBy() == null ? "not known" : a.decidedBy(),
        e == null || e.decidedBy() == null ? "not expected" : "expected " + e.decidedBy()));
    return rows;
  }

  /**
   * The deciding check first, marked, its evidence across the whole width (wrapped at spaces, so an
   * ARN is never split); the explicit Deny quoted on its own; the checks that passed folded below.
   */
  private java.util.List<javafx.scene.Node> rulingChecks(TraceViewModel.Checks checks) {
    java.util.List<javafx.scene.Node> nodes = new java.util.ArrayList<>();
    if (checks.deciding() != null) {
      Label id = new Label("Deciding check: " + checks.deciding().key(), Icons.outcome(Outcome.FAIL));
      id.setId("decidingCheck");
      id.getStyleClass().add("deciding-check");
      Label evidence = DetailNodes.wrapped(model.shown(checks.deciding().note()));
      evidence.setId("decidingEvidence");
      evidence.getStyleClass().add("mono");
      evidence.setMaxWidth(Double.MAX_VALUE);
      VBox deciding = new VBox(6, id, evidence);
      if (checks.explicitDeny() != null) {
        Label quote = DetailNodes.wrapped("“" + model.shown(checks.explicitDeny()) + "”");
        quote.setId("explicitDeny");
        quote.getStyleClass().add("deny-quote");
        deciding.getChildren().add(DetailNodes.section("the explicit Deny", quote));
      }
      deciding.getStyleClass().add("deciding-box");
      nodes.add(deciding);
    }
    if (!checks.passed().isEmpty()) {
      TitledPane passed = new TitledPane(checks.passed().size() + (checks.passed().size() == 1 ? " check" : " checks") + " passed",
          details.table(checks.passed()));
      passed.setId("passedChecks");
      passed.setExpanded(checks.deciding() == null);
      passed.setAnimated(false);
      nodes.add(passed);
    }
    return nodes;
  }

  /** The decoded token's headline: expiry counting down and the signature status. */
  private HBox tokenBanner(TokenInspection token) {
    Label expiry = new Label();
    expiry.setId("tokenExpiry");
    expiry.textProperty().bind(Bindings.createStringBinding(() -> model.countdown(token.expiresAt()), model.nowProperty()));
    expiry.getStyleClass().add("status-pill");
    Label signature = new Label("signature " + token.signatureCheck().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    signature.getStyleClass().addAll("status-pill",
        token.signatureCheck() == TokenInspection.SignatureCheck.VERIFIED ? "status-ok" : "status-warn");
    HBox banner = new HBox(8, expiry, signature);
    banner.setAlignment(Pos.CENTER_LEFT);
    return banner;
  }

  static String title(Step.Kind kind) {
    String name = kind.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
