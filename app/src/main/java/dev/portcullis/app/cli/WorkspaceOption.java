package dev.portcullis.app.cli;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.WorkspaceException;
import dev.portcullis.engine.store.WorkspaceStore;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** {@code --workspace FILE}, the demo when absent. */
final class WorkspaceOption {
  @Option(names = {"-w", "--workspace"}, paramLabel = "FILE", description = "Workspace file (default: the embedded payments demo).")
  Path file;

  Workspace load() throws WorkspaceException {
    return file == null ? DemoWorkspace.load() : WorkspaceStore.create(Clock.systemUTC()).load(file);
  }

  /** How other processes know this workspace: its real path, or the embedded demo. */
  String key() {
    return dev.portcullis.engine.attach.RunningWorlds.key(file, DemoWorkspace.NAME.toString());
  }

  String name() {
    return file == null ? DemoWorkspace.NAME.toString() : file.toString();
  }
}
