package dev.portcullis.engine.importer;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.SavedRequest;
import java.util.List;

/**
 * What one source yields before it becomes a workspace: APIs, and for sources that carry them
 * (a request collection) callers and saved requests of their own.
 */
public record ImportDraft(List<ImportedApi> apis, List<Caller> callers, List<SavedRequest> requests) {
  public ImportDraft {
    apis = apis == null ? List.of() : List.copyOf(apis);
    callers = callers == null ? List.of() : List.copyOf(callers);
    requests = requests == null ? List.of() : List.copyOf(requests);
  }

  public static ImportDraft of(List<ImportedApi> apis) {
    return new ImportDraft(apis, List.of(), List.of());
  }

  public boolean isEmpty() {
    return apis.isEmpty() && requests.isEmpty();
  }
}
