package dev.portcullis.app.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WorkbenchRobot;
import dev.portcullis.engine.trace.Trace;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Issue 14: "reopen a send from history". */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HistoryWindowTest {
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
  void doubleClickingAnEarlierSendShowsItsTraceAgain(FxRobot robot) {
    app.awaitReady(robot);
    send(robot, "me as bob");
    Trace bob = app.model().trace().traceProperty().get();
    send(robot, "unknown route");

    javafx.scene.control.TabPane tabs = robot.lookup("#workTabs").queryAs(javafx.scene.control.TabPane.class);
    robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tabHistory".equals(t.getId())).findFirst().orElseThrow()));
    WorkbenchRobot.await(() -> robot.lookup("#historyTable .table-row-cell").queryAllAs(TableRow.class).stream()
        .anyMatch(r -> r.getItem() instanceof HistoryViewModel.Row row && row.request().equals("me as bob")));
    TableRow<?> row = robot.lookup("#historyTable .table-row-cell").queryAllAs(TableRow.class).stream()
        .filter(r -> r.getItem() instanceof HistoryViewModel.Row x && x.request().equals("me as bob")).findFirst().orElseThrow();
    robot.doubleClickOn(row);

    WorkbenchRobot.await(() -> app.model().trace().traceProperty().get() == bob);
    assertThat(robot.lookup("#traceHeadline").queryAs(javafx.scene.control.Label.class).getText()).startsWith("Allowed 200 on GET /me as bob");
  }
}
