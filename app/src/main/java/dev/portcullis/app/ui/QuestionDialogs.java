package dev.portcullis.app.ui;

import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ListView;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Shows each question the engine asks (MFA code, new password, prompted secret) as a dialog. Not
 * {@code showAndWait}: the question arrives in a listener, and the answer goes back through
 * {@link Questions#reply} when the dialog closes.
 */
final class QuestionDialogs {
  private QuestionDialogs() {}

  static void install(Questions questions, Window owner) {
    questions.pendingProperty().addListener((obs, old, question) -> {
      if (question != null) {
        show(questions, question, owner);
      }
    });
  }

  private static void show(Questions questions, Questions.Question question, Window owner) {
    if (Questions.TRUST.equals(question.kind())) {
      showTrust(questions, question, owner);
      return;
    }
    Dialog<String> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(question.title());
    dialog.setHeaderText(question.title());
    TextField field = question.secret() ? new PasswordField() : new TextField();
    field.setId("questionAnswer");
    field.setPromptText(question.kind().endsWith("MFA") ? "123456" : "");
    Label prompt = new Label(question.prompt());
    prompt.setWrapText(true);
    prompt.setMaxWidth(380);
    dialog.getDialogPane().setContent(new VBox(10, prompt, field));
    dialog.getDialogPane().setId("questionDialog");
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText() : null);
    dialog.setOnShown(e -> field.requestFocus());
    dialog.setOnHidden(e -> questions.reply(Optional.ofNullable(dialog.getResult())));
    dialog.show();
  }

  /** The trust question: the list of what the workspace would do, and two answers; closing it is "no". */
  private static void showTrust(Questions questions, Questions.Question question, Window owner) {
    Dialog<String> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(question.title());
    dialog.setHeaderText(question.title());
    Label prompt = new Label(question.prompt());
    prompt.setWrapText(true);
    prompt.setMaxWidth(520);
    ListView<String> items = new ListView<>(FXCollections.observableArrayList(question.items()));
    items.setId("trustItems");
    items.setPrefSize(520, Math.min(300, 28 * Math.max(1, question.items().size()) + 4));
    dialog.getDialogPane().setContent(new VBox(10, prompt, items));
    dialog.getDialogPane().setId("trustDialog");
    ButtonType trust = new ButtonType("Trust and open", ButtonBar.ButtonData.OK_DONE);
    ButtonType without = new ButtonType("Open without trust", ButtonBar.ButtonData.CANCEL_CLOSE);
    dialog.getDialogPane().getButtonTypes().setAll(without, trust);
    dialog.setResultConverter(button -> button == trust ? Questions.TRUST_ANSWER : null);
    dialog.setOnHidden(e -> questions.reply(Optional.ofNullable(dialog.getResult())));
    dialog.show();
  }
}
