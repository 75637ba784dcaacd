package dev.portcullis.app.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WindowTest;
import dev.portcullis.app.ui.WorkbenchRobot;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Issue 14: "reset local state and see the cached-policy trap pass again" (spec/apigw-facts.md §4.3). */
@WindowTest
class ResetStateWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  @Test
  void theTrapsTraceOffersAResetAndAfterItTheGetIsLetThrough(FxRobot robot) {
    app.send(robot, "transactions as initech (POST)");
    app.send(robot, "transactions: cached-policy trap");
    assertThat(robot.lookup("#traceHeadline").queryAs(Label.class).getText()).startsWith("Denied 403 by the Lambda authoriser's cached policy");
    assertThat(robot.lookup("#requestDescription").queryAs(Label.class).getText()).startsWith("Depends on 'transactions as initech (POST)'");

    robot.clickOn("#resetState");
    WorkbenchRobot.await(() -> app.model().statusProperty().get().startsWith("Local state reset"));
    app.send(robot, "transactions: cached-policy trap");

    assertThat(app.model().trace().traceProperty().get().verdict().actual().status()).isEqualTo(200);
    assertThat(robot.lookup("#traceHeadline").queryAs(Label.class).getText()).startsWith("Allowed 200 on GET /partners/{id}/transactions as initech");
    assertThat(robot.lookup("#resetState").queryAs(Button.class).isVisible()).isFalse();
  }
}
