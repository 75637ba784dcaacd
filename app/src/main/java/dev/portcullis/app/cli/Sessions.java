package dev.portcullis.app.cli;

import dev.portcullis.engine.attach.RunningWorlds;
import dev.portcullis.engine.attach.WorldRecord;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.importer.ImportException;
import dev.portcullis.engine.importer.live.LiveDrift;
import dev.portcullis.engine.importer.live.LiveImporter;
import dev.portcullis.engine.run.LiveConfiguration;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.trust.TrustGate;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
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

  static Session open(Workspace workspace, TrustGate gate, String awsEnvironment, boolean verbose, PrintWriter err) throws IOException {
    return open(workspace, gate, null, true, awsEnvironment, verbose, err).session();
  }

  /**
   * @param gate the loaded workspace's trust ({@link WorkspaceOption#gate()})
   * @param workspaceKey {@link WorkspaceOption#key()}; null never attaches
   * @param noAttach {@code --no-attach}
   */
  static Opened open(Workspace workspace, TrustGate gate, String workspaceKey, boolean noAttach, String awsEnvironment, boolean verbose,
      PrintWriter err) throws IOException {
    return open(workspace, gate, workspaceKey, noAttach, awsEnvironment, LiveConfiguration.NONE, verbose, err);
  }

  /** As above; on AWS, {@code live} reads the deployed configuration beside the workspace's. */
  static Opened open(Workspace workspace, TrustGate gate, String workspaceKey, boolean noAttach, String awsEnvironment,
      LiveConfiguration live, boolean verbose, PrintWriter err) throws IOException {
    if (awsEnvironment != null) {
      return new Opened(Session.remote(workspace, remoteEnvironment(workspace, awsEnvironment, err)).trust(gate).live(live).build(),
          Where.AWS);
    }
    Optional<WorldRecord> running = noAttach || workspaceKey == null ? Optional.empty() : RunningWorlds.create().find(workspaceKey);
    if (running.isPresent()) {
      err.println("portcullis: using the running local world of this workspace (" + running.get().describe() + "); --no-attach starts a fresh one");
      err.flush();
      return new Opened(Session.attached(workspace, running.get(), Clock.systemUTC(), (where, label) -> Optional.empty(), gate), Where.ATTACHED);
    }
    Session local = Session.local(workspace, Clock.systemUTC(), true, (where, label) -> Optional.empty(), line -> {
      if (verbose) {
        err.println("portcullis: " + line);
      }
    }, gate);
    return new Opened(local, Where.IN_PROCESS);
  }

  /** {@code --live PROFILE}: the deployed API read with that profile; a read that fails is one line in the trace. */
  static LiveConfiguration live(String profile) {
    if (profile == null) {
      return LiveConfiguration.NONE;
    }
    LiveDrift drift = LiveDrift.create(LiveImporter.forAccount(profile));
    return (gateway, url) -> {
      try {
        return drift.differences(gateway, url);
      } catch (ImportException e) {
        return List.of("The deployed configuration could not be read with profile '" + profile + "': " + e.getMessage());
      }
    };
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
