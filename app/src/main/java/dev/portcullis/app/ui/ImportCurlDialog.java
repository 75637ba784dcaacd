package dev.portcullis.app.ui;

import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** File → Import curl…: a curl command typed or pasted; OK makes it a request, a command that cannot be read says why and stays. */
final class ImportCurlDialog {
  private ImportCurlDialog() {}

  static void show(WorkbenchViewModel model, Window owner) {
    Dialog<Void> dialog = new Dialog<>();
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Import curl");
    dialog.setHeaderText("Paste a curl command: it becomes a request (a bearer token or --aws-sigv4 becomes its caller)");
    TextArea command = new TextArea();
    command.setId("curlCommand");
    command.setPromptText("curl -X POST 'http://127.0.0.1:9321/prod/orders' -H 'Authorization: Bearer $TOKEN' -d '{}'");
    command.setWrapText(true);
    command.setPrefSize(640, 180);
    Label refusal = new Label();
    refusal.setId("curlRefusal");
    refusal.setWrapText(true);
    refusal.setMaxWidth(640);
    refusal.getStyleClass().add("curl-refusal");
    refusal.managedProperty().bind(refusal.textProperty().isNotEmpty());
    dialog.getDialogPane().setContent(new VBox(10, command, refusal));
    dialog.getDialogPane().setId("importCurl");
    ButtonType make = new ButtonType("Make the request", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, make);
    dialog.getDialogPane().lookupButton(make).setId("curlOk");
    dialog.getDialogPane().lookupButton(make).addEventFilter(ActionEvent.ACTION, e -> {
      String refused = model.importCurl(command.getText());
      if (refused != null) {
        refusal.setText("That did not become a request: " + refused);
        e.consume(); // the dialog stays open with the command as typed
      }
    });
    dialog.show();
    command.requestFocus();
  }
}
