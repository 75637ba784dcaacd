package dev.portcullis.app.ui.trace;

import dev.portcullis.app.ui.EmptyState;
import dev.portcullis.engine.trace.Headline;
import dev.portcullis.engine.trace.Trace;
import java.io.File;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** The trace as a timeline of steps (Insomnia's Timeline is the model): verdict first, then each step. */
public final class TraceView {
  private final TraceViewModel model;
  private final StepView steps;
  private final BorderPane root = new BorderPane();
  private final VBox timeline = new VBox(6);
  private final ScrollPane scroll = new ScrollPane(timeline);
  private final Label requestLine = new Label();
  private final Label headline = new Label();
  private final Label verdict = new Label();
  private final Label change = new Label();
  private final javafx.scene.control.Button reset = new javafx.scene.control.Button("Reset local state", new FontIcon("mdi2r-restore"));
  private VBox answerBox;
  private final ToggleButton reveal = new ToggleButton("Reveal", new FontIcon("mdi2e-eye-outline"));
  private final MenuButton export = new MenuButton("Export", new FontIcon("mdi2e-export-variant"));
  private final javafx.scene.control.Button collapse = new javafx.scene.control.Button(null, new FontIcon("mdi2c-chevron-double-right"));
  private final Node empty = EmptyState.of("mdi2t-timeline-text-outline", "No trace yet",
      "Pick a saved request or a route on the left (or press Ctrl+N) and Send (Ctrl+Enter): the answer, and each step of how the gateway decided, appear here.");

  public TraceView(TraceViewModel model) {
    this.model = model;
    this.steps = new StepView(model, javafx.beans.binding.Bindings.createDoubleBinding(
        () -> scroll.getViewportBounds().getWidth(), scroll.viewportBoundsProperty()));
    build();
    bind();
  }

  public Parent root() {
    return root;
  }

  private void build() {
    root.setId("traceView");
    requestLine.setId("traceRequest");
    requestLine.getStyleClass().add("mono");
    requestLine.setMinWidth(0);
    headline.setId("traceHeadline");
    headline.setWrapText(true);
    headline.setMinHeight(Region.USE_PREF_SIZE);
    headline.getStyleClass().add("headline");
    // the expectation is a smaller second line, shown only when the request has one
    verdict.setId("verdictSentence");
    verdict.setWrapText(true);
    verdict.setMinHeight(Region.USE_PREF_SIZE);
    verdict.getStyleClass().add("expectation-line");
    verdict.managedProperty().bind(verdict.visibleProperty());
    reveal.setId("revealSecrets");
    reveal.getStyleClass().add("small");
    reveal.setMinWidth(Region.USE_PREF_SIZE);
    export.setId("exportTrace");
    export.getStyleClass().add("small");
    export.setMinWidth(Region.USE_PREF_SIZE);
    export.getItems().setAll(item("as JSON (masked)", "json", model::exportJson), item("as Markdown (masked)", "md", model::exportMarkdown));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox.setHgrow(requestLine, Priority.SOMETIMES);
    requestLine.setMaxWidth(Double.MAX_VALUE);
    collapse.setId("collapseTrace");
    collapse.getStyleClass().addAll("small", "flat");
    collapse.setMinWidth(Region.USE_PREF_SIZE);
    collapse.setTooltip(new javafx.scene.control.Tooltip("Hide the trace pane (View → Trace pane, Ctrl+Shift+T, shows it again)"));
    collapse.setOnAction(e -> model.shownProperty().set(false));
    HBox bar = new HBox(8, requestLine, spacer, reveal, export, collapse);
    bar.setAlignment(Pos.CENTER_LEFT);
    timeline.setId("traceTimeline");
    timeline.setPadding(new Insets(0, 10, 10, 10));
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER); // headers and tables wrap to the width instead
    timeline.setMinWidth(0);
    scroll.getStyleClass().add("edge-to-edge");
    change.setId("traceChange");
    change.setWrapText(true);
    change.setMinHeight(Region.USE_PREF_SIZE);
    change.getStyleClass().add("headline-change");
    change.managedProperty().bind(change.visibleProperty());
    reset.setId("resetState");
    reset.getStyleClass().add("small");
    reset.setTooltip(new javafx.scene.control.Tooltip("Forget the local gateway's cached authoriser answers, token buckets and quotas"));
    reset.visibleProperty().bind(model.stateDecidedProperty());
    reset.managedProperty().bind(reset.visibleProperty());
    reset.setOnAction(e -> model.resetLocalState());
    VBox answer = new VBox(4, headline, change, reset);
    answer.getStyleClass().add("headline");
    headline.getStyleClass().setAll("label", "headline-decision");
    answerBox = answer;
    VBox top = new VBox(6, bar, answer, verdict);
    top.setPadding(new Insets(10, 10, 8, 10));
    root.setTop(top);
    root.setCenter(scroll);
    show(null);
  }

  private void bind() {
    model.traceProperty().addListener((obs, old, trace) -> show(trace));
    reveal.selectedProperty().bindBidirectional(model.revealedProperty());
    model.revealedProperty().addListener((obs, old, now) -> show(model.traceProperty().get()));
    Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
    ticker.setCycleCount(Animation.INDEFINITE);
    ticker.play();
  }

  private void show(Trace trace) {
    boolean none = trace == null;
    root.getTop().setVisible(!none);
    root.getTop().setManaged(!none);
    root.setCenter(none ? empty : scroll);
    if (none) {
      return;
    }
    requestLine.setText(model.shown(trace.request().oneLine()));
    Headline h = model.headlineProperty().get();
    // the decision in bold, the change to make after it in the regular weight
    headline.setText(model.shown(h.decision()));
    change.setText(model.shown(h.change()));
    change.setVisible(!h.change().isEmpty());
    answerBox.getStyleClass().removeIf(c -> c.startsWith("headline-"));
    answerBox.getStyleClass().add("headline-" + h.tone().name().toLowerCase(Locale.ROOT));
    boolean expected = trace.verdict().result() != dev.portcullis.engine.trace.Verdict.Result.NO_EXPECTATION;
    verdict.setVisible(expected);
    verdict.setText(trace.verdict().sentence());
    verdict.setGraphic(!expected ? null : dev.portcullis.app.ui.Icons.of(h.met() ? "mdi2c-check-circle" : "mdi2c-close-circle"));
    verdict.getStyleClass().removeIf(c -> c.startsWith("expectation-"));
    verdict.getStyleClass().addAll("expectation-line", h.met() ? "expectation-met" : "expectation-unmet");
    timeline.getChildren().setAll(trace.steps().stream().map(steps::of).toList());
    // a denial opens the ruling (the deciding check and its evidence); an allow needs nothing opened
    String open = h.tone() == Headline.Tone.DENIED ? "step-ruling" : null;
    timeline.getChildren().stream().filter(n -> n.getId().equals(open)).findFirst().ifPresent(n -> ((TitledPane) n).setExpanded(true));
  }

  private MenuItem item(String text, String extension, Consumer<java.nio.file.Path> action) {
    MenuItem item = new MenuItem(text);
    item.setId("export-" + extension);
    item.setOnAction(e -> {
      FileChooser chooser = new FileChooser();
      chooser.setInitialFileName("trace." + extension);
      File file = chooser.showSaveDialog(root.getScene().getWindow());
      if (file != null) {
        action.accept(file.toPath());
      }
    });
    return item;
  }
}
