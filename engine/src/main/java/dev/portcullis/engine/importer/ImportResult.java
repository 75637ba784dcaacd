package dev.portcullis.engine.importer;

import dev.portcullis.engine.model.Workspace;
import java.util.Objects;

/**
 * An import's outcome: the workspace (new, or the one imported into with the source merged in)
 * and the report of what was mapped, left out, unreadable and changed.
 *
 * @param workspace null when nothing was importable
 */
public record ImportResult(Workspace workspace, ImportReport report) {
  public ImportResult {
    Objects.requireNonNull(report, "an import result carries its report");
  }

  public boolean importedAnything() {
    return workspace != null && !(workspace.gateways().isEmpty() && workspace.requests().isEmpty());
  }

  /** 0 imported, 1 imported with items left out or unreadable, 2 nothing importable. */
  public int exitCode() {
    return report.exitCode(importedAnything());
  }
}
