package dev.portcullis.app.ui.console;

import dev.portcullis.app.ui.EmptyState;
import dev.portcullis.app.ui.console.ConsoleViewModel.Endpoint;
import dev.portcullis.app.ui.console.ConsoleViewModel.RulingRow;
import dev.portcullis.engine.rules.Ruling;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Start/stop, endpoints, the live rulings and the checks of the selected one. */
public final class ConsoleView {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private final ConsoleViewModel model;
  private final VBox root = new VBox(8);
  private final Button start = new Button("Start", new FontIcon("mdi2p-play"));
  private final Button stop = new Button("Stop", new FontIcon("mdi2s-stop"));
  private final Label state = new Label();
  private final TableView<Endpoint> endpoints = new TableView<>();
  private final TableView<RulingRow> rulings = new TableView<>();
  private final TableView<Ruling.Check> checks = new TableView<>();

  public ConsoleView(ConsoleViewModel model) {
    this.model = model;
    build();
    bind();
  }

  public Parent root() {
    return root;
  }

  private void build() {
    root.setId("consoleView");
    root.setPadding(new Insets(10));
    start.setId("gatewayStart");
    stop.setId("gatewayStop");
    state.setId("gatewayState");
    Button clear = new Button("Clear", new FontIcon("mdi2d-delete-sweep-outline"));
    clear.setOnAction(e -> model.clear());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button reset = new Button("Reset local state", new FontIcon("mdi2r-restore"));
    reset.setId("consoleResetState");
    reset.setTooltip(new javafx.scene.control.Tooltip("Forget cached authoriser answers, token buckets and quotas"));
    reset.setOnAction(e -> model.resetLocalState());
    reset.disableProperty().bind(model.runningProperty().not());
    for (Button b : java.util.List.of(start, stop, reset, clear)) {
      b.setMinWidth(Region.USE_PREF_SIZE); // the state sentence gives way first; buttons are never cut
    }
    state.setMinWidth(0);
    HBox bar = new HBox(8, start, stop, state, spacer, reset, clear);
    bar.setAlignment(Pos.CENTER_LEFT);
    endpoints.setId("endpoints");
    endpoints.getColumns().setAll(column("Name", 160, Endpoint::name), column("URL", 360, Endpoint::url));
    endpoints.setPrefHeight(170);
    endpoints.setMinHeight(150);
    endpoints.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    rulings.setId("rulings");
    // widths that fit the console at 1024×700 with the trace hidden: no header or status is cut
    rulings.getColumns().setAll(column("Time", 108, r -> r.at() == null ? "" : TIME.format(r.at())), column("API", 80, RulingRow::gateway),
        column("Method", 72, RulingRow::method), column("Path", 150, RulingRow::path), column("Status", 62, r -> String.valueOf(r.status())),
        column("Decided by", 130, RulingRow::decidedBy), column("Handler", 200, RulingRow::handler));
    rulings.setPlaceholder(EmptyState.of("mdi2r-radar", "No requests yet",
        "Send from the workbench, or curl one of the URLs above: every ruling appears here as it happens."));
    rulings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    checks.setId("rulingChecks");
    checks.getColumns().setAll(column("Check", 150, Ruling.Check::id), column("Result", 70, c -> c.passed() ? "passed" : "FAILED"),
        column("Evidence", 400, Ruling.Check::evidence));
    checks.setPlaceholder(new Label("Select a ruling to see its checks."));
    checks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    SplitPane split = new SplitPane(rulings, checks);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.55);
    VBox.setVgrow(split, Priority.ALWAYS);
    javafx.scene.control.ListView<String> stateList = new javafx.scene.control.ListView<>(model.localState());
    stateList.setId("localState");
    stateList.setPrefHeight(110);
    stateList.setMinHeight(60);
    stateList.setPlaceholder(new Label("Nothing left behind: no cached authoriser answers, no usage counted yet."));
    stateList.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
      @Override
      protected void updateItem(String line, boolean empty) {
        super.updateItem(line, empty);
        setText(empty ? null : line);
        setWrapText(true);
        setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
        setTooltip(empty || line == null ? null : new javafx.scene.control.Tooltip(line));
      }
    });
    javafx.scene.control.TitledPane statePane = new javafx.scene.control.TitledPane("State left behind (decides later requests)", stateList);
    statePane.setId("localStatePane");
    statePane.setAnimated(false);
    root.getChildren().setAll(bar, endpoints, statePane, split);
  }

  private void bind() {
    start.disableProperty().bind(model.runningProperty().or(model.busyProperty()));
    stop.disableProperty().bind(model.runningProperty().not());
    start.setOnAction(e -> model.start());
    stop.setOnAction(e -> model.stop());
    state.textProperty().bind(javafx.beans.binding.Bindings.when(model.runningProperty())
        .then("Running on 127.0.0.1").otherwise("Stopped"));
    model.apis().addListener((javafx.collections.ListChangeListener<Endpoint>) c -> refreshEndpoints());
    model.identityProviders().addListener((javafx.collections.ListChangeListener<Endpoint>) c -> refreshEndpoints());
    refreshEndpoints();
    rulings.setItems(model.rulings());
    rulings.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selectedProperty().set(row));
    model.selectedProperty().addListener((obs, old, row) -> checks.getItems().setAll(row == null ? java.util.List.of() : row.checks()));
    rulings.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
      @Override
      protected void updateItem(RulingRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll("row-allowed", "row-denied");
        if (!empty && row != null) {
          getStyleClass().add(row.allowed() ? "row-allowed" : "row-denied");
        }
      }
    });
  }

  private void refreshEndpoints() {
    endpoints.getItems().setAll(model.apis());
    model.identityProviders().forEach(i -> endpoints.getItems().add(new Endpoint("IdP " + i.name(), i.url())));
  }

  static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
    TableColumn<T, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    return column;
  }
}
