package dev.portcullis.engine.matrix;

/**
 * How a cell's answer compares with what was expected, most severe first: a route that lets in a
 * caller it should not is the finding people run the matrix for.
 */
public enum CellResult {
  /** Allowed where a denial was expected. */
  UNEXPECTED_ALLOW,
  /** Denied where an allow was expected. */
  UNEXPECTED_DENY,
  /** Allow or deny as expected, but a saved expectation's status, error type or deciding check differs. */
  MISMATCH,
  /** No answer to judge: the credential could not be obtained, or the request got no answer. */
  ERROR,
  /**
   * An answer came back but nothing independent says what it should have been: the rule book's
   * prediction could not be made, or rests on a fault (the issuer's keys unreachable, an authoriser
   * that could not be invoked). Judging the answer by that prediction would pass the very failure
   * it should show, so the cell is counted apart and fails the run.
   */
  UNKNOWN,
  /** As expected. */
  MATCH;

  /** Whether this result fails the run. */
  public boolean failed() {
    return this != MATCH;
  }
}
