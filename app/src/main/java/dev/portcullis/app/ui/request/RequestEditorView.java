package dev.portcullis.app.ui.request;

import dev.portcullis.app.ui.CodeBlock;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.StyleClassedTextField;
import org.kordamp.ikonli.javafx.FontIcon;

/** The request editor: method, gateway and path on one line with Send; caller and target; tabs for the rest. */
public final class RequestEditorView {
  private final RequestEditorViewModel model;
  private final VBox root = new VBox(8);
  private final ComboBox<String> method = new ComboBox<>();
  private final ComboBox<String> gateway = new ComboBox<>();
  private final StyleClassedTextField url = new StyleClassedTextField() {
    // a full URL or a curl command is split into the editor's fields instead of landing in the path as text
    @Override
    public void paste() {
      String text = javafx.scene.input.Clipboard.getSystemClipboard().getString();
      if (text == null || !model.paste(text)) {
        super.paste();
      }
    }
  };
  private final Button send = new Button("Send", new FontIcon("mdi2s-send"));
  private final Button cancel = new Button("Cancel", new FontIcon("mdi2c-close"));
  private final Button copyCurl = new Button(null, new FontIcon("mdi2c-content-copy"));
  private final ProgressIndicator progress = new ProgressIndicator();
  private final ComboBox<String> caller = new ComboBox<>();
  private final ComboBox<String> environment = new ComboBox<>();
  private final Label name = new Label();
  private final Label description = new Label();
  private final CodeArea body = CodeBlock.editable(true);
  private final TextField status = new TextField();
  private final TextField errorType = new TextField();
  private final TextField decidedBy = new TextField();

  public RequestEditorView(RequestEditorViewModel model) {
    this.model = model;
    build();
    bind();
  }

  public Parent root() {
    return root;
  }

  /** Ctrl+L: the URL gets the focus with its text selected, as in a browser. */
  public void focusUrl() {
    url.requestFocus();
    url.selectAll();
  }

