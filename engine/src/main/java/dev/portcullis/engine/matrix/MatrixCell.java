package dev.portcullis.engine.matrix;

import dev.portcullis.engine.trace.Trace;
import java.util.Objects;

/**
 * One caller against one route: what was expected, the whole trace of what happened, and how the
 * two compare.
 *
 * @param routeKey e.g. {@code POST /internal/refresh}
 */
public record MatrixCell(String gateway, String routeKey, String caller, Expected expected, Trace trace, CellResult result) {
  public MatrixCell {
    Objects.requireNonNull(gateway, "cell gateway");
    Objects.requireNonNull(routeKey, "cell route");
    Objects.requireNonNull(caller, "cell caller");
    Objects.requireNonNull(expected, "cell expectation");
    Objects.requireNonNull(trace, "cell trace");
    Objects.requireNonNull(result, "cell result");
  }

  /** The row this cell sits in: {@code gateway ROUTEKEY}. */
  public String row() {
    return gateway + " " + routeKey;
  }

  /** Whether the gateway let the request through. */
  public boolean allowed() {
    return trace.verdict().allowed();
  }

  /** The answer's status, or null when nothing came back. */
  public Integer status() {
    return trace.verdict().actual() == null ? null : trace.verdict().actual().status();
  }

  /** The check that decided, when the gateway says (the local gateway does; AWS does not). */
  public String decidedBy() {
    return trace.verdict().decidedBy();
  }
}
