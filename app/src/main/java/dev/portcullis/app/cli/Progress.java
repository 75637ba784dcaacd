package dev.portcullis.app.cli;

import dev.portcullis.engine.matrix.MatrixCell;
import dev.portcullis.engine.matrix.ProgressListener;
import java.io.PrintWriter;

/** "cells 40/104" on stderr, rewritten in place, once a run has taken over a second; silent when stderr is not a terminal. */
final class Progress implements ProgressListener {
  private static final long QUIET_NANOS = 1_000_000_000L;
  private final PrintWriter err;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private boolean shown;

  Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  @Override
  public void cellDone(int done, int total, MatrixCell cell) {
    if (enabled && System.nanoTime() - start > QUIET_NANOS) {
      err.print("\rportcullis: cells " + done + "/" + total + " ");
      err.flush();
      shown = true;
    }
  }

  /** Clears the progress line so the report starts on a clean one. */
  void finish() {
    if (shown) {
      err.print("\r" + " ".repeat(40) + "\r");
      err.flush();
    }
  }
}
