package dev.portcullis.app.ui;

import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
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

  /** The items as wrapped lines in a scrolling column: each is read whole, however long. */
  private static Tab list(String title, String id, List<String> lines) {
    VBox items = new VBox(6);
    items.setId(id);
    items.setPadding(new javafx.geometry.Insets(8));
    for (String line : lines.isEmpty() ? List.of("(none)") : lines) {
      Label text = new Label(line);
      text.setWrapText(true);
      text.setMinHeight(Label.USE_PREF_SIZE);
      items.getChildren().add(text);
    }
    javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(items);
    scroll.setFitToWidth(true);
    scroll.setPrefSize(640, 280);
    return new Tab(title + " (" + lines.size() + ")", scroll);
  }
}
