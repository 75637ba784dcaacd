package dev.portcullis.app.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WindowTest;
import dev.portcullis.app.ui.WorkbenchRobot;
import dev.portcullis.engine.trace.Trace;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Issue 14: "reopen a send from history". */
@WindowTest
class HistoryWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  @Test
  void doubleClickingAnEarlierSendShowsItsTraceAgain(FxRobot robot) {
    app.send(robot, "me as bob");
    Trace bob = app.model().trace().traceProperty().get();
    app.send(robot, "unknown route");

    WorkbenchRobot.selectTab(robot, "tabHistory");
    WorkbenchRobot.await(() -> robot.lookup("#historyTable .table-row-cell").queryAllAs(TableRow.class).stream()
        .anyMatch(r -> r.getItem() instanceof HistoryViewModel.Row row && row.request().equals("me as bob")));
    TableRow<?> row = robot.lookup("#historyTable .table-row-cell").queryAllAs(TableRow.class).stream()
        .filter(r -> r.getItem() instanceof HistoryViewModel.Row x && x.request().equals("me as bob")).findFirst().orElseThrow();
    robot.doubleClickOn(row);

    WorkbenchRobot.await(() -> app.model().trace().traceProperty().get() == bob);
    assertThat(robot.lookup("#traceHeadline").queryAs(javafx.scene.control.Label.class).getText()).startsWith("Allowed 200 on GET /me as bob");
  }
}
