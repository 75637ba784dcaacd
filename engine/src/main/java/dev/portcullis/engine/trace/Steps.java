package dev.portcullis.engine.trace;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The checks every step's compact constructor shares. */
final class Steps {
  private Steps() {}

  static List<Detail> check(Outcome outcome, String summary, List<Detail> details, Duration duration) {
    Objects.requireNonNull(outcome, "step outcome");
    Objects.requireNonNull(duration, "step duration");
    if (summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("a step needs a one-line summary");
    }
    if (summary.contains("\n")) {
      throw new IllegalArgumentException("a step summary is one line; put the rest in details: " + summary);
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("step duration " + duration + " is negative");
    }
    return details == null ? List.of() : List.copyOf(details);
  }
}
