package dev.portcullis.app.ui;

import dev.portcullis.app.ui.WorkbenchViewModel.TreeRow;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: the workspace tree on the left, the work area beside it, a status bar. */
public final class WorkbenchView {
  private static final Map<String, String> ICONS = Map.ofEntries(
      Map.entry("section", "mdi2f-folder-outline"),
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

  private final WorkbenchViewModel model;
  private final BorderPane root = new BorderPane();
  private final TreeView<TreeRow> tree = new TreeView<>();
  private final Label status = new Label();

  public WorkbenchView(WorkbenchViewModel model) {
    this.model = model;
    build();
    bind();
  }

  public Parent root() {
    return root;
  }

  private void build() {
    tree.setId("workspaceTree");
    tree.setShowRoot(false);
    tree.setCellFactory(v -> new RowCell());
    Label heading = new Label("Pick a saved request, a route or a caller");
    heading.getStyleClass().add("title-3");
    heading.setWrapText(true);
    Label hint = new Label("Sending, the decoded trace and the authoriser rulings arrive with the next issues."
        + " The demo's APIs run on the embedded local gateway: no AWS account needed.");
    hint.setWrapText(true);
    hint.getStyleClass().add("text-muted");
    FontIcon gate = new FontIcon("mdi2g-gate");
    gate.getStyleClass().add("empty-state-icon");
    VBox empty = new VBox(12, gate, heading, hint);
    empty.setId("emptyState");
    empty.setAlignment(Pos.CENTER);
    empty.setMaxWidth(460);
    empty.setPadding(new Insets(24));
    BorderPane work = new BorderPane(empty);
    SplitPane split = new SplitPane(tree, work);
    split.setDividerPositions(0.3);
    status.setId("statusBar");
    HBox bar = new HBox(status);
    bar.setPadding(new Insets(4, 10, 4, 10));
    bar.getStyleClass().add("status-bar");
    root.getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());
    root.setCenter(split);
    root.setBottom(bar);
  }

  private void bind() {
    status.textProperty().bind(model.statusProperty());
    model.treeProperty().addListener((obs, old, rows) -> tree.setRoot(item(new TreeRow("root", "section", null, rows))));
  }

  private static TreeItem<TreeRow> item(TreeRow row) {
    TreeItem<TreeRow> item = new TreeItem<>(row);
    List<TreeItem<TreeRow>> children = row.children().stream().map(WorkbenchView::item).toList();
    item.getChildren().setAll(children);
    item.setExpanded("section".equals(row.kind()) || "gateway".equals(row.kind()));
    return item;
  }

  private static final class RowCell extends TreeCell<TreeRow> {
    @Override
    protected void updateItem(TreeRow row, boolean empty) {
      super.updateItem(row, empty);
      if (empty || row == null) {
        setText(null);
        setGraphic(null);
        setTooltip(null);
        return;
      }
      setText(row.label());
      FontIcon icon = new FontIcon(ICONS.getOrDefault(row.kind(), "mdi2c-circle-small"));
      icon.setIconSize(16);
      setGraphic(icon);
      setTooltip(row.detail() == null ? null : new javafx.scene.control.Tooltip(row.detail()));
    }
  }
}
