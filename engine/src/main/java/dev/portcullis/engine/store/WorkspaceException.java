package dev.portcullis.engine.store;

import java.nio.file.Path;
import java.util.List;

/**
 * A workspace file that cannot be used, with every problem found: each one sentence that names the
 * file, the place in it and what was expected. The file itself is left as it was.
 */
public final class WorkspaceException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Path file;
  private final List<String> problems;

  public WorkspaceException(Path file, List<String> problems) {
    super(String.join("\n", problems));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  public WorkspaceException(Path file, String problem, Throwable cause) {
    super(problem, cause);
    this.file = file;
    this.problems = List.of(problem);
  }

  public Path file() {
    return file;
  }

  public List<String> problems() {
    return problems;
  }
}
