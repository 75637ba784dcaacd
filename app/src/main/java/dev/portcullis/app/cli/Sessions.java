package dev.portcullis.app.cli;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
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

  static Session open(Workspace workspace, String awsEnvironment, boolean verbose, PrintWriter err) throws IOException {
    if (awsEnvironment != null) {
      return Session.remote(workspace, remoteEnvironment(workspace, awsEnvironment, err), Clock.systemUTC(), (where, label) -> Optional.empty());
    }
    return Session.local(workspace, Clock.systemUTC(), true, (where, label) -> Optional.empty(), line -> {
      if (verbose) {
        err.println("portcullis: " + line);
      }
    });
  }

  /**
   * The environment {@code --aws NAME} selects. A name the workspace lacks still works where a
   * gateway has a baseUrl (its variables then come from the workspace alone, which {@code err} says);
   * with neither, one sentence says what to add.
   */
  static String remoteEnvironment(Workspace workspace, String name, PrintWriter err) {
    if (workspace.environment(name).isPresent()) {
      return name;
    }
    java.util.List<String> names = workspace.environments().stream().map(e -> e.name()).toList();
    boolean anyBaseUrl = workspace.gateways().stream().anyMatch(g -> g.baseUrl() != null);
    if (!anyBaseUrl) {
      throw new IllegalArgumentException("--aws " + name + ": no gateway of workspace " + workspace.name() + " has a baseUrl, so there is"
          + " nothing to call on AWS; set each gateway's baseUrl (e.g. https://{apiId}.execute-api.{region}.amazonaws.com/{stage})"
          + (names.isEmpty() ? "" : " or pick an environment that supplies its variables: " + String.join(", ", names)));
    }
    err.println("portcullis: workspace " + workspace.name() + " has no environment '" + name + "'"
        + (names.isEmpty() ? "" : " (it has " + String.join(", ", names) + ")")
        + "; calling the gateways' baseUrl with the workspace's own variables");
    err.flush();
    return null;
  }
}
