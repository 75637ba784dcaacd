package dev.portcullis.engine.run;

import dev.portcullis.engine.gateway.LocalWorld;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.identity.CredentialAcquirer;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.send.HttpExchanger;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.store.Variables;
import dev.portcullis.engine.trace.Masking;
import dev.portcullis.engine.trace.Trace;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A workspace opened for sending: its target (the local world, started here, or real AWS), one
 * credential cache, one predictor and one masking that learns every secret resolved, so exports of
 * this session's traces hide them. Thread-safe for concurrent {@link #run} calls.
 */
public final class Session implements AutoCloseable {
  private final Workspace workspace;
  private final Target target;
  private final Clock clock;
  private final Masking masking;
  private final RequestRunner runner;
  private final Pipeline predictor;
  private final AutoCloseable resources;

  private Session(Workspace workspace, Target target, Clock clock, SecretResolver.Prompter prompter, String environment,
      AutoCloseable resources) {
    this.workspace = workspace;
    this.target = target;
    this.clock = clock;
    this.masking = Masking.create();
    this.resources = resources;
    SecretResolver secrets = SecretResolver.create(workspace.emulator(), prompter);
    Variables variables = Variables.of(workspace, environment, null, target.runtimeVariables());
    HttpExchanger exchanger = HttpExchanger.create(Duration.ofSeconds(30));
    LocalTokensBridge tokens = new LocalTokensBridge(target);
    CredentialAcquirer acquirer = CredentialAcquirer.create(secrets, variables, exchanger, clock, tokens);
    this.predictor = Pipeline.builder(workspace).clock(clock).runtimeVariables(target.runtimeVariables()).secrets(secrets).build();
    this.runner = new RequestRunner(workspace, target, environment, acquirer, exchanger, this.predictor, masking, clock);
  }

  /** Starts the workspace's local world (on free ports when asked) and opens a session on it. */
  public static Session local(Workspace workspace, Clock clock, boolean freePorts, SecretResolver.Prompter prompter,
      Consumer<String> log) throws IOException {
    LocalWorld world = LocalWorld.start(workspace, clock, freePorts, log);
    return new Session(workspace, new Target.Local(world), clock, prompter, null, world);
  }

  /** A session against the gateways' real base URLs, with an environment's variables. */
  public static Session remote(Workspace workspace, String environment, Clock clock, SecretResolver.Prompter prompter) {
    return new Session(workspace, new Target.Remote(), clock, prompter, environment, () -> { });
  }

  /**
   * The credential a caller would send, from this session's cache (acquired on first use), with its
   * secrets registered in {@link #masking()}.
   *
   * @throws IllegalArgumentException when the workspace has no such caller
   */
  public dev.portcullis.engine.identity.Acquisition credential(String callerName, ChallengeHandler challenges) {
    dev.portcullis.engine.model.Caller caller = workspace.caller(callerName).orElseThrow(() -> new IllegalArgumentException(
        "caller '" + callerName + "' is not in workspace " + workspace.name() + "; its callers are "
            + workspace.callers().stream().map(dev.portcullis.engine.model.Caller::name).toList()));
    return runner.credential(caller, challenges);
  }

  /** Sends a saved request (as its caller, or {@code callerOverride}) and returns the whole story. */
  public Trace run(SavedRequest request, String callerOverride, ChallengeHandler challenges) {
    return runner.run(request, callerOverride, Map.of(), challenges);
  }

  /**
   * As {@link #run(SavedRequest, String, ChallengeHandler)}, stoppable: after {@code cancel.cancel()}
   * the credential, the send or the burst in progress is abandoned and the trace ends "cancelled by you".
   */
  public Trace run(SavedRequest request, String callerOverride, ChallengeHandler challenges,
      dev.portcullis.engine.send.Cancellation cancel) {
    return runner.run(request, callerOverride, Map.of(), challenges, cancel);
  }

  /** The local gateway's state left behind by earlier sends; empty for real AWS, whose state cannot be read. */
  public dev.portcullis.engine.rules.LocalState localState() {
    return world().map(LocalWorld::state).orElse(dev.portcullis.engine.rules.LocalState.EMPTY);
  }

  /** Empties it (authoriser cache, buckets, quotas) in the gateway and in the predictor; false for real AWS. */
  public boolean resetLocalState() {
    predictor.resetState();
    return world().map(w -> {
      w.resetState();
      return true;
    }).orElse(false);
  }

  public Workspace workspace() {
    return workspace;
  }

  public Target target() {
    return target;
  }

  /** Knows every secret this session resolved; give it to {@code TraceExport.create}. */
  public Masking masking() {
    return masking;
  }

  public Optional<LocalWorld> world() {
    return target instanceof Target.Local l ? Optional.of(l.world()) : Optional.empty();
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (Exception e) {
      // closing loopback servers: nothing a user can act on
    }
  }

  /** {@code local:tokens/NAME}: minted by the local identity providers when the target has them. */
  private record LocalTokensBridge(Target target) implements dev.portcullis.engine.identity.LocalTokens {
    public Optional<String> mint(String recipeName) {
      if (!(target instanceof Target.Local l)) {
        return Optional.empty();
      }
      try {
        return Optional.of(l.world().identityProviders().mintRecipe(recipeName));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
