package dev.portcullis.engine.matrix;

import java.util.List;

/**
 * Which part of the caller × route matrix to run.
 *
 * @param callers caller names to run as; empty means every caller of the workspace
 * @param routeGlob a glob ({@code *} any text, {@code ?} one character) matched against the row
 *     ({@code payments POST /internal/refresh}), the route key ({@code POST /internal/refresh}) or
 *     the path; null means every route
 * @param parallel how many callers run at once (cells of one caller always run in order)
 */
public record MatrixSpec(List<String> callers, String routeGlob, int parallel) {
  public MatrixSpec {
    callers = callers == null ? List.of() : List.copyOf(callers);
    routeGlob = routeGlob == null || routeGlob.isBlank() ? null : routeGlob;
    if (parallel < 1 || parallel > 256) {
      throw new IllegalArgumentException("parallel " + parallel + " is outside 1..256");
    }
  }

  /** Every caller, every route, four at a time. */
  public static MatrixSpec all() {
    return new MatrixSpec(List.of(), null, 4);
  }
}
