package dev.portcullis.app.ui.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WindowTest;
import dev.portcullis.app.ui.WorkbenchRobot;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.geometry.Orientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

@WindowTest
class MatrixWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  @Test
  void runsTheDemoMatrixAndACellOpensItsTrace(FxRobot robot) {
    robot.clickOn("Matrix");

    robot.clickOn("#matrixRun");

    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#matrixSummary").contains("cells in"));
    TableView<?> table = robot.lookup("#matrixTable").queryAs(TableView.class);
    assertThat(table.getItems()).isNotEmpty();
    assertThat(table.getColumns()).hasSize(1 + app.model().workspaceProperty().get().callers().size());
    robot.clickOn(robot.lookup(".matrix-cell").queryAs(javafx.scene.Node.class));
    WorkbenchRobot.await(() -> app.model().trace().traceProperty().get() != null);
    assertThat(robot.lookup("#verdictSentence").queryAs(Label.class).getText()).isNotEmpty();
  }

  /**
   * 3,000 cells: only the visible ones become nodes, before and after scrolling end to end. How long a
   * scroll step takes is printed for reference, not asserted: speed is measured in benchmarks (a timed
   * assertion here failed whenever the shared machine was busy), and bench/ has the matrix timing script.
   */
  @Test
  void threeThousandCellsScrollWithoutBuildingEveryCell(FxRobot robot) {
    robot.clickOn("Matrix");
    robot.interact(() -> app.model().matrix().show(BigMatrix.of(150, 20), false));
    TableView<?> table = robot.lookup("#matrixTable").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(150);
    assertThat(robot.lookup(".matrix-cell").queryAll().size()).isLessThan(1500);

    ScrollBar vertical = scrollBar(robot, Orientation.VERTICAL);
    ScrollBar horizontal = scrollBar(robot, Orientation.HORIZONTAL);
    int steps = 60;
    long[] worst = {0};
    long[] total = {0};
    for (int i = 0; i <= steps; i++) {
      double at = (double) (i % 31) / 30;
      // the FX-thread work of one frame: move both scroll bars, then CSS and layout of the cells that come into view
      robot.interact(() -> {
        long start = System.nanoTime();
        vertical.setValue(vertical.getMin() + at * (vertical.getMax() - vertical.getMin()));
        horizontal.setValue(horizontal.getMin() + at * (horizontal.getMax() - horizontal.getMin()));
        table.applyCss();
        table.layout();
        long took = System.nanoTime() - start;
        worst[0] = Math.max(worst[0], took);
        total[0] += took;
      });
      WaitForAsyncUtils.waitForFxEvents();
    }
    long average = total[0] / steps / 1_000_000;
    System.out.println("matrix 3000 cells: scroll step on the FX thread averages " + average + " ms, worst "
        + worst[0] / 1_000_000 + " ms (headless, software)");
    assertThat(robot.lookup(".matrix-cell").queryAll().size())
        .as("cell nodes after scrolling end to end: the table still builds only what is in view").isLessThan(1500);
  }

  @Test
  void onlyUnexpectedWithNothingUnexpectedSaysSoNotNoMatrixYet(FxRobot robot) {
    robot.clickOn("Matrix");
    assertThat(robot.lookup("#matrixTable").lookup("No matrix yet").tryQuery()).isPresent();
    var big = BigMatrix.of(4, 2);
    var allMatch = new dev.portcullis.engine.matrix.Matrix(big.rows(), big.callers(), big.cells().stream()
        .map(c -> new dev.portcullis.engine.matrix.MatrixCell(c.gateway(), c.routeKey(), c.caller(), c.expected(), c.trace(),
            dev.portcullis.engine.matrix.CellResult.MATCH)).toList(), big.took());
    robot.interact(() -> app.model().matrix().show(allMatch, false));

    robot.clickOn("#matrixOnlyUnexpected");

    WorkbenchRobot.await(() -> robot.lookup("#matrixTable").lookup("Nothing unexpected").tryQuery().isPresent());
    assertThat(robot.lookup("#matrixTable").lookup("No matrix yet").tryQuery()).isEmpty();
  }

  private static ScrollBar scrollBar(FxRobot robot, Orientation orientation) {
    return robot.lookup("#matrixTable .scroll-bar").queryAllAs(ScrollBar.class).stream()
        .filter(s -> s.getOrientation() == orientation && s.isVisible()).findFirst().orElseThrow();
  }
}
