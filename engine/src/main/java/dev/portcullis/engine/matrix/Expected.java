package dev.portcullis.engine.matrix;

import java.util.Objects;

/**
 * What a cell should get.
 *
 * @param status the exact status a saved expectation names; for derived cells the status the rule
 *     book predicts, shown for reference only (derived cells are judged on allow versus deny)
 * @param allow whether the caller should get through
 * @param source where the expectation came from
 * @param why one sentence: the saved request's name, or the reasoning that derived it
 */
public record Expected(Integer status, boolean allow, Source source, String why) {
  public Expected {
    Objects.requireNonNull(source, "expected source");
    Objects.requireNonNull(why, "expected why");
  }

  /**
   * SAVED: from a saved request's expectation. DERIVED: from the route's authorisation and the
   * caller. NONE: no expectation could be formed (the prediction it would come from failed); {@code
   * allow} means nothing then and {@code why} says what failed.
   */
  public enum Source { SAVED, DERIVED, NONE }

  /** Whether there is an expectation to judge against. */
  public boolean known() {
    return source != Source.NONE;
  }
}
