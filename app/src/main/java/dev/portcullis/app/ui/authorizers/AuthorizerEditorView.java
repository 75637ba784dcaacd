package dev.portcullis.app.ui.authorizers;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/** A Lambda authoriser's function set to the user's own handler: runtime, code folder (chosen), handler, timeout, memory. */
public final class AuthorizerEditorView {
  private final VBox root = new VBox(10);

  public AuthorizerEditorView(AuthorizerEditorViewModel model) {
    root.setId("authorizerEditor");
    root.setPadding(new Insets(10));
    ComboBox<String> picker = new ComboBox<>(model.authorizers());
    picker.setId("authorizerName");
    picker.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(picker, Priority.ALWAYS);
    picker.valueProperty().bindBidirectional(model.selectedProperty());
    HBox bar = new HBox(8, muted("Lambda authoriser"), picker);
    bar.setAlignment(Pos.CENTER_LEFT);
    Label current = new Label();
    current.setId("authorizerFunction");
    current.setWrapText(true);
    current.textProperty().bind(model.currentProperty().map(s -> s.isEmpty() ? "This workspace has no Lambda authoriser." : "Now: " + s));

    ComboBox<String> runtime = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(AuthorizerEditorViewModel.RUNTIMES));
    runtime.setId("handlerRuntime");
    runtime.setEditable(true);
    runtime.valueProperty().bindBidirectional(model.runtimeProperty());
    TextField folder = field("handlerCodeUri", model.codeUriProperty(), "the folder holding the code, e.g. src/authoriser");
    Button choose = new Button("Choose…", new FontIcon("mdi2f-folder-open-outline"));
    choose.setId("handlerChooseFolder");
    choose.setMinWidth(Button.USE_PREF_SIZE);
    choose.setOnAction(e -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("The handler's code folder");
      File start = new File(model.codeUriProperty().get());
      if (start.isDirectory()) {
        chooser.setInitialDirectory(start);
      }
      File dir = chooser.showDialog(root.getScene().getWindow());
      if (dir != null) {
        model.codeUriProperty().set(dir.getPath());
      }
    });
    HBox folderRow = new HBox(6, folder, choose);
    HBox.setHgrow(folder, Priority.ALWAYS);
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.addRow(0, muted("Runtime"), runtime);
    grid.addRow(1, muted("Code folder"), folderRow);
    grid.addRow(2, muted("Handler"), field("handlerName", model.handlerProperty(), "index.handler or app.lambda_handler"));
    grid.addRow(3, muted("Timeout (s)"), field("handlerTimeout", model.timeoutSecondsProperty(), "3"));
    grid.addRow(4, muted("Memory (MB)"), field("handlerMemory", model.memoryMbProperty(), "128"));
    GridPane.setHgrow(folderRow, Priority.ALWAYS);
    Button apply = new Button("Run this handler", new FontIcon("mdi2c-check"));
    apply.setId("handlerApply");
    apply.getStyleClass().add("accent");
    apply.setMinWidth(Button.USE_PREF_SIZE);
    apply.setOnAction(e -> model.apply());
    Label hint = new Label("Your own Node.js or Python authoriser runs on this machine in a warm worker, without Docker: the trace shows the"
        + " event, what it returned and its console output; the Console tab shows each call, cold or warm, and its time."
        + " A workspace you did not save here runs no code until you trust it.");
    hint.setWrapText(true);
    hint.getStyleClass().add("text-muted");
    root.getChildren().setAll(bar, current, grid, apply, hint);
  }

  public Parent root() {
    return root;
  }

  private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.textProperty().bindBidirectional(value);
    return f;
  }

  private static Label muted(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("text-muted");
    l.setMinWidth(Label.USE_PREF_SIZE);
    return l;
  }
}
