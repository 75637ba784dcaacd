package dev.portcullis.engine.matrix;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller × route matrix: rows are routes ({@code gateway ROUTEKEY}), columns are callers, and
 * each cell is one request's trace judged against its expectation. A cancelled run has fewer cells
 * than rows × callers.
 */
public record Matrix(List<String> rows, List<String> callers, List<MatrixCell> cells, Duration took) {
  public Matrix {
    rows = List.copyOf(rows);
    callers = List.copyOf(callers);
    cells = List.copyOf(cells);
    Objects.requireNonNull(took, "took");
  }

  /** The cell at a row and column, if it ran. */
  public Optional<MatrixCell> cell(String row, String caller) {
    return cells.stream().filter(c -> c.row().equals(row) && c.caller().equals(caller)).findFirst();
  }

  /** Cells that did not meet their expectation, most severe first (unexpected allows lead). */
  public List<MatrixCell> failures() {
    return cells.stream().filter(c -> c.result().failed())
        .sorted(Comparator.comparing(MatrixCell::result)
            .thenComparing(c -> rows.indexOf(c.row())).thenComparing(c -> callers.indexOf(c.caller())))
        .toList();
  }

  /** Whether every cell ran and met its expectation. */
  public boolean passed() {
    return failures().isEmpty() && cells.size() == rows.size() * callers.size();
  }

  /** How many cells ended with {@code result}. */
  public long count(CellResult result) {
    return cells.stream().filter(c -> c.result() == result).count();
  }
}
