package dev.portcullis.engine.advisor;

import java.util.Objects;

/**
 * Where an item of the workspace came from: the workspace file itself, or (once an importer records
 * it) the template or OpenAPI file and line it was imported from. SARIF reports a finding there, so
 * code scanning shows it on that line.
 *
 * @param file a path relative to the repository root when known (forward slashes), else as given
 * @param line 1-based
 * @param column 1-based, 0 when unknown
 */
public record SourceLocation(String file, int line, int column) {
  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (file.isBlank()) {
      throw new IllegalArgumentException("a source location needs a file");
    }
    if (line < 1 || column < 0) {
      throw new IllegalArgumentException("source location " + file + ": line must be 1 or more and column 0 or more");
    }
  }
}
