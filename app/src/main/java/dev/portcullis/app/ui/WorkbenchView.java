package dev.portcullis.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.portcullis.app.ui.WorkbenchViewModel.TreeRow;
import dev.portcullis.app.ui.console.ConsoleView;
import dev.portcullis.app.ui.lab.TokenLabView;
import dev.portcullis.app.ui.request.RequestEditorView;
import dev.portcullis.app.ui.trace.TraceView;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The main window: tree | work tabs | trace, a log pane and a status bar; dividers and theme remembered. */
public final class WorkbenchView {
  private static final javafx.scene.input.KeyCombination SEND = javafx.scene.input.KeyCombination.keyCombination("Shortcut+Enter");
  private static final javafx.scene.input.KeyCombination NEW = javafx.scene.input.KeyCombination.keyCombination("Shortcut+N");
  private static final javafx.scene.input.KeyCombination FOCUS_URL = javafx.scene.input.KeyCombination.keyCombination("Shortcut+L");

  private final WorkbenchViewModel model;
  private final BorderPane root = new BorderPane();
  private final TreeView<TreeRow> tree = new TreeView<>();
  private final TabPane tabs = new TabPane();
  private final SplitPane split = new SplitPane();
  private final Label status = new Label();
  private final ProgressBar progress = new ProgressBar();
  private final RequestEditorView request;
  private boolean rebuilding;
  private final WorkbenchMenus menus;

  public WorkbenchView(WorkbenchViewModel model) {
    this.model = model;
    this.request = new RequestEditorView(model.request());
    this.menus = new WorkbenchMenus(model, () -> root.getScene().getWindow(), request::focusUrl, this::showTab);
    build();
    bind();
  }

  public Parent root() {
    return root;
  }

