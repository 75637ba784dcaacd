package dev.portcullis.app.ui;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** File → Import…'s preview: the report's mapped, left-out and unreadable items, with Open or Cancel, before anything opens. */
final class ImportPreviewDialog {
  private ImportPreviewDialog() {}

  static void install(WorkbenchViewModel model, Window owner) {
    model.importPreviewProperty().addListener((obs, old, preview) -> {
      if (preview != null) {
        show(model, preview, owner);
      }
    });
  }

  private static void show(WorkbenchViewModel model, WorkbenchViewModel.ImportPreview preview, Window owner) {
    Dialog<Boolean> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle("Import " + preview.source());
    dialog.setHeaderText(preview.unreadable().isEmpty() ? "Open this import?"
        : "Open this import? " + preview.unreadable().size() + " route(s) could not be read and deny everything locally");
    Label summary = new Label(preview.summary() + " Nothing is written until you save.");
    summary.setWrapText(true);
    summary.setMaxWidth(640);
    TabPane lists = new TabPane(list("Mapped", "importMapped", preview.mapped()), list("Left out", "importLeftOut", preview.leftOut()),
        list("Unreadable", "importUnreadable", preview.unreadable()));
    lists.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    if (!preview.unreadable().isEmpty()) {
      lists.getSelectionModel().select(2); // the loudest first: a route whose protection is unknown
    }
    dialog.getDialogPane().setContent(new VBox(10, summary, lists));
    dialog.getDialogPane().setId("importPreview");
    ButtonType open = new ButtonType("Open the import", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, open);
    dialog.setResultConverter(button -> button == open);
    dialog.setOnHidden(e -> {
      if (Boolean.TRUE.equals(dialog.getResult())) {
        model.acceptImport();
      } else {
        model.cancelImport();
      }
    });
    dialog.show();
  }

  private static Tab list(String title, String id, List<String> lines) {
    ListView<String> view = new ListView<>(FXCollections.observableArrayList(lines.isEmpty() ? List.of("(none)") : lines));
    view.setId(id);
    view.setPrefSize(640, 280);
    view.getStyleClass().add("mono");
    // each item wraps to the list's width: a long mapping is read whole, not scrolled sideways
    view.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
      @Override
      protected void updateItem(String line, boolean empty) {
        super.updateItem(line, empty);
        setText(null);
        if (empty || line == null) {
          setGraphic(null);
          return;
        }
        Label text = new Label(line);
        text.setWrapText(true);
        text.setMinHeight(Label.USE_PREF_SIZE);
        text.prefWidthProperty().bind(view.widthProperty().subtract(30));
        setGraphic(text);
      }
    });
    return new Tab(title + " (" + lines.size() + ")", view);
  }
}
