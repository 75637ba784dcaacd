package dev.portcullis.app.ui.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WindowTest;
import dev.portcullis.app.ui.WorkbenchRobot;
import dev.portcullis.engine.trace.Exchange;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Issue 14: "toggle a header off and see it not sent", clicked in the real window. */
@WindowTest
class HeaderTableWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  @Test
  void aHeaderSwitchedOffInTheTableIsNotSentAndTheCallersOwnHeaderIsShownGreyed(FxRobot robot) {
    robot.clickOn("me as bob");
    robot.clickOn("Headers");
    robot.clickOn("#headersBulk");
    robot.clickOn("#headers").write("X-Off: 1\nX-On: 2");
    robot.clickOn("#headersBulk"); // back to the table
    WorkbenchRobot.await(() -> robot.lookup("#headersTable .check-box").queryAll().size() >= 2);
    assertThat(robot.lookup("Authorization: ‹Cognito access token of bob›").tryQuery()).as("the caller's header, greyed").isPresent();

    Node first = robot.lookup("#headersTable .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
        .filter(r -> r.getItem() instanceof KeyValueRow row && row.name().equals("X-Off")).findFirst().orElseThrow()
        .lookup(".check-box");
    robot.clickOn(first);
    WorkbenchRobot.await(() -> !((CheckBox) first).isSelected());
    assertThat(app.model().request().headersProperty().get()).isEqualTo("// X-Off: 1\nX-On: 2");
    Trace before = app.model().trace().traceProperty().get();
    WorkbenchRobot.await(() -> !robot.lookup("#send").queryAs(Button.class).isDisabled());
    robot.clickOn("#send");

    WorkbenchRobot.await(() -> app.model().trace().traceProperty().get() != before);
    Exchange sent = app.model().trace().traceProperty().get().steps().stream().filter(s -> s instanceof Step.Send)
        .map(s -> ((Step.Send) s).exchange()).findFirst().orElseThrow();
    assertThat(sent.request().headers()).extracting(h -> h.name().toLowerCase()).contains("x-on").doesNotContain("x-off");
  }
}
