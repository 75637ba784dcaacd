package dev.portcullis.app.ui.callers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WindowTest;
import dev.portcullis.app.ui.WorkbenchRobot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

@WindowTest
class CallerEditorWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  @Test
  void aCallerFromTheTreeOpensItsFormAndLogsIn(FxRobot robot) {
    robot.doubleClickOn("Callers");
    robot.clickOn("alice");

    WorkbenchRobot.await(() -> robot.lookup("#caller-username").tryQuery().isPresent());
    robot.clickOn("#callerLogin");

    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#callerTokenSummary").contains("alice"));
    assertThat(WorkbenchRobot.text(robot, "#callerLoginResult")).contains("****");
  }
}
