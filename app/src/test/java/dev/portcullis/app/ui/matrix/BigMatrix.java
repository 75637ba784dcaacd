package dev.portcullis.app.ui.matrix;

import dev.portcullis.engine.matrix.CellResult;
import dev.portcullis.engine.matrix.Expected;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixCell;
import dev.portcullis.engine.model.Expectation;
import dev.portcullis.engine.trace.RequestSummary;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A matrix of rows × callers cells with every result kind, for the view's size and speed tests. */
final class BigMatrix {
  private BigMatrix() {}

  static Matrix of(int routes, int callerCount) {
    List<String> callers = IntStream.range(0, callerCount).mapToObj(i -> "caller-" + i).toList();
    List<String> rows = new ArrayList<>();
    List<MatrixCell> cells = new ArrayList<>();
    CellResult[] results = CellResult.values();
    for (int r = 0; r < routes; r++) {
      String key = "GET /things/" + r;
      rows.add("api " + key);
      for (int c = 0; c < callerCount; c++) {
        CellResult result = (r * callerCount + c) % 37 == 0 ? results[(r + c) % results.length] : CellResult.MATCH;
        int status = result == CellResult.UNEXPECTED_ALLOW || (result == CellResult.MATCH && c % 2 == 0) ? 200 : 403;
        Trace trace = new Trace("t-" + r + "-" + c, Instant.EPOCH, new RequestSummary(key, "GET", "http://x/things/" + r,
            callers.get(c), "local"), List.of(), Verdict.judge(Expectation.status(200), new Verdict.Actual(status, null, "integration", "")));
        cells.add(new MatrixCell("api", key, callers.get(c), new Expected(200, true, Expected.Source.DERIVED, "synthetic"), trace, result));
      }
    }
    return new Matrix(rows, callers, cells, Duration.ofSeconds(3));
  }
}