  /**
   * Closing with unsaved edits asks: Save (then close), Don't save, or Cancel. True when the window
   * may close now.
   */
  public boolean confirmClose(javafx.stage.Stage stage) {
    if (!model.dirtyProperty().get()) {
      return true;
    }
    javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType("Save", javafx.scene.control.ButtonBar.ButtonData.YES);
    javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Don't save", javafx.scene.control.ButtonBar.ButtonData.NO);
    javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
        "Your edits to " + model.workspaceProperty().get().name() + " are not saved yet.", save, discard,
        javafx.scene.control.ButtonType.CANCEL);
    alert.initOwner(stage);
    alert.setHeaderText("Save the workspace before closing?");
    alert.getDialogPane().setId("unsavedDialog");
    javafx.scene.control.ButtonType answer = alert.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL);
    if (answer == save) {
      menus.save(stage::close);
      return false;
    }
    return answer == discard;
  }

  /** Shows the tab with this id ({@code tabRequest}, {@code tabLab}, {@code tabConsole}, {@code tabMatrix}). */
  public void showTab(String id) {
    tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  private void build() {
    tree.setId("workspaceTree");
    tree.setShowRoot(false);
    tree.setCellFactory(v -> new TreeRowCell(name -> model.unsavedProperty().get().contains(name), new TreeMenus(model, root::getScene),
        model::drop));
    tree.setShowRoot(false);
    tabs.setId("workTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs().setAll(WorkTabs.tab("tabRequest", "Request", "mdi2s-send", () -> request.root()),
        WorkTabs.tab("tabLab", "Token lab", "mdi2f-flask-outline", () -> new TokenLabView(model.lab()).root()),
        WorkTabs.tab("tabConsole", "Console", "mdi2c-console", () -> new ConsoleView(model.console()).root()),
        WorkTabs.tab("tabMatrix", "Matrix", "mdi2t-table", () -> new dev.portcullis.app.ui.matrix.MatrixView(model.matrix()).root()),
        WorkTabs.tab("tabCaller", "Caller", "mdi2a-account-outline",
            () -> new dev.portcullis.app.ui.callers.CallerEditorView(model.callers()).root()),
        WorkTabs.tab("tabAuthorizer", "Authoriser", "mdi2s-shield-key-outline",
            () -> new dev.portcullis.app.ui.authorizers.AuthorizerEditorView(model.authorizers()).root()),
        WorkTabs.tab("tabAdvisor", "Advisor", "mdi2l-lightbulb-outline",
            () -> new dev.portcullis.app.ui.advisor.AdvisorView(model.advisor(), () -> showTab("tabRequest")).root()),
        WorkTabs.tab("tabHistory", "History", "mdi2h-history", () -> new dev.portcullis.app.ui.history.HistoryView(model.history()).root()),
        WorkTabs.tab("tabEnvironments", "Envs", "mdi2l-layers-outline",
            () -> new dev.portcullis.app.ui.env.EnvironmentEditorView(model.environments()).root()));
    WorkTabs.fit(tabs);
    split.setId("mainSplit");
    split.getItems().setAll(tree, tabs, new TraceView(model.trace()).root());
    root.getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());
    root.setTop(menus.build());
    root.setCenter(split);
    root.setBottom(new VBox(logPane(), statusBar()));
  }

  private TitledPane logPane() {
    ListView<String> lines = new ListView<>(model.log().lines());
    lines.setId("logPane");
    lines.setPrefHeight(120);
    lines.getStyleClass().add("mono");
    model.log().lines().addListener((javafx.collections.ListChangeListener<String>) c -> lines.scrollTo(lines.getItems().size() - 1));
    TitledPane pane = new TitledPane("Log", lines);
    pane.setId("logToggle");
    pane.setExpanded(false);
    pane.setAnimated(false);
    return pane;
  }

  private HBox statusBar() {
    status.setId("statusBar");
    status.setMinWidth(0);
    progress.setId("busyBar");
    progress.setPrefWidth(120);
    progress.visibleProperty().bind(model.sessions().busyProperty().or(model.request().sendingProperty()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, status, spacer, progress);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 10, 4, 10));
    bar.getStyleClass().add("status-bar");
    return bar;
  }

  private void bind() {
    status.textProperty().bind(model.statusProperty());
    model.treeProperty().addListener((obs, old, rows) -> rebuildTree(rows));
    model.selectedProperty().addListener((obs, old, ref) -> selectRow(ref));
    model.unsavedProperty().addListener((obs, old, now) -> tree.refresh());
    tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
      if (item != null && !rebuilding) {
        model.select(item.getValue());
        switch (item.getValue().ref()) {
          case TreeRef.Request r -> showTab("tabRequest");
          case TreeRef.Route r -> showTab("tabRequest");
          case TreeRef.Caller c -> showTab("tabCaller");
          case null, default -> { }
        }
      }
    });
    applyTheme(model.darkProperty().get());
    model.darkProperty().addListener((obs, old, dark) -> applyTheme(dark));
    rememberDividers();
    root.sceneProperty().addListener((obs, old, scene) -> {
      if (scene != null) {
        // a filter, not only the menu accelerator: text areas consume Enter before accelerators see it
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
          if (NEW.match(e)) {
            e.consume();
            model.newRequest();
            showTab("tabRequest");
            request.focusUrl();
          } else if (SEND.match(e)) {
            e.consume();
            model.request().send();
          } else if (FOCUS_URL.match(e)) {
            e.consume();
            showTab("tabRequest");
            request.focusUrl();
          }
        });
        scene.windowProperty().addListener((o, w, window) -> {
          if (window != null) {
            QuestionDialogs.install(model.questions(), window);
            ImportPreviewDialog.install(model, window);
          }
        });
      }
    });
  }

  /**
   * One layout for every tab: the tree and the trace keep their widths when switching tabs (a pane
   * that jumps is harder to read than one that is a little narrow), the trace pane can be hidden
   * (View → Trace pane). Restored from the last run,
   * saved when moved.
   */
  private void rememberDividers() {
    javafx.scene.Node trace = split.getItems().get(2);
    Runnable layout = () -> {
      boolean shown = model.trace().shownProperty().get();
      if (shown && !split.getItems().contains(trace)) {
        split.getItems().add(trace);
      } else if (!shown) {
        split.getItems().remove(trace);
      }
      double[] saved = positions();
      split.setDividerPositions(shown ? saved : new double[] {saved[0]});
    };
    layout.run();
    model.trace().shownProperty().addListener((obs, old, now) -> layout.run());
    // the dividers are fractions of the window: a resized window keeps the proportions the person chose
    split.widthProperty().addListener((obs, old, now) -> layout.run());
    // kept when the person lets go of a divider, not whenever a resize moves them
    split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> keepDividers());
  }

  private void keepDividers() {
    double[] saved = positions();
    for (int i = 0; i < split.getDividers().size(); i++) {
      saved[i] = split.getDividers().get(i).getPosition();
    }
    model.prefs().put("dividers", String.format(java.util.Locale.ROOT, "%.3f,%.3f", saved[0], saved[1]));
  }

  private double[] positions() {
    String[] saved = model.prefs().get("dividers", "0.17,0.66").split(",");
    return saved.length == 2 ? java.util.Arrays.stream(saved).mapToDouble(Double::parseDouble).toArray() : new double[] {0.17, 0.66};
  }

  private static void applyTheme(boolean dark) {
    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
  }

  /** A new tree for the workspace as it is now: rows stay open or closed as they were, the selection stays. */
  private void rebuildTree(List<TreeRow> rows) {
    java.util.Map<String, Boolean> open = new java.util.HashMap<>();
    if (tree.getRoot() != null) {
      remember(tree.getRoot(), open);
    }
    rebuilding = true;
    try {
      tree.setRoot(item(new TreeRow("root", "section", null, rows, null), open));
      selectRow(model.selectedProperty().get());
    } finally {
      rebuilding = false;
    }
  }

  private void selectRow(TreeRef ref) {
    TreeItem<TreeRow> found = ref == null || tree.getRoot() == null ? null : find(tree.getRoot(), ref);
    if (found == null) {
      return;
    }
    boolean was = rebuilding;
    rebuilding = true;
    try {
      for (TreeItem<TreeRow> up = found.getParent(); up != null; up = up.getParent()) {
        up.setExpanded(true);
      }
      tree.getSelectionModel().select(found);
      int row = tree.getRow(found);
      if (row >= 0) {
        tree.scrollTo(Math.max(0, row - 3));
      }
    } finally {
      rebuilding = was;
    }
  }

  private static TreeItem<TreeRow> find(TreeItem<TreeRow> item, TreeRef ref) {
    if (ref.equals(item.getValue().ref())) {
      return item;
    }
    for (TreeItem<TreeRow> child : item.getChildren()) {
      TreeItem<TreeRow> found = find(child, ref);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static void remember(TreeItem<TreeRow> item, java.util.Map<String, Boolean> open) {
    if (!item.isLeaf()) {
      open.put(key(item.getValue()), item.isExpanded());
      item.getChildren().forEach(c -> remember(c, open));
    }
  }

  private static String key(TreeRow row) {
    return row.kind() + ":" + row.label();
  }

  private static TreeItem<TreeRow> item(TreeRow row, java.util.Map<String, Boolean> open) {
    TreeItem<TreeRow> item = new TreeItem<>(row);
    List<TreeItem<TreeRow>> children = row.children().stream().map(c -> item(c, open)).toList();
    item.getChildren().setAll(children);
    item.setExpanded(open.getOrDefault(key(row),
        List.of("section", "gateway", "folder", "group").contains(row.kind()) && !"Callers".equals(row.label())));
    return item;
  }
}
