package dev.portcullis.app.ui;

import dev.portcullis.app.ui.WorkbenchViewModel.TreeRow;
import java.util.Map;
import javafx.scene.control.TreeCell;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/** A tree row with an icon per kind: per authorisation type for routes, per caller kind for callers. */
final class TreeRowCell extends TreeCell<TreeRow> {
  private final java.util.function.Predicate<String> unsaved;
  private final TreeMenus menus;
  private final java.util.function.BiConsumer<String, dev.portcullis.app.ui.TreeRef> drop;

  /**
   * {@code unsaved} says which saved requests have edits not yet saved: they get a dot after the name;
   * {@code drop} takes a saved request dragged onto another request or a folder.
   */
  TreeRowCell(java.util.function.Predicate<String> unsaved, TreeMenus menus,
      java.util.function.BiConsumer<String, dev.portcullis.app.ui.TreeRef> drop) {
    this.unsaved = unsaved;
    this.menus = menus;
    this.drop = drop;
    dragging();
  }

  /** A saved request can be dragged; a request or a folder takes it (before the request, or last in the folder). */
  private void dragging() {
    setOnDragDetected(e -> {
      if (getItem() != null && getItem().ref() instanceof dev.portcullis.app.ui.TreeRef.Request r) {
        javafx.scene.input.Dragboard board = startDragAndDrop(javafx.scene.input.TransferMode.MOVE);
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(r.name());
        board.setContent(content);
        e.consume();
      }
    });
    setOnDragOver(e -> {
      if (e.getGestureSource() != this && e.getDragboard().hasString() && takesDrop()) {
        e.acceptTransferModes(javafx.scene.input.TransferMode.MOVE);
        if (!getStyleClass().contains("tree-drop")) {
          getStyleClass().add("tree-drop");
        }
      }
      e.consume();
    });
    setOnDragExited(e -> getStyleClass().remove("tree-drop"));
    setOnDragDropped(e -> {
      boolean done = e.getDragboard().hasString() && takesDrop();
      if (done) {
        drop.accept(e.getDragboard().getString(), getItem().ref());
      }
      e.setDropCompleted(done);
      e.consume();
    });
  }

  private boolean takesDrop() {
    return getItem() != null && (getItem().ref() instanceof dev.portcullis.app.ui.TreeRef.Request
        || getItem().ref() instanceof dev.portcullis.app.ui.TreeRef.Folder);
  }

  private static final Map<String, String> ICONS = Map.ofEntries(
      Map.entry("section", "mdi2f-folder-outline"),
      Map.entry("folder", "mdi2f-folder-outline"),
      Map.entry("group", "mdi2a-account-group-outline"),
      Map.entry("gateway", "mdi2a-api"),
      Map.entry("NONE", "mdi2l-lock-open-variant-outline"),
      Map.entry("AWS_IAM", "mdi2a-aws"),
      Map.entry("COGNITO_USER_POOLS", "mdi2a-account-key-outline"),
      Map.entry("JWT", "mdi2c-certificate-outline"),
      Map.entry("CUSTOM", "mdi2l-lambda"),
      Map.entry("cognito-user", "mdi2a-account-outline"),
      Map.entry("oidc-client", "mdi2b-bank-outline"),
      Map.entry("iam", "mdi2s-shield-key-outline"),
      Map.entry("api-key", "mdi2k-key-variant"),
      Map.entry("custom-token", "mdi2t-ticket-outline"),
      Map.entry("anonymous", "mdi2i-incognito"),
      Map.entry("request", "mdi2s-send-outline"));

  @Override
  protected void updateItem(TreeRow row, boolean empty) {
    super.updateItem(row, empty);
    if (empty || row == null) {
      setText(null);
      setGraphic(null);
      setTooltip(null);
      setContextMenu(null);
      getStyleClass().remove("tree-unsaved");
      return;
    }
    boolean edited = row.ref() instanceof dev.portcullis.app.ui.TreeRef.Request r && unsaved.test(r.name());
    setText(edited ? row.label() + " •" : row.label());
    getStyleClass().remove("tree-unsaved");
    if (edited) {
      getStyleClass().add("tree-unsaved");
    }
    setContextMenu(menus.of(row));
    FontIcon icon = new FontIcon(ICONS.getOrDefault(row.kind(), "mdi2c-circle-small"));
    icon.setIconSize(16);
    icon.getStyleClass().add("tree-icon-" + row.kind().toLowerCase(java.util.Locale.ROOT));
    setGraphic(icon);
    // the label may be cut by the tree's width: the tooltip always carries it whole
    String tip = row.detail() == null ? row.label() : row.label() + "\n" + row.detail();
    setTooltip(new Tooltip(edited ? tip + "\n(unsaved edits: Ctrl+S saves)" : tip));
  }
}
