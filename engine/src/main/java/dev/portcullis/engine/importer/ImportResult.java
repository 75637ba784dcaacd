package dev.portcullis.engine.importer;

import dev.portcullis.engine.model.Workspace;
import java.util.Objects;

/**
 * An import's outcome: the workspace (new, or the one imported into with the source merged in),
 * the report of what was mapped, left out, unreadable and changed, and where in the source each
 * imported route and authoriser is.
 *
 * @param workspace null when nothing was importable
 * @param places {@link SourcePlaces#NONE} when the source has no lines (a live account)
 */
public record ImportResult(Workspace workspace, ImportReport report, SourcePlaces places) {
  public ImportResult {
    Objects.requireNonNull(report, "an import result carries its report");
    places = places == null ? SourcePlaces.NONE : places;
  }

  public ImportResult(Workspace workspace, ImportReport report) {
    this(workspace, report, SourcePlaces.NONE);
  }

  public boolean importedAnything() {
    return workspace != null && !(workspace.gateways().isEmpty() && workspace.requests().isEmpty());
  }

  /** 0 imported, 1 imported with items left out or unreadable, 2 nothing importable. */
  public int exitCode() {
    return report.exitCode(importedAnything());
  }
}
