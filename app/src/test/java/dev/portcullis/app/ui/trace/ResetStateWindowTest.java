package dev.portcullis.app.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WorkbenchRobot;
import dev.portcullis.engine.trace.Trace;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Issue 14: "reset local state and see the cached-policy trap pass again" (spec/apigw-facts.md §4.3). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ResetStateWindowTest {
  private final WorkbenchRobot app = new WorkbenchRobot();

  @Start
  void start(Stage stage) {
    app.start(stage);
  }

  @Stop
  void stop() {
    app.model().close();
  }

  private void send(FxRobot robot, String request) {
    robot.interact(() -> app.model().selectRequest(request));
    WorkbenchRobot.await(() -> !robot.lookup("#send").queryAs(Button.class).isDisabled());
    Trace before = app.model().trace().traceProperty().get();
    robot.clickOn("#send");
    WorkbenchRobot.await(() -> app.model().trace().traceProperty().get() != before);
  }

  @Test
  void theTrapsTraceOffersAResetAndAfterItTheGetIsLetThrough(FxRobot robot) {
    app.awaitReady(robot);
    send(robot, "transactions as initech (POST)");
    send(robot, "transactions: cached-policy trap");
    assertThat(robot.lookup("#traceHeadline").queryAs(Label.class).getText()).startsWith("Denied 403 by the Lambda authoriser's cached policy");
    assertThat(robot.lookup("#requestDescription").queryAs(Label.class).getText()).startsWith("Depends on 'transactions as initech (POST)'");

    robot.clickOn("#resetState");
    WorkbenchRobot.await(() -> app.model().statusProperty().get().startsWith("Local state reset"));
    send(robot, "transactions: cached-policy trap");

    assertThat(app.model().trace().traceProperty().get().verdict().actual().status()).isEqualTo(200);
    assertThat(robot.lookup("#traceHeadline").queryAs(Label.class).getText()).startsWith("Allowed 200 on GET /partners/{id}/transactions as initech");
    assertThat(robot.lookup("#resetState").queryAs(Button.class).isVisible()).isFalse();
  }
}
