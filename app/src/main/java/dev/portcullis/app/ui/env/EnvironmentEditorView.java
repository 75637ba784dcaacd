package dev.portcullis.app.ui.env;

import dev.portcullis.app.ui.request.KeyValueEditor;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The environments: pick one, edit its variables as rows, Apply keeps them in the workspace. */
public final class EnvironmentEditorView {
  private final VBox root = new VBox(8);

  public EnvironmentEditorView(EnvironmentEditorViewModel model) {
    root.setId("environmentEditor");
    root.setPadding(new Insets(10));
    ComboBox<String> picker = new ComboBox<>(model.names());
    picker.setId("environmentName");
    picker.valueProperty().bindBidirectional(model.selectedProperty());
    Button add = new Button("New…", new FontIcon("mdi2p-plus"));
    add.setMinWidth(Button.USE_PREF_SIZE);
    add.setOnAction(e -> {
      TextInputDialog dialog = new TextInputDialog();
      dialog.setHeaderText("Name of the new environment");
      dialog.showAndWait().ifPresent(model::add);
    });
    Button apply = new Button("Apply", new FontIcon("mdi2c-check"));
    apply.setId("environmentApply");
    apply.getStyleClass().add("accent");
    apply.setMinWidth(Button.USE_PREF_SIZE);
    apply.setOnAction(e -> model.apply());
    HBox bar = new HBox(8, new Label("Environment"), picker, add, apply);
    bar.setAlignment(Pos.CENTER_LEFT);
    Label hint = new Label("Variables used as {{name}}. Secret values are references only: env:NAME, file:PATH, keychain:NAME or prompt.");
    hint.setWrapText(true);
    hint.getStyleClass().add("text-muted");
    var editor = new KeyValueEditor(model.variables(), "envVariables", "name=value, one per line", null).root();
    VBox.setVgrow(editor, Priority.ALWAYS);
    root.getChildren().setAll(bar, hint, editor);
  }

  public Parent root() {
    return root;
  }
}
