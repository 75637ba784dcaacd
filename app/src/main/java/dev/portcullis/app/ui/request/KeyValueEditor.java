package dev.portcullis.app.ui.request;

import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A key/value table with an on/off box per row, Add and Remove, and a Bulk edit switch that shows
 * the same rows as text; optionally, greyed below, the rows the caller adds on its own.
 */
public final class KeyValueEditor {
  private final KeyValueTable model;
  private final String id;
  private final VBox root = new VBox(6);
  private final TableView<KeyValueRow> table = new TableView<>();
  private final TextArea bulk = new TextArea();

  public KeyValueEditor(KeyValueTable model, String id, String prompt, ObservableList<KeyValueRow> generated) {
    this.model = model;
    this.id = id;
    build(prompt, generated);
  }

  public Node root() {
    return root;
  }

  private void build(String prompt, ObservableList<KeyValueRow> generated) {
    table.setId(id + "Table");
    table.setItems(model.rows());
    table.setEditable(true);
    Label none = new Label("None yet: Add one, or Bulk edit to paste lines.");
    none.setWrapText(true);
    table.setPlaceholder(none);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<KeyValueRow, Boolean> on = new TableColumn<>("On");
    on.setId(id + "On");
    on.setPrefWidth(44);
    on.setMaxWidth(44);
    on.setMinWidth(44);
    on.setSortable(false);
    on.setCellFactory(CheckBoxTableCell.forTableColumn(index -> {
      javafx.beans.property.BooleanProperty state = new javafx.beans.property.SimpleBooleanProperty(
          index >= 0 && index < model.rows().size() && model.rows().get(index).enabled());
      state.addListener((obs, was, now) -> model.toggle(index, now));
      return state;
    }));
    on.setCellValueFactory(c -> new javafx.beans.property.SimpleBooleanProperty(c.getValue().enabled()));
    on.setEditable(true);
    TableColumn<KeyValueRow, String> name = column("Name", KeyValueRow::name, (row, text) -> row.withName(text));
    TableColumn<KeyValueRow, String> value = column("Value", KeyValueRow::value, (row, text) -> row.withValue(text));
    name.setPrefWidth(160);
    name.setMinWidth(110); // a long value takes the room it has, never the name's
    table.getColumns().setAll(java.util.List.of(on, name, value));
    table.setRowFactory(v -> new javafx.scene.control.TableRow<>() {
      @Override
      protected void updateItem(KeyValueRow row, boolean empty) {
        super.updateItem(row, empty);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("off"), !empty && row != null && !row.enabled());
      }
    });
    bulk.setId(id);
    bulk.setPromptText(prompt);
    bulk.getStyleClass().add("mono");
    bulk.textProperty().bindBidirectional(model.textProperty());
    ToggleButton asText = new ToggleButton("Bulk edit");
    asText.setId(id + "Bulk");
    asText.getStyleClass().add("small");
    bulk.visibleProperty().bind(asText.selectedProperty());
    table.visibleProperty().bind(asText.selectedProperty().not());
    Button add = new Button("Add", new FontIcon("mdi2p-plus"));
    add.setId(id + "Add");
    add.getStyleClass().add("small");
    add.setOnAction(e -> {
      model.add("name", "value");
      table.getSelectionModel().select(model.rows().size() - 1);
      table.edit(model.rows().size() - 1, name);
    });
    Button remove = new Button("Remove", new FontIcon("mdi2m-minus"));
    remove.getStyleClass().add("small");
    remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(asText.selectedProperty()));
    remove.setOnAction(e -> model.remove(table.getSelectionModel().getSelectedIndex()));
    add.disableProperty().bind(asText.selectedProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label hint = new Label("Rows switched off stay here and are not sent.");
    hint.getStyleClass().add("text-muted");
    hint.setMinWidth(0);
    for (javafx.scene.control.ButtonBase b : java.util.List.of(add, remove, asText)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    hint.setTooltip(new javafx.scene.control.Tooltip(hint.getText()));
    HBox bar = new HBox(6, add, remove, hint, spacer, asText);
    bar.setAlignment(Pos.CENTER_LEFT);
    StackPane stack = new StackPane(table, bulk);
    VBox.setVgrow(stack, Priority.ALWAYS);
    root.setPadding(new Insets(6, 0, 0, 0));
    root.getChildren().setAll(bar, stack);
    if (generated != null) {
      root.getChildren().add(generated(generated));
    }
  }

  /** The caller's own headers, greyed: they are added on the way out and cannot be edited here. */
  private Node generated(ObservableList<KeyValueRow> rows) {
    VBox box = new VBox(2);
    box.setId(id + "Generated");
    box.getStyleClass().add("generated-headers");
    Runnable fill = () -> {
      box.getChildren().clear();
      if (!rows.isEmpty()) {
        Label heading = new Label("Added by the caller when sent");
        heading.getStyleClass().add("detail-heading");
        box.getChildren().add(heading);
      }
      rows.forEach(r -> {
        Label line = new Label(r.name() + ": " + r.value());
        line.getStyleClass().addAll("mono", "generated-header");
        line.setMinWidth(0);
        line.setTooltip(new javafx.scene.control.Tooltip(line.getText()));
        box.getChildren().add(line);
      });
    };
    rows.addListener((javafx.collections.ListChangeListener<KeyValueRow>) c -> fill.run());
    fill.run();
    return box;
  }

  private TableColumn<KeyValueRow, String> column(String title, java.util.function.Function<KeyValueRow, String> get,
      java.util.function.BiFunction<KeyValueRow, String, KeyValueRow> with) {
    TableColumn<KeyValueRow, String> column = new TableColumn<>(title);
    column.setSortable(false);
    column.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(get.apply(c.getValue())));
    column.setCellFactory(TextFieldTableCell.forTableColumn());
    column.setOnEditCommit(e -> model.set(e.getTablePosition().getRow(), with.apply(e.getRowValue(), e.getNewValue())));
    column.getStyleClass().add("mono");
    return column;
  }
}
