package dev.portcullis.engine.trace;

import java.util.Objects;

/** One likely cause of an answer and what to change if it is the one. */
public record Cause(String cause, String change) {
  public Cause {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(change, "change");
  }
}
