package dev.portcullis.engine.store;

import dev.portcullis.engine.model.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a copy of a workspace to share with a team. A shared file carries references
 * ({@code env:}, {@code keychain:}, {@code prompt} ...), never secrets: export refuses when a
 * literal secret sits outside the emulator section, whose fixtures open nothing real.
 */
public final class WorkspaceExporter {
  private final WorkspaceStore store;

  public WorkspaceExporter(WorkspaceStore store) {
    this.store = store;
  }

  /** Thrown when a workspace holds literal secrets; lists each offending field. */
  public static final class LiteralSecretsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> fields;

    LiteralSecretsException(List<String> fields) {
      super("Export refused: " + fields.size() + " field(s) hold a literal secret; replace each with a reference "
          + "(env:NAME, file:PATH, keychain:NAME, prompt) and export again: " + String.join("; ", fields));
      this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
      return fields;
    }
  }

  public void export(Workspace workspace, Path target) throws LiteralSecretsException, IOException {
    List<String> offending = literalSecrets(workspace);
    if (!offending.isEmpty()) {
      throw new LiteralSecretsException(offending);
    }
    store.save(workspace, target);
  }

  /**
   * Every field outside the emulator section that holds a secret value itself, also one step
   * removed (a {@code {{variable}}} holding a literal, a credential in a URL, query or body); field
   * names only, never values. {@code portcullis export} and the File menu both refuse on it.
   */
  public static List<String> literalSecrets(Workspace ws) {
    return ExportJudge.judge(ws);
  }

  /** The shareable copy as text (what {@link #export} writes), refused while a literal secret remains. */
  public static String shareable(Workspace ws) throws LiteralSecretsException {
    List<String> offending = literalSecrets(ws);
    if (!offending.isEmpty()) {
      throw new LiteralSecretsException(offending);
    }
    return WorkspaceStore.render(ws);
  }
}
