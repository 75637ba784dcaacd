package dev.portcullis.engine.matrix;

/**
 * Told after each cell; calls are serialised (never two at once) and {@code done} counts up by one,
 * but they come from the runner's worker threads, so a UI must hop to its own thread.
 */
@FunctionalInterface
public interface ProgressListener {
  void cellDone(int done, int total, MatrixCell cell);

  /** Listens to nothing. */
  static ProgressListener none() {
    return (done, total, cell) -> { };
  }
}
