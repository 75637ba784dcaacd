package dev.portcullis.engine.advisor;

import java.util.Optional;

/**
 * Finds the file and line of a finding's subject. The advisor works on model records, which carry
 * no positions; a locator over the workspace file (see {@link WorkspaceLines}) or, later, over an
 * importer's per-item source records fills them in.
 */
@FunctionalInterface
public interface SourceLocator {
  /** A locator that knows nothing: findings then point at the workspace file as a whole. */
  SourceLocator NONE = subject -> Optional.empty();

  Optional<SourceLocation> locate(Subject subject);

  /** This locator, else {@code other}: an importer's record first, the workspace file's line second. */
  default SourceLocator orElse(SourceLocator other) {
    return subject -> locate(subject).or(() -> other.locate(subject));
  }
}
