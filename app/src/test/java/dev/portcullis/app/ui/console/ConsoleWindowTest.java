package dev.portcullis.app.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WindowTest;
import dev.portcullis.app.ui.WorkbenchRobot;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

@WindowTest
class ConsoleWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  @Test
  void stopsAndStartsTheLocalGatewayAndListsRulingsAsTheyArrive(FxRobot robot) {
    robot.clickOn("Console");
    assertThat(WorkbenchRobot.text(robot, "#gatewayState")).isEqualTo("Running on 127.0.0.1");
    assertThat(robot.lookup("#endpoints").queryAs(TableView.class).getItems()).hasSizeGreaterThanOrEqualTo(4);

    robot.clickOn("#gatewayStop");
    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#gatewayState").equals("Stopped"));
    assertThat(robot.lookup("#send").queryAs(Button.class).isDisabled()).isTrue();

    robot.clickOn("#gatewayStart");
    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#gatewayState").startsWith("Running"));
    robot.interact(() -> app.model().selectRequest("transactions as acme"));
    WorkbenchRobot.await(() -> !robot.lookup("#send").queryAs(Button.class).isDisabled());
    robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL); // sends from any tab

    TableView<?> rulings = robot.lookup("#rulings").queryAs(TableView.class);
    WorkbenchRobot.await(() -> !rulings.getItems().isEmpty());
    robot.interact(() -> rulings.getSelectionModel().select(0));
    assertThat(robot.lookup("#rulingChecks").queryAs(TableView.class).getItems()).isNotEmpty();
  }
}
