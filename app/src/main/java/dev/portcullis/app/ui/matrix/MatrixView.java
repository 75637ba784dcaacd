package dev.portcullis.app.ui.matrix;

import dev.portcullis.app.ui.EmptyState;
import dev.portcullis.app.ui.matrix.MatrixViewModel.Row;
import dev.portcullis.app.ui.matrix.MatrixViewModel.Sort;
import dev.portcullis.engine.matrix.MatrixCell;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The grid: a row per route, a column per caller, each cell coloured by how it compares with what was
 * expected. TableView virtualises rows and columns, so thousands of cells cost only what is visible.
 */
public final class MatrixView {
  private final MatrixViewModel model;
  private final VBox root = new VBox(8);
  private final TableView<Row> table = new TableView<>();

  public MatrixView(MatrixViewModel model) {
    this.model = model;
    build();
  }

  public Parent root() {
    return root;
  }

  private void build() {
    root.setId("matrixView");
    root.setPadding(new Insets(10));
    Button run = new Button("Run", new FontIcon("mdi2p-play"));
    run.setId("matrixRun");
    run.getStyleClass().add("accent");
    run.setOnAction(e -> model.run());
    run.disableProperty().bind(model.runningProperty());
    Button cancel = new Button("Cancel", new FontIcon("mdi2s-stop"));
    cancel.setId("matrixCancel");
    cancel.setOnAction(e -> model.cancel());
    cancel.disableProperty().bind(model.runningProperty().not());
    ProgressBar progress = new ProgressBar();
    progress.setId("matrixProgress");
    progress.setPrefWidth(120);
    progress.progressProperty().bind(model.progressProperty());
    progress.visibleProperty().bind(model.runningProperty());
    TextField filter = new TextField();
    filter.setId("matrixFilter");
    filter.setPromptText("Filter routes");
    filter.textProperty().bindBidirectional(model.filterProperty());
    HBox.setHgrow(filter, Priority.ALWAYS);
    CheckBox unexpected = new CheckBox("Only unexpected");
    unexpected.setId("matrixOnlyUnexpected");
    unexpected.selectedProperty().bindBidirectional(model.onlyUnexpectedProperty());
    ComboBox<Sort> sort = new ComboBox<>();
    sort.setId("matrixSort");
    sort.getItems().setAll(Sort.values());
    sort.valueProperty().bindBidirectional(model.sortProperty());
    sort.setConverter(new javafx.util.StringConverter<>() {
      public String toString(Sort s) {
        return s == Sort.SEVERITY ? "Most severe first" : "By route";
      }

      public Sort fromString(String s) {
        return null;
      }
    });
    for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {run, cancel, unexpected, sort}) {
      c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    filter.setMinWidth(120);
    // a flow, not a row: at 1024 px the sort box wraps to a second line instead of being cut
    javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6, run, cancel, progress, filter, unexpected, sort);
    bar.setAlignment(Pos.CENTER_LEFT);
    Label summary = new Label();
    summary.setId("matrixSummary");
    summary.textProperty().bind(model.summaryProperty());
    summary.setWrapText(true);
    table.setId("matrixTable");
    table.setItems(model.rows());
    table.placeholderProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(() -> placeholder(model.emptyProperty().get()),
        model.emptyProperty()));
    table.getSelectionModel().setCellSelectionEnabled(true);
    VBox.setVgrow(table, Priority.ALWAYS);
    model.callers().addListener((ListChangeListener<String>) c -> columns());
    columns(); // built on first show: a matrix may already be there
    root.getChildren().setAll(bar, summary, table, legend());
  }

  private void columns() {
    TableColumn<Row, String> route = new TableColumn<>("Route");
    route.setId("matrixRouteColumn");
    route.setPrefWidth(230);
    route.setSortable(false);
    route.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().route()));
    route.setStyle("-fx-alignment: CENTER-LEFT;");
    table.getColumns().setAll(route);
    for (String caller : model.callers()) {
      TableColumn<Row, MatrixCell> column = new TableColumn<>(caller);
      column.setPrefWidth(86);
      column.setSortable(false);
      column.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().cells().get(caller)));
      column.setCellFactory(c -> new ResultCell());
      table.getColumns().add(column);
    }
  }

  private static javafx.scene.Node placeholder(MatrixViewModel.Empty why) {
    return switch (why) {
      case NOTHING_UNEXPECTED -> EmptyState.of("mdi2c-check-circle-outline", "Nothing unexpected",
          "Every cell of this matrix is as expected. Clear \"Only unexpected\" to see them all.");
      case NO_ROUTE_MATCHES -> EmptyState.of("mdi2f-filter-remove-outline", "No route matches the filter",
          "No route of this matrix contains the filter text; change or clear it.");
      case NO_MATRIX, NONE -> EmptyState.of("mdi2t-table-large", "No matrix yet",
          "Press Run to send every route as every caller. Unexpected allows are red, unexpected denies amber; click a cell for its trace.");
    };
  }

  private javafx.scene.layout.FlowPane legend() {
    javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(12, 4);
    for (String[] item : new String[][] {{"match", "as expected"}, {"unexpected_allow", "unexpected allow"},
        {"unexpected_deny", "unexpected deny"}, {"mismatch", "mismatch"}, {"error", "no answer"},
        {"unknown", "unknown: nothing to judge by"}}) {
      Label swatch = new Label("   ");
      swatch.getStyleClass().addAll("matrix-cell", "cell-" + item[0]);
      Label text = new Label(item[1]);
      text.getStyleClass().add("text-small");
      legend.getChildren().add(new HBox(4, swatch, text));
    }
    return legend;
  }

  /** One cell: the status (or a dash) on the result's colour; a click opens the trace. */
  private final class ResultCell extends TableCell<Row, MatrixCell> {
    // one tooltip per cell, retexted on reuse: creating one per update costs more than the cell itself
    private final Tooltip tip = new Tooltip();

    ResultCell() {
      setOnMouseClicked(e -> model.open(getItem()));
      setAlignment(Pos.CENTER);
    }

    @Override
    protected void updateItem(MatrixCell cell, boolean empty) {
      super.updateItem(cell, empty);
      getStyleClass().removeIf(s -> s.startsWith("cell-"));
      if (empty || cell == null) {
        setText(null);
        setTooltip(null);
        return;
      }
      String status = cell.status() == null ? "—" : cell.status().toString();
      setText(cell.result() == dev.portcullis.engine.matrix.CellResult.UNKNOWN ? "◌ " + status : status);
      getStyleClass().addAll("matrix-cell", "cell-" + cell.result().name().toLowerCase(Locale.ROOT));
      tip.setText(cell.caller() + " → " + cell.row() + "\n" + cell.trace().verdict().sentence());
      setTooltip(tip);
    }
  }
}
