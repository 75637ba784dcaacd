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
import javafx.scene.control.Tab;
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
  private static final javafx.scene.input.KeyCombination FOCUS_URL = javafx.scene.input.KeyCombination.keyCombination("Shortcut+L");

  private final WorkbenchViewModel model;
  private final BorderPane root = new BorderPane();
  private final TreeView<TreeRow> tree = new TreeView<>();
  private final TabPane tabs = new TabPane();
  private final SplitPane split = new SplitPane();
  private final Label status = new Label();
  private final ProgressBar progress = new ProgressBar();
  private final RequestEditorView request;

  public WorkbenchView(WorkbenchViewModel model) {
    this.model = model;
    this.request = new RequestEditorView(model.request());
    build();
    bind();
  }

  public Parent root() {
    return root;
  }

  /** Shows the tab with this id ({@code tabRequest}, {@code tabLab}, {@code tabConsole}, {@code tabMatrix}). */
  public void showTab(String id) {
    tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  private void build() {
    tree.setId("workspaceTree");
    tree.setShowRoot(false);
    tree.setCellFactory(v -> new TreeRowCell());
    tabs.setId("workTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs().setAll(tab("tabRequest", "Request", () -> request.root()),
        tab("tabLab", "Token lab", () -> new TokenLabView(model.lab()).root()),
        tab("tabConsole", "Gateway console", () -> new ConsoleView(model.console()).root()),
        tab("tabMatrix", "Matrix", () -> new dev.portcullis.app.ui.matrix.MatrixView(model.matrix()).root()),
        tab("tabCaller", "Caller", () -> new dev.portcullis.app.ui.callers.CallerEditorView(model.callers()).root()),
        tab("tabAdvisor", "Advisor", () -> new dev.portcullis.app.ui.advisor.AdvisorView(model.advisor(), () -> showTab("tabRequest")).root()));
    split.setId("mainSplit");
    split.getItems().setAll(tree, tabs, new TraceView(model.trace()).root());
    SplitPane.setResizableWithParent(tree, false);
    root.getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());
    root.setTop(new WorkbenchMenus(model, () -> root.getScene().getWindow(), request::focusUrl, this::showTab).build());
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
    model.treeProperty().addListener((obs, old, rows) -> tree.setRoot(item(new TreeRow("root", "section", null, rows, null))));
    tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
      if (item != null) {
        model.select(item.getValue());
        String ref = item.getValue().ref() == null ? "" : item.getValue().ref();
        if (ref.startsWith("request:")) {
          showTab("tabRequest");
        } else if (ref.startsWith("caller:")) {
          showTab("tabCaller");
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
          if (SEND.match(e)) {
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
          }
        });
      }
    });
  }

  /**
   * Each tab remembers its own dividers: the request wants room for the trace, the matrix and the
   * token lab want it for themselves. Restored from the last run, saved when moved.
   */
  private void rememberDividers() {
    boolean[] applying = {false};
    Runnable apply = () -> {
      applying[0] = true;
      split.setDividerPositions(positions(currentTab()));
      applying[0] = false;
    };
    apply.run();
    tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> apply.run());
    split.getDividers().forEach(d -> d.positionProperty().addListener((obs, old, now) -> {
      if (!applying[0]) {
        model.prefs().put("dividers." + currentTab(), String.join(",", split.getDividers().stream()
            .map(x -> String.format(java.util.Locale.ROOT, "%.3f", x.getPosition())).toList()));
      }
    }));
  }

  private String currentTab() {
    Tab tab = tabs.getSelectionModel().getSelectedItem();
    return tab == null ? "tabRequest" : tab.getId();
  }

  private double[] positions(String tab) {
    String fallback = "tabRequest".equals(tab) ? "0.19,0.55" : "0.16,0.72";
    String[] saved = model.prefs().get("dividers." + tab, fallback).split(",");
    return java.util.Arrays.stream(saved).mapToDouble(Double::parseDouble).toArray();
  }

  private static void applyTheme(boolean dark) {
    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
  }

  /** A tab whose view is built the first time it is shown: the window opens sooner. */
  private static Tab tab(String id, String title, java.util.function.Supplier<javafx.scene.Node> content) {
    Tab tab = new Tab(title);
    tab.setId(id);
    if (tab.isSelected()) {
      tab.setContent(content.get());
    }
    tab.selectedProperty().addListener((obs, was, selected) -> {
      if (selected && tab.getContent() == null) {
        tab.setContent(content.get());
      }
    });
    return tab;
  }

  private static TreeItem<TreeRow> item(TreeRow row) {
    TreeItem<TreeRow> item = new TreeItem<>(row);
    List<TreeItem<TreeRow>> children = row.children().stream().map(WorkbenchView::item).toList();
    item.getChildren().setAll(children);
    item.setExpanded(List.of("section", "gateway", "folder", "group").contains(row.kind()) && !"Callers".equals(row.label()));
    return item;
  }
}
