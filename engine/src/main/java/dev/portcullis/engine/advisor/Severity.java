package dev.portcullis.engine.advisor;

/** How much a finding matters; {@link #HIGH} and above fail {@code portcullis advise} (exit 1). */
public enum Severity {
  INFO, LOW, MEDIUM, HIGH, CRITICAL;

  /** Whether a finding of this severity should fail a CI run. */
  public boolean failsBuild() {
    return compareTo(HIGH) >= 0;
  }
}
