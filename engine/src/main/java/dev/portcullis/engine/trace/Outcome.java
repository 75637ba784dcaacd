package dev.portcullis.engine.trace;

/** How one step of a trace went. A denied request is not a failed step: the step that judged it is. */
public enum Outcome {
  OK,
  /** The step finished but something deserves attention (a token about to expire, a disagreement). */
  WARN,
  FAIL,
  /** The step did not run (no token to inspect, no prediction for a local gateway). */
  SKIPPED
}
