package dev.portcullis.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The menu bar: files (open, save, recent, export, import, quit), sending, and the view (theme). */
final class WorkbenchMenus {
  private final WorkbenchViewModel model;
  private final java.util.function.Supplier<Window> window;
  private final Runnable focusUrl;
  private final Consumer<String> showTab;

  WorkbenchMenus(WorkbenchViewModel model, java.util.function.Supplier<Window> window, Runnable focusUrl, Consumer<String> showTab) {
    this.model = model;
    this.window = window;
    this.focusUrl = focusUrl;
    this.showTab = showTab;
  }

  MenuBar build() {
    MenuBar bar = new MenuBar(file(), request(), view());
    bar.setId("menuBar");
    return bar;
  }

  private Menu file() {
    Menu recent = new Menu("Open recent");
    recent.setId("recentMenu");
    Runnable fill = () -> {
      recent.getItems().setAll(model.recent().stream().map(p -> item(p, null, () -> model.open(Path.of(p)))).toList());
      recent.setDisable(model.recent().isEmpty());
    };
    model.recent().addListener((ListChangeListener<String>) c -> fill.run());
    fill.run();
    return new Menu("File", null,
        item("Open workspace…", "Shortcut+O", () -> choose(false, "Open workspace", model::open)),
        recent,
        item("Open the demo", null, model::openDemo),
        item("Save", "Shortcut+S", () -> save(() -> { })),
        item("Save as…", "Shortcut+Shift+S", () -> choose(true, "Save workspace as", model::save)),
        new javafx.scene.control.SeparatorMenuItem(),
        item("Export a shareable copy…", "Shortcut+Shift+E", () -> choose(true, "Export a shareable copy", model::exportShareable)),
        item("Import a shared workspace…", "Shortcut+I", () -> choose(false, "Import a shared workspace", model::importShared)),
        item("Import an API definition…", "Shortcut+Shift+I", this::chooseDefinition),
        item("Import curl…", null, () -> ImportCurlDialog.show(model, window.get())),
        new javafx.scene.control.SeparatorMenuItem(),
        item("Quit", "Shortcut+Q", this::quit));
  }

  private Menu request() {
    return new Menu("Request", null,
        item("New request", "Shortcut+N", model::newRequest),
        item("Duplicate", "Shortcut+D", model::duplicate),
        item("Delete", null, model::delete),
        item("Copy as curl", "Shortcut+Shift+C", () -> model.copyAsCurl(WorkbenchMenus::toClipboard)),
        new javafx.scene.control.SeparatorMenuItem(),
        item("Send", "Shortcut+Enter", model.request()::send),
        item("Focus the URL", "Shortcut+L", focusUrl),
        item("Token lab", "Shortcut+T", () -> showTab.accept("tabLab")),
        item("Gateway console", "Shortcut+G", () -> showTab.accept("tabConsole")));
  }

  private Menu view() {
    CheckMenuItem dark = new CheckMenuItem("Dark theme");
    dark.setId("darkTheme");
    dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
    dark.selectedProperty().bindBidirectional(model.darkProperty());
    CheckMenuItem trace = new CheckMenuItem("Trace pane");
    trace.setId("showTrace");
    trace.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+T"));
    trace.selectedProperty().bindBidirectional(model.trace().shownProperty());
    return new Menu("View", null, dark, trace);
  }

  /** Closes the window as its close button does: unsaved edits are asked about first (the window's close-request handler). */
  private void quit() {
    Window w = window.get();
    w.fireEvent(new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
  }

  private void chooseDefinition() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Import an API definition");
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("OpenAPI, SAM, CloudFormation, serverless.yml", "*.json", "*.yaml", "*.yml", "*.template"),
        new FileChooser.ExtensionFilter("Any file", "*"));
    File file = chooser.showOpenDialog(window.get());
    if (file != null) {
      model.importDefinition(file.toPath());
    }
  }

  /** Saves to the open file, or asks where when there is none yet (the demo, an import); {@code then} after writing. */
  void save(Runnable then) {
    if (!model.save(null, then)) {
      choose(true, "Save workspace", p -> model.save(p, then));
    }
  }

  private void choose(boolean save, String title, Consumer<Path> action) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Portcullis workspace", "*.json"));
    File file = save ? chooser.showSaveDialog(window.get()) : chooser.showOpenDialog(window.get());
    if (file != null) {
      action.accept(file.toPath());
    }
  }

  /** Puts {@code text} on the system clipboard: where Copy as curl goes. */
  static void toClipboard(String text) {
    javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
    content.putString(text);
    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
  }

  private static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(text);
    if (accelerator != null) {
      item.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    item.setOnAction(e -> action.run());
    return item;
  }
}
