package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.trace.Trace;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

@WindowTest
class WorkbenchWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  @Test
  void opensOnTheDemoWithItsApisInTheTree(FxRobot robot) {
    TreeView<?> tree = robot.lookup("#workspaceTree").queryAs(TreeView.class);
    assertThat(tree.getRoot().getChildren()).hasSize(3);
    assertThat(robot.lookup("payments").tryQuery()).isPresent();
    assertThat(((Stage) robot.window(0)).getTitle()).isEqualTo("Portcullis — payments-demo");
    assertThat(robot.lookup("No trace yet").tryQuery()).isPresent(); // the trace's empty state says what to do
  }

  @Test
  void ctrlEnterSendsTheSelectedRequestAndTheTimelineShowsTheVerdictAndTheToken(FxRobot robot) {
    robot.clickOn("me as bob");
    WorkbenchRobot.await(() -> !robot.lookup("#send").queryAs(Button.class).isDisabled());

    robot.clickOn("#url").press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

    WorkbenchRobot.await(() -> robot.lookup("#verdictSentence").queryAs(Label.class).getText().contains("as expected"));
    assertThat(robot.lookup("#traceTimeline .step").queryAll()).hasSize(7);
    robot.clickOn("Inspect");
    WorkbenchRobot.await(() -> robot.lookup("#tokenExpiry").tryQuery().isPresent());
    assertThat(robot.lookup("#tokenExpiry").queryAs(Label.class).getText()).startsWith("expires in");
    assertThat(robot.lookup("cognito:groups").tryQuery()).isPresent();
    assertThat(robot.lookup("#step-inspect").queryAs(TitledPane.class).isExpanded()).isTrue();
  }

  @Test
  void sendsAsEachCallerFromThePickerAndShowsEachVerdict(FxRobot robot) {
    robot.clickOn("me as bob");
    ComboBox<?> picker = robot.lookup("#callerPicker").queryAs(ComboBox.class);
    for (int i = 0; i < picker.getItems().size(); i++) {
      int index = i;
      String caller = String.valueOf(picker.getItems().get(i));
      Trace before = app.model().trace().traceProperty().get();
      robot.interact(() -> picker.getSelectionModel().select(index));
      WorkbenchRobot.await(() -> !robot.lookup("#send").queryAs(Button.class).isDisabled());

      robot.clickOn("#send");

      WorkbenchRobot.await(() -> app.model().trace().traceProperty().get() != before);
      assertThat(robot.lookup("#traceRequest").queryAs(Label.class).getText()).endsWith(" as " + caller);
      assertThat(robot.lookup("#verdictSentence").queryAs(Label.class).getText()).startsWith("Expected 200");
    }
  }

  @Test
  void ctrlLFocusesThePathFromAnyTab(FxRobot robot) {
    robot.clickOn("me as bob");
    robot.clickOn("Token lab");
    robot.clickOn("#labToken");

    robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);

    WorkbenchRobot.await(() -> robot.lookup("#url").query().isFocused());
  }

  @Test
  void revealShowsTheTokenTheTraceMasks(FxRobot robot) {
    robot.clickOn("me as bob");
    WorkbenchRobot.await(() -> !robot.lookup("#send").queryAs(Button.class).isDisabled());
    robot.clickOn("#send");
    WorkbenchRobot.await(() -> app.model().trace().traceProperty().get() != null);
    openStep(robot, "send");
    WorkbenchRobot.await(() -> robot.lookup("#responseStatus").tryQuery().isPresent());
    assertThat(robot.lookup(".code-area-block").queryAllAs(javafx.scene.Node.class)).noneMatch(n -> text(n).contains("Authorization: eyJ")
        && !text(n).contains("****"));

    robot.clickOn("#revealSecrets");
    openStep(robot, "send");

    WorkbenchRobot.await(() -> robot.lookup(".code-area-block").queryAllAs(javafx.scene.Node.class).stream()
        .anyMatch(n -> text(n).matches("(?s).*Authorization: (Bearer )?eyJ[^*\\n]+\\..*")));
  }

  private static void openStep(FxRobot robot, String kind) {
    robot.interact(() -> robot.lookup("#step-" + kind).queryAs(TitledPane.class).setExpanded(true));
  }

  private static String text(javafx.scene.Node node) {
    return ((org.fxmisc.richtext.CodeArea) node).getText();
  }

  @Test
  void ctrlQClosesTheWindowAndAsksFirstWhenEditsAreUnsaved(FxRobot robot) {
    Stage stage = (Stage) robot.window(0);
    robot.interact(() -> javafx.application.Platform.setImplicitExit(false)); // the toolkit outlives this window for the next test
    robot.interact(() -> app.model().newRequest());
    WorkbenchRobot.await(() -> app.model().dirtyProperty().get());

    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
    WorkbenchRobot.await(() -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
    robot.clickOn("Cancel");

    WorkbenchRobot.await(() -> robot.lookup("#unsavedDialog").tryQuery().isEmpty());
    assertThat(stage.isShowing()).as("Cancel keeps the window").isTrue();
    assertThat(app.model().dirtyProperty().get()).as("and the edits").isTrue();

    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
    WorkbenchRobot.await(() -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
    robot.clickOn("Don't save");

    WorkbenchRobot.await(() -> !stage.isShowing());
  }
}
