package dev.portcullis.app.ui.callers;

import dev.portcullis.app.ui.EmptyState;
import dev.portcullis.app.ui.Icons;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The form of the selected caller; secret fields pick a reference scheme and name, never a value. */
public final class CallerEditorView {
  private static final List<String> SCHEMES = List.of("env:", "file:", "keychain:", "prompt", "local:", "aws-profile:");

  private final CallerEditorViewModel model;
  private final StackPane root = new StackPane();
  private final GridPane form = new GridPane();
  private final Label title = new Label();
  private final Label result = new Label();
  private final Label tokenSummary = new Label();
  private final Node empty = EmptyState.of("mdi2a-account-cog-outline", "No caller selected",
      "Pick a caller in the tree to edit how it gets its credential, then Log in to try it.");

  public CallerEditorView(CallerEditorViewModel model) {
    this.model = model;
    build();
  }

  public Parent root() {
    return root;
  }

  private void build() {
    root.setId("callerEditor");
    title.getStyleClass().add("title-4");
    form.setHgap(10);
    form.setVgap(8);
    Button apply = new Button("Apply", new FontIcon("mdi2c-check"));
    apply.setId("callerApply");
    apply.setOnAction(e -> model.apply());
    Button login = new Button("Log in", new FontIcon("mdi2l-login"));
    login.setId("callerLogin");
    login.getStyleClass().add("accent");
    login.setOnAction(e -> model.logIn());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(20, 20);
    busy.visibleProperty().bind(model.busyProperty());
    HBox actions = new HBox(8, apply, login, busy);
    actions.setAlignment(Pos.CENTER_LEFT);
    result.setId("callerLoginResult");
    result.setWrapText(true);
    result.textProperty().bind(model.resultProperty());
    tokenSummary.setId("callerTokenSummary");
    tokenSummary.setWrapText(true);
    model.tokenProperty().addListener((obs, old, t) -> {
      tokenSummary.setText(t == null ? "" : t.summary());
      tokenSummary.setGraphic(t == null ? null : Icons.outcome(t.outcome()));
    });
    VBox content = new VBox(12, title, form, actions, result, tokenSummary);
    content.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    model.fields().addListener((ListChangeListener<CallerForm.Field>) c -> rebuild());
    root.getChildren().setAll(empty, scroll);
    scroll.visibleProperty().bind(model.callerProperty().isNotNull());
    empty.visibleProperty().bind(model.callerProperty().isNull());
    rebuild(); // the view is built on first show, possibly after a caller was picked
  }

  private void rebuild() {
    title.setText(model.callerProperty().get() == null ? "" : model.callerProperty().get().name() + " · "
        + CallerEditorViewModel.kindInWords(model.callerProperty().get()));
    form.getChildren().clear();
    int row = 0;
    for (CallerForm.Field field : model.fields()) {
      Label label = new Label(field.label());
      label.setMinWidth(Label.USE_PREF_SIZE);
      Node editor = editor(field);
      GridPane.setHgrow(editor, Priority.ALWAYS);
      form.addRow(row++, label, editor);
    }
  }

  private Node editor(CallerForm.Field field) {
    return switch (field.kind()) {
      case TEXT, READ_ONLY -> {
        TextField text = new TextField();
        text.setId("caller-" + field.key());
        text.textProperty().bindBidirectional(field.value());
        text.setEditable(field.kind() == CallerForm.Kind.TEXT);
        yield text;
      }
      case CHOICE -> {
        ComboBox<String> choice = new ComboBox<>();
        choice.setId("caller-" + field.key());
        choice.getItems().setAll(field.choices());
        choice.valueProperty().bindBidirectional(field.value());
        yield choice;
      }
      case SECRET -> secret(field);
    };
  }

  /** A scheme picker beside the reference's name: what a secret field holds is where the secret is, never the secret. */
  private HBox secret(CallerForm.Field field) {
    ComboBox<String> scheme = new ComboBox<>();
    scheme.getItems().setAll(SCHEMES);
    scheme.setPrefWidth(120);
    TextField name = new TextField();
    name.setId("caller-" + field.key());
    name.setPromptText("NAME, path or key");
    String value = field.value().get();
    String current = SCHEMES.stream().filter(s -> value.startsWith(s.replace(":", ""))).findFirst().orElse("env:");
    scheme.setValue(current);
    String rest = value.startsWith(current) ? value.substring(current.length()) : value;
    name.setText(rest.startsWith(":") ? rest.substring(1) : rest);
    Runnable sync = () -> field.value().set(name.getText().isBlank() && !"prompt".equals(scheme.getValue()) ? ""
        : scheme.getValue() + ("prompt".equals(scheme.getValue()) && !name.getText().isBlank() ? ":" : "") + name.getText());
    scheme.valueProperty().addListener((o, a, b) -> sync.run());
    name.textProperty().addListener((o, a, b) -> sync.run());
    HBox box = new HBox(6, scheme, name);
    HBox.setHgrow(name, Priority.ALWAYS);
    return box;
  }
}
