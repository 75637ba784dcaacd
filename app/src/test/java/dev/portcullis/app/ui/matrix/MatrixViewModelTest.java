package dev.portcullis.app.ui.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.WorkbenchViewModel;
import dev.portcullis.engine.matrix.CellResult;
import dev.portcullis.engine.matrix.MatrixCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MatrixViewModelTest {
  private final WorkbenchViewModel workbench = new WorkbenchViewModel(BackgroundTasks.direct());
  private final MatrixViewModel matrix = workbench.matrix();

  @AfterEach
  void close() {
    workbench.close();
  }

  @Test
  void runsEveryRouteAsEveryCallerOfTheDemo() {
    workbench.openDemo();

    matrix.run();

    int callers = workbench.workspaceProperty().get().callers().size();
    assertThat(matrix.callers()).hasSize(callers);
    assertThat(matrix.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.cells()).hasSize(callers));
    assertThat(matrix.progressProperty().get()).isEqualTo(1.0);
    assertThat(matrix.runningProperty().get()).isFalse();
    assertThat(matrix.summaryProperty().get()).matches("\\d+ cells in \\d+ ms: \\d+ as expected.*\\.");
  }

  @Test
  void aCellOpensItsTrace() {
    workbench.openDemo();
    matrix.run();
    MatrixCell cell = matrix.rows().getFirst().cells().values().iterator().next();

    matrix.open(cell);

    assertThat(workbench.trace().traceProperty().get()).isSameAs(cell.trace());
  }

  @Test
  void cancellingStopsStartingCells() {
    workbench.openDemo();
    matrix.progressProperty().addListener((obs, old, now) -> {
      if (now.doubleValue() > 0 && now.doubleValue() < 1) {
        matrix.cancel();
      }
    });

    matrix.run();

    long ran = matrix.rows().stream().mapToLong(r -> r.cells().size()).sum();
    assertThat(ran).isLessThan((long) matrix.rows().size() * matrix.callers().size());
    assertThat(matrix.summaryProperty().get()).endsWith("(cancelled).");
  }

  @Test
  void filtersByRouteTextAndToUnexpectedCellsAndSortsBySeverity() {
    matrix.show(BigMatrix.of(150, 20), false);
    assertThat(matrix.rows()).hasSize(150);

    matrix.filterProperty().set("things/14");
    assertThat(matrix.rows()).extracting(MatrixViewModel.Row::route)
        .containsExactly("api GET /things/14", "api GET /things/140", "api GET /things/141", "api GET /things/142",
            "api GET /things/143", "api GET /things/144", "api GET /things/145", "api GET /things/146", "api GET /things/147",
            "api GET /things/148", "api GET /things/149");

    matrix.filterProperty().set("");
    matrix.onlyUnexpectedProperty().set(true);
    assertThat(matrix.rows()).isNotEmpty().allMatch(r -> r.worst() != CellResult.MATCH);

    matrix.sortProperty().set(MatrixViewModel.Sort.SEVERITY);
    assertThat(matrix.rows().getFirst().worst()).isEqualTo(CellResult.UNEXPECTED_ALLOW);
    assertThat(matrix.summaryProperty().get()).startsWith("3000 cells in 3000 ms");
  }

  @Test
  void anEmptyGridSaysWhyItIsEmpty() {
    assertThat(matrix.emptyProperty().get()).isEqualTo(MatrixViewModel.Empty.NO_MATRIX);
    var big = BigMatrix.of(5, 3);
    var allMatch = new dev.portcullis.engine.matrix.Matrix(big.rows(), big.callers(), big.cells().stream().map(c -> new MatrixCell(
        c.gateway(), c.routeKey(), c.caller(), c.expected(), c.trace(), CellResult.MATCH)).toList(), big.took());
    matrix.show(allMatch, false);
    assertThat(matrix.emptyProperty().get()).isEqualTo(MatrixViewModel.Empty.NONE);

    matrix.onlyUnexpectedProperty().set(true);
    assertThat(matrix.rows()).isEmpty();
    assertThat(matrix.emptyProperty().get()).as("a matrix ran and nothing in it is unexpected").isEqualTo(MatrixViewModel.Empty.NOTHING_UNEXPECTED);

    matrix.onlyUnexpectedProperty().set(false);
    matrix.filterProperty().set("no/such/route");
    assertThat(matrix.emptyProperty().get()).isEqualTo(MatrixViewModel.Empty.NO_ROUTE_MATCHES);
  }

  @Test
  void unknownCellsAreCountedApartInTheSummary() {
    var big = BigMatrix.of(3, 2);
    var cells = new java.util.ArrayList<>(big.cells());
    MatrixCell first = cells.getFirst();
    cells.set(0, new MatrixCell(first.gateway(), first.routeKey(), first.caller(), first.expected(), first.trace(), CellResult.UNKNOWN));
    matrix.show(new dev.portcullis.engine.matrix.Matrix(big.rows(), big.callers(), cells, big.took()), false);
    assertThat(matrix.summaryProperty().get()).contains("1 unknown");
    matrix.onlyUnexpectedProperty().set(true);
    assertThat(matrix.rows()).extracting(MatrixViewModel.Row::route).contains(first.row());
  }
}
