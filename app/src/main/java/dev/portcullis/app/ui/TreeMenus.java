package dev.portcullis.app.ui;

import dev.portcullis.app.ui.WorkbenchViewModel.TreeRow;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;

/** The workspace tree's context menus: what can be done with a saved request, a folder or a route. */
final class TreeMenus {
  private final WorkbenchViewModel model;
  private final Supplier<Scene> scene;

  TreeMenus(WorkbenchViewModel model, Supplier<Scene> scene) {
    this.model = model;
    this.scene = scene;
  }

  /** The menu for {@code row}; null when it has none (headings of APIs and callers, callers). */
  ContextMenu of(TreeRow row) {
    return switch (row.ref()) {
      case TreeRef.Request r -> menu(
          item("Duplicate", "menuDuplicate", () -> onRequest(r, model::duplicate)),
          item("Rename…", "menuRename", () -> onRequest(r, () -> ask("Rename request", "New name for " + r.name(), r.name())
              .ifPresent(model::rename))),
          moveMenu(r),
          item("Copy as curl", "menuCopyCurl", () -> onRequest(r, () -> model.copyAsCurl(WorkbenchMenus::toClipboard))),
          new SeparatorMenuItem(),
          item("New request (Ctrl+N)", "menuNew", () -> onRequest(r, model::newRequest)),
          item("Delete", "menuDelete", () -> onRequest(r, model::delete)));
      case TreeRef.Route r -> menu(item("New request on this route", "menuFromRoute",
          () -> model.newRequestFromRoute(r.gateway(), r.routeKey())));
      case TreeRef.Folder f -> menu(
          item("New request here (Ctrl+N)", "menuNew", () -> {
            model.select(f);
            model.newRequest();
          }),
          item("New folder…", "menuNewFolder", () -> ask("New folder", "Name of the new folder", "").ifPresent(model::newFolder)));
      case TreeRef.Caller c -> null;
      case null -> null;
    };
  }

  private Menu moveMenu(TreeRef.Request r) {
    Menu move = new Menu("Move to");
    move.setId("menuMove");
    move.setOnShowing(e -> {
      move.getItems().setAll(model.folders().stream().map(f -> item(f, null, () -> onRequest(r, () -> model.moveTo(f)))).toList());
      move.getItems().addAll(new SeparatorMenuItem(), item("No folder", null, () -> onRequest(r, () -> model.moveTo(null))),
          item("New folder…", null, () -> onRequest(r, () -> ask("New folder", "Move " + r.name() + " to a new folder named", "")
              .ifPresent(model::moveTo))));
    });
    move.getItems().add(new MenuItem("…"));
    return move;
  }

  private void onRequest(TreeRef.Request r, Runnable action) {
    model.select(r);
    action.run();
  }

  private Optional<String> ask(String title, String prompt, String value) {
    TextInputDialog dialog = new TextInputDialog(value);
    if (scene.get() != null) {
      dialog.initOwner(scene.get().getWindow());
    }
    dialog.setTitle(title);
    dialog.setHeaderText(prompt);
    dialog.getEditor().setId("nameAnswer");
    return dialog.showAndWait().filter(s -> !s.isBlank());
  }

  private static ContextMenu menu(MenuItem... items) {
    return new ContextMenu(items);
  }

  private static MenuItem item(String text, String id, Runnable action) {
    MenuItem item = new MenuItem(text);
    if (id != null) {
      item.setId(id);
    }
    item.setOnAction(e -> action.run());
    return item;
  }
}
