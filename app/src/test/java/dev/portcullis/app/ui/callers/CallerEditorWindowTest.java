package dev.portcullis.app.ui.callers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WorkbenchRobot;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CallerEditorWindowTest {
  private final WorkbenchRobot app = new WorkbenchRobot();

  @Start
  void start(Stage stage) {
    app.start(stage);
  }

  @Stop
  void stop() {
    app.model().close();
  }

  @Test
  void aCallerFromTheTreeOpensItsFormAndLogsIn(FxRobot robot) {
    app.awaitReady(robot);
    robot.doubleClickOn("Callers");
    robot.clickOn("alice");

    WorkbenchRobot.await(() -> robot.lookup("#caller-username").tryQuery().isPresent());
    robot.clickOn("#callerLogin");

    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#callerTokenSummary").contains("alice"));
    assertThat(WorkbenchRobot.text(robot, "#callerLoginResult")).contains("****");
  }
}
