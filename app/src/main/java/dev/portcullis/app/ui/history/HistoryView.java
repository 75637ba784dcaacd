package dev.portcullis.app.ui.history;

import dev.portcullis.app.ui.EmptyState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The sends of this and earlier sessions; double-click (or Enter) reopens a send's trace. */
public final class HistoryView {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final HistoryViewModel model;
  private final VBox root = new VBox(8);

  public HistoryView(HistoryViewModel model) {
    this.model = model;
    build();
  }

  public Parent root() {
    return root;
  }

  private void build() {
    root.setId("historyView");
    root.setPadding(new Insets(10));
    TextField route = new TextField();
    route.setId("historyRoute");
    route.setPromptText("route or request contains…");
    route.textProperty().bindBidirectional(model.routeProperty());
    ComboBox<String> caller = new ComboBox<>(model.callers());
    caller.setId("historyCaller");
    caller.valueProperty().bindBidirectional(model.callerProperty());
    ComboBox<String> outcome = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(HistoryViewModel.OUTCOMES));
    outcome.setId("historyOutcome");
    outcome.valueProperty().bindBidirectional(model.outcomeProperty());
    FlowPane filters = new FlowPane(10, 6, labelled("Route", route), labelled("Caller", caller), labelled("Outcome", outcome));
    TableView<HistoryViewModel.Row> table = new TableView<>(model.rows());
    table.setId("historyTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().setAll(java.util.List.of(
        column("Time", 84, r -> TIME.format(r.at())), column("Request", 170, HistoryViewModel.Row::request),
        column("Caller", 100, HistoryViewModel.Row::caller), column("Status", 64, r -> r.status() == 0 ? "—" : String.valueOf(r.status())),
        column("Answer", 420, HistoryViewModel.Row::headline)));
    table.setPlaceholder(EmptyState.of("mdi2h-history", "No sends yet", "Every send is kept here; double-click one to see its trace again."));
    table.setRowFactory(v -> {
      TableRow<HistoryViewModel.Row> row = new TableRow<>() {
        @Override
        protected void updateItem(HistoryViewModel.Row item, boolean empty) {
          super.updateItem(item, empty);
          setTooltip(empty || item == null ? null : new Tooltip(item.at() + "\n" + item.request() + " · " + item.line() + "\n" + item.headline()));
        }
      };
      row.setOnMouseClicked(e -> {
        if (e.getClickCount() == 2 && !row.isEmpty()) {
          model.reopen(row.getItem());
        }
      });
      return row;
    });
    table.setOnKeyPressed(e -> {
      if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
        model.reopen(table.getSelectionModel().getSelectedItem());
      }
    });
    VBox.setVgrow(table, Priority.ALWAYS);
    root.getChildren().setAll(filters, table);
  }

  private static javafx.scene.layout.HBox labelled(String text, javafx.scene.Node field) {
    Label label = new Label(text);
    label.getStyleClass().add("text-muted");
    javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(6, label, field);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private static TableColumn<HistoryViewModel.Row, String> column(String title, double width,
      java.util.function.Function<HistoryViewModel.Row, String> value) {
    TableColumn<HistoryViewModel.Row, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setMinWidth(Math.min(width, 72)); // a time or a status is never cut to "…"
    column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    return column;
  }
}
