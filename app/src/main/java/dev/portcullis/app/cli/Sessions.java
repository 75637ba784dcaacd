package dev.portcullis.app.cli;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.trust.TrustGate;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;

/**
 * Opens the session a command runs in: the workspace's local world started in-process on free
 * ports (so a CLI run never collides with a running {@code gateway serve}), or real AWS with an
 * environment's variables.
 */
final class Sessions {
  private Sessions() {}

  static Session open(Workspace workspace, TrustGate gate, String awsEnvironment, boolean verbose, PrintWriter err) throws IOException {
    if (awsEnvironment != null) {
      if (workspace.environment(awsEnvironment).isEmpty()) {
        throw new IllegalArgumentException("environment '" + awsEnvironment + "' is not in workspace " + workspace.name()
            + "; use one of " + workspace.environments().stream().map(e -> e.name()).toList());
      }
      return Session.remote(workspace, awsEnvironment, Clock.systemUTC(), (where, label) -> Optional.empty(), gate);
    }
    return Session.local(workspace, Clock.systemUTC(), true, (where, label) -> Optional.empty(), line -> {
      if (verbose) {
        err.println("portcullis: " + line);
      }
    }, gate);
  }
}
