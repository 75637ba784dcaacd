package dev.portcullis.app.ui.trace;

import dev.portcullis.app.ui.EmptyState;
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
  private final Label verdict = new Label();
  private final ToggleButton reveal = new ToggleButton("Reveal", new FontIcon("mdi2e-eye-outline"));
  private final MenuButton export = new MenuButton("Export", new FontIcon("mdi2e-export-variant"));
  private final Node empty = EmptyState.of("mdi2t-timeline-text-outline", "No trace yet",
      "Pick a saved request on the left and press Send (Ctrl+Enter): each step of how the gateway decided appears here.");

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
    verdict.setId("verdictSentence");
    verdict.setWrapText(true);
    verdict.setMinHeight(Region.USE_PREF_SIZE);
    verdict.getStyleClass().add("verdict");
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
    HBox bar = new HBox(8, requestLine, spacer, reveal, export);
    bar.setAlignment(Pos.CENTER_LEFT);
    timeline.setId("traceTimeline");
    timeline.setPadding(new Insets(0, 10, 10, 10));
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER); // headers and tables wrap to the width instead
    timeline.setMinWidth(0);
    scroll.getStyleClass().add("edge-to-edge");
    VBox top = new VBox(8, bar, verdict);
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
    verdict.setText(trace.verdict().sentence());
    verdict.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
    verdict.getStyleClass().add("verdict-" + trace.verdict().result().name().toLowerCase(Locale.ROOT));
    timeline.getChildren().setAll(trace.steps().stream().map(steps::of).toList());
    timeline.getChildren().stream().filter(n -> n.getId().equals("step-verdict")).findFirst()
        .ifPresent(n -> ((TitledPane) n).setExpanded(true));
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
