package dev.portcullis.app.ui;

import java.util.Optional;
import javafx.scene.control.ButtonType;
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
}