  private void build() {
    root.setId("requestEditor");
    root.setPadding(new Insets(10));
    method.setId("method");
    method.getItems().setAll(RequestEditorViewModel.METHODS);
    method.setPrefWidth(96);
    method.setMinWidth(Region.USE_PREF_SIZE);
    gateway.setId("gateway");
    gateway.setPrefWidth(120);
    url.setId("url");
    url.getStyleClass().add("url-field");
    HBox.setHgrow(url, Priority.ALWAYS);
    send.setId("send");
    send.getStyleClass().add("accent");
    send.setDefaultButton(false);
    send.setTooltip(new Tooltip("Send (Ctrl+Enter)"));
    progress.setId("sendProgress");
    progress.setPrefSize(22, 22);
    progress.managedProperty().bind(progress.visibleProperty());
    send.setMinWidth(Region.USE_PREF_SIZE);
    url.setMinWidth(120);
    cancel.setId("cancelSend");
    cancel.setTooltip(new Tooltip("Stop this send (Esc)"));
    cancel.setMinWidth(Region.USE_PREF_SIZE);
    cancel.managedProperty().bind(cancel.visibleProperty());
    send.managedProperty().bind(send.visibleProperty());
    copyCurl.setId("copyCurl");
    copyCurl.setTooltip(new Tooltip("Copy as curl (Ctrl+Shift+C): this request as edited now, secrets as $VARIABLES"));
    copyCurl.setMinWidth(Region.USE_PREF_SIZE);
    HBox line = new HBox(6, method, url, send, cancel, progress, copyCurl);
    line.setAlignment(Pos.CENTER_LEFT);
    name.setId("requestName");
    name.getStyleClass().add("title-4");
    caller.setId("callerPicker");
    caller.setPrefWidth(150);
    environment.setId("environmentPicker");
    environment.setPrefWidth(210);
    // the picker says where a send goes: the emulated gateway on this machine, or real AWS with an environment
    environment.setCellFactory(v -> new TargetCell());
    environment.setButtonCell(new TargetCell());
    javafx.scene.layout.FlowPane who = new javafx.scene.layout.FlowPane(12, 6, labelled("Caller", caller), labelled("API", gateway),
        labelled("Target", environment));
    TabPane tabs = new TabPane(
        new Tab("Query", new KeyValueEditor(model.queryTable(), "query", "name=value, one per line; // before a line switches it off", null).root()),
        new Tab("Headers", new KeyValueEditor(model.headerTable(), "headers", "Name: value, one per line; // before a line switches it off",
            model.callerHeaders()).root()),
        new Tab("Body", new VirtualizedScrollPane<>(body)), new Tab("Expectation", expectation()));
    tabs.setId("requestTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    body.setId("body");
    VBox.setVgrow(tabs, Priority.ALWAYS);
    description.setId("requestDescription");
    description.setWrapText(true);
    description.setMinHeight(Region.USE_PREF_SIZE);
    description.getStyleClass().add("request-description");
    description.managedProperty().bind(description.visibleProperty());
    root.getChildren().setAll(name, description, line, who, tabs);
  }

  private void bind() {
    method.valueProperty().bindBidirectional(model.methodProperty());
    gateway.setItems(model.gateways());
    gateway.valueProperty().bindBidirectional(model.gatewayProperty());
    caller.setItems(model.callers());
    caller.valueProperty().bindBidirectional(model.callerProperty());
    environment.setItems(model.environments());
    environment.setConverter(new javafx.util.StringConverter<>() {
      public String toString(String entry) {
        return RequestEditorViewModel.targetLabel(entry);
      }

      public String fromString(String label) {
        return model.environments().stream().filter(e -> RequestEditorViewModel.targetLabel(e).equals(label)).findFirst().orElse(label);
      }
    });
    environment.valueProperty().bindBidirectional(model.environmentProperty());
    name.textProperty().bind(Bindings.when(model.nameProperty().isEmpty()).then("New request: pick an API, type a path, Send")
        .otherwise(Bindings.concat(model.nameProperty(), Bindings.when(model.dirtyProperty()).then("  • edited").otherwise(""))));
    description.textProperty().bind(model.descriptionProperty());
    description.visibleProperty().bind(model.descriptionProperty().isNotEmpty());
    bindUrl();
    model.bodyProperty().addListener((obs, old, now) -> {
      if (!now.equals(body.getText())) {
        body.replaceText(now);
      }
    });
    body.textProperty().addListener((obs, old, now) -> model.bodyProperty().set(now));
    body.setUndoManager(org.fxmisc.richtext.util.UndoUtils.plainTextUndoManager(body));
    // loading another request is not an edit to undo: Ctrl+Z stops at the request as it was loaded
    model.originalProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(() -> {
      url.getUndoManager().forgetHistory();
      body.getUndoManager().forgetHistory();
    }));
    status.textProperty().bindBidirectional(model.expectStatusProperty());
    errorType.textProperty().bindBidirectional(model.expectErrorTypeProperty());
    decidedBy.textProperty().bindBidirectional(model.expectDecidedByProperty());
    send.disableProperty().bind(model.canSendProperty().not());
    send.setOnAction(e -> model.send());
    // while a send runs, its button is Cancel
    send.visibleProperty().bind(model.sendingProperty().not());
    cancel.visibleProperty().bind(model.sendingProperty());
    cancel.setOnAction(e -> model.cancel());
    copyCurl.disableProperty().bind(model.canSendProperty().not());
    copyCurl.setOnAction(e -> model.copyAsCurl(text -> {
      javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
      content.putString(text);
      javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }));
    root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && model.sendingProperty().get()) {
        e.consume();
        model.cancel();
      }
    });
    progress.visibleProperty().bind(model.sendingProperty());
  }

  /** The path with {{variables}} highlighted; hovering shows what each resolves to. */
  private void bindUrl() {
    // Ctrl+Z undoes typing, not the highlighting laid over it (the default manager records style changes as edits too)
    url.setUndoManager(org.fxmisc.richtext.util.UndoUtils.plainTextUndoManager(url));
    model.pathProperty().addListener((obs, old, now) -> {
      if (!now.equals(url.getText())) {
        url.replaceText(now);
      }
    });
    url.textProperty().addListener((obs, old, now) -> {
      model.pathProperty().set(now);
      url.setStyleSpans(0, CodeBlock.highlight(now, false));
    });
    Tooltip hover = new Tooltip();
    hover.setShowDelay(javafx.util.Duration.millis(300));
    Tooltip.install(url, hover);
    // the text is computed when the tooltip is about to show, so it always matches the current path
    hover.setOnShowing(e -> {
      String resolved = model.resolve(url.getText());
      hover.setText(resolved.isEmpty() ? "No {{variables}} in this path." : resolved);
    });
  }

  private GridPane expectation() {
    status.setId("expectStatus");
    errorType.setId("expectErrorType");
    decidedBy.setId("expectDecidedBy");
    status.setPromptText("e.g. 200 or 403");
    errorType.setPromptText("e.g. AccessDeniedException");
    decidedBy.setPromptText("e.g. lambda.policy");
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setPadding(new Insets(10));
    grid.addRow(0, new Label("Status"), status);
    grid.addRow(1, new Label("Error type"), errorType);
    grid.addRow(2, new Label("Decided by"), decidedBy);
    GridPane.setHgrow(errorType, Priority.ALWAYS);
    return grid;
  }

  private static HBox labelled(String text, javafx.scene.Node field) {
    Label label = new Label(text);
    label.getStyleClass().add("text-muted");
    HBox box = new HBox(6, label, field);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  /** "Local gateway" or "aws-dev · real AWS", with an icon telling them apart in the list. */
  private static final class TargetCell extends javafx.scene.control.ListCell<String> {
    @Override
    protected void updateItem(String target, boolean empty) {
      super.updateItem(target, empty);
      if (empty || target == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      boolean local = dev.portcullis.app.ui.SessionModel.LOCAL.equals(target);
      setText(RequestEditorViewModel.targetLabel(target));
      setGraphic(new FontIcon(local ? "mdi2l-laptop" : "mdi2c-cloud-outline"));
      setTooltip(new Tooltip(local ? "Sends to the embedded local gateway and identity providers on this machine"
          : "Sends to the APIs' real AWS URLs with environment " + target + "'s variables"));
    }
  }
}
