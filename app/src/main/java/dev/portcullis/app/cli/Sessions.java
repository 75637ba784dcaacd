package dev.portcullis.app.cli;

import dev.portcullis.engine.attach.RunningWorlds;
import dev.portcullis.engine.attach.WorldRecord;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;

/**
 * Opens the session a command runs in: the running world of the same workspace ({@code gateway
 * serve} in another terminal) when there is one, so tokens, caches and buckets are the ones a
 * plain curl meets; else the workspace's local world started in-process on free ports; or real
 * AWS with an environment's variables.
 */
final class Sessions {
  private Sessions() {}

  /** How a command's session came about, so a command can tell the user what it means for them. */
  enum Where { ATTACHED, IN_PROCESS, AWS }

  record Opened(Session session, Where where) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }

  static Session open(Workspace workspace, String awsEnvironment, boolean verbose, PrintWriter err) throws IOException {
    return open(workspace, null, true, awsEnvironment, verbose, err).session();
  }

  /**
   * @param workspaceKey {@link WorkspaceOption#key()}; null never attaches
   * @param noAttach {@code --no-attach}
   */
  static Opened open(Workspace workspace, String workspaceKey, boolean noAttach, String awsEnvironment, boolean verbose,
      PrintWriter err) throws IOException {
    if (awsEnvironment != null) {
      if (workspace.environment(awsEnvironment).isEmpty()) {
        throw new IllegalArgumentException("environment '" + awsEnvironment + "' is not in workspace " + workspace.name()
            + "; use one of " + workspace.environments().stream().map(e -> e.name()).toList());
      }
      return new Opened(Session.remote(workspace, awsEnvironment, Clock.systemUTC(), (where, label) -> Optional.empty()), Where.AWS);
    }
    Optional<WorldRecord> running = noAttach || workspaceKey == null ? Optional.empty() : RunningWorlds.create().find(workspaceKey);
    if (running.isPresent()) {
      err.println("portcullis: using the running local world of this workspace (" + running.get().describe() + "); --no-attach starts a fresh one");
      err.flush();
      return new Opened(Session.attached(workspace, running.get(), Clock.systemUTC(), (where, label) -> Optional.empty()), Where.ATTACHED);
    }
    Session local = Session.local(workspace, Clock.systemUTC(), true, (where, label) -> Optional.empty(), line -> {
      if (verbose) {
        err.println("portcullis: " + line);
      }
    });
    return new Opened(local, Where.IN_PROCESS);
  }
}
