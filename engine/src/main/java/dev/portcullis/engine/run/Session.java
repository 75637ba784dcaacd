package dev.portcullis.engine.run;

import dev.portcullis.engine.gateway.LocalWorld;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.identity.CredentialAcquirer;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.jwt.LocalDocuments;
import dev.portcullis.engine.send.HttpExchanger;
import dev.portcullis.engine.send.Network;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.store.Variables;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trust.TrustGate;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

  /** Where trace and predicted request ids come from unless a caller injects its own. */
  public static final Supplier<String> RANDOM_IDS = () -> UUID.randomUUID().toString();

  private final Supplier<String> ids;
  private final Variables variables;

  private Session(Workspace workspace, Target target, Clock clock, SecretResolver.Prompter prompter, String environment,
      AutoCloseable resources, Supplier<String> ids, TrustGate gate) {
    this(workspace, target, clock, prompter, environment, resources, ids, gate, Network.system(), Machine.system());
  }

  private Session(Workspace workspace, Target target, Clock clock, SecretResolver.Prompter prompter, String environment,
      AutoCloseable resources, Supplier<String> ids, TrustGate gate, Network network, Machine machine) {
    // the environment's callers stand in for the workspace's: its real pool, issuer, profiles and key references
    workspace = workspace.inEnvironment(environment);
    this.workspace = workspace;
    this.ids = Objects.requireNonNull(ids, "ids");
    this.target = target;
    this.clock = clock;
    this.masking = Masking.create();
    if (target instanceof Target.Local local) {
      local.world().gateway().maskSecretsOf(masking.registry());
    }
    this.resources = resources;
    SecretResolver secrets = SecretResolver.create(workspace.emulator(), prompter, machine.env(),
        dev.portcullis.engine.store.Keychain.system(), gate);
    Variables variables = Variables.of(workspace, environment, null, target.runtimeVariables());
    this.variables = variables;
    HttpExchanger exchanger = HttpExchanger.create(Duration.ofSeconds(30), gate, network);
    LocalTokensBridge tokens = new LocalTokensBridge(target);
    CredentialAcquirer acquirer = CredentialAcquirer.create(secrets, variables, exchanger, clock, tokens, machine.profiles());
    // Predicting for an in-process world reads its issuers' keys as its gateway does: in-process, without the fetch quota.
    LocalDocuments localKeys = target instanceof Target.Local local ? local.world().identityProviders()::document : LocalDocuments.NONE;
    Pipeline.Builder predicting = Pipeline.builder(workspace).clock(clock).requestIds(ids).environment(environment)
        .runtimeVariables(target.runtimeVariables()).secrets(secrets).trust(gate).localDocuments(localKeys);
    if (target instanceof Target.Local local) {
      // the gateway decides the same request next: one key cache, one fetch (or one timeout) for both
      predicting.sharingKeysWith(local.world().gateway().pipeline());
    }
    // the gateway, local or AWS, calls the http backend itself: calling it here too would repeat what a POST does there
    predicting.integrations(dev.portcullis.engine.rules.IntegrationRunner.leavingHttpToTheGateway());
    if (!(target instanceof Target.Remote)) {
      // the local gateway runs the user's code or invokes the real Lambda for the request itself: doing it here too would do it twice
      predicting.lambdaInvokers(dev.portcullis.engine.rules.LambdaInvoker.deferringSideEffects(secrets));
    } else {
      // API Gateway invokes the deployed function; the user's own handler or command still stands in for it here
      predicting.leavingRealLambdasToTheGateway();
    }
    this.predictor = predicting.build();
    this.runner = new RequestRunner(workspace, target, environment, acquirer, exchanger, predictor, masking, clock, ids);
  }

  /** Starts the workspace's local world (on free ports when asked) and opens a session on it. */
  public static Session local(Workspace workspace, Clock clock, boolean freePorts, SecretResolver.Prompter prompter,
      Consumer<String> log) throws IOException {
    return local(workspace, clock, freePorts, prompter, log, RANDOM_IDS, TrustGate.open());
  }

  /** As {@link #local(Workspace, Clock, boolean, SecretResolver.Prompter, Consumer)}, behind the workspace's trust gate. */
  public static Session local(Workspace workspace, Clock clock, boolean freePorts, SecretResolver.Prompter prompter,
      Consumer<String> log, TrustGate gate) throws IOException {
    return local(workspace, clock, freePorts, prompter, log, RANDOM_IDS, gate);
  }

  /** As {@link #local(Workspace, Clock, boolean, SecretResolver.Prompter, Consumer)}, with trace ids from {@code ids}. */
  public static Session local(Workspace workspace, Clock clock, boolean freePorts, SecretResolver.Prompter prompter,
      Consumer<String> log, Supplier<String> ids) throws IOException {
    return local(workspace, clock, freePorts, prompter, log, ids, TrustGate.open());
  }

  /** The local world behind the workspace's trust gate, with trace ids from {@code ids}. */
  public static Session local(Workspace workspace, Clock clock, boolean freePorts, SecretResolver.Prompter prompter,
      Consumer<String> log, Supplier<String> ids, TrustGate gate) throws IOException {
    LocalWorld world = LocalWorld.start(workspace, clock, freePorts, log, gate);
    return new Session(workspace, new Target.Local(world), clock, prompter, null, world, ids, gate);
  }

  /**
   * A session on a world another process serves ({@code gateway serve} of the same workspace):
   * nothing is started here, so its authoriser cache, token buckets and tokens are shared. Secrets
   * and outside hosts stay behind {@code gate}, as in a session of its own.
   */
  public static Session attached(Workspace workspace, dev.portcullis.engine.attach.WorldRecord record, Clock clock,
      SecretResolver.Prompter prompter, TrustGate gate) {
    dev.portcullis.engine.attach.AttachedWorld world = dev.portcullis.engine.attach.AttachedWorld.of(workspace, record, clock);
    return new Session(workspace, new Target.Attached(world), clock, prompter, null, world, RANDOM_IDS, gate);
  }

  /**
   * Opens a session against the gateways' real base URLs, with {@code environment}'s variables (null:
   * the workspace's own): {@code Session.remote(workspace, "aws-dev").trust(gate).build()}. Every
   * setting of the returned builder has the default a user's session has.
   */
  public static RemoteBuilder remote(Workspace workspace, String environment) {
    return new RemoteBuilder(workspace, environment);
  }

  /** How a session on real AWS is opened; {@link #build()} may be called more than once. */
  public static final class RemoteBuilder {
    private final Workspace workspace;
    private final String environment;
    private Clock clock = Clock.systemUTC();
    private SecretResolver.Prompter prompter = (where, label) -> Optional.empty();
    private TrustGate gate = TrustGate.open();
    private Network network = Network.system();
    private LiveConfiguration live = LiveConfiguration.NONE;
    private Machine machine = Machine.system();

    private RemoteBuilder(Workspace workspace, String environment) {
      this.workspace = Objects.requireNonNull(workspace, "remote session: workspace is required");
      this.environment = environment;
    }

    /** Signing times, token expiry and trace times; the system's UTC clock by default. */
    public RemoteBuilder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "remote session: clock is required");
      return this;
    }

    /** Asks for secrets no reference resolves; by default nobody is asked and such a secret is missing. */
    public RemoteBuilder prompter(SecretResolver.Prompter prompter) {
      this.prompter = Objects.requireNonNull(prompter, "remote session: prompter is required");
      return this;
    }

    /** The workspace's trust; closed, nothing leaves loopback. Open by default. */
    public RemoteBuilder trust(TrustGate gate) {
      this.gate = Objects.requireNonNull(gate, "remote session: trust gate is required");
      return this;
    }

    /** Host names and certificates: a stand-in of API Gateway in tests; the system's DNS and trust store by default. */
    public RemoteBuilder network(Network network) {
      this.network = Objects.requireNonNull(network, "remote session: network is required");
      return this;
    }

    /**
     * The deployed configuration, read once per gateway, which each trace's ruling compares with the
     * workspace; by default {@link LiveConfiguration#NONE}, no comparison.
     */
    public RemoteBuilder live(LiveConfiguration live) {
      this.live = Objects.requireNonNull(live, "remote session: live configuration is required (LiveConfiguration.NONE for none)");
      return this;
    }

    /** Environment variables and AWS profiles: a stand-in of the user's account in tests; this machine's by default. */
    public RemoteBuilder machine(Machine machine) {
      this.machine = Objects.requireNonNull(machine, "remote session: machine is required");
      return this;
    }

    public Session build() {
      Target.Remote target = live == LiveConfiguration.NONE ? new Target.Remote() : new Target.Remote(LiveConfiguration.once(live));
      return new Session(workspace, target, clock, prompter, environment, () -> { }, RANDOM_IDS, gate, network, machine);
    }
  }

  /** A new id from this session's id source, for a trace or a predicted request. */
  public String newId() {
    return ids.get();
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
   * Prepares a saved request as {@link #run(SavedRequest, String, ChallengeHandler)} does (the
   * credential acquired and applied, a SigV4 request signed) and stops before the send: nothing
   * goes on the wire and neither the predictor nor the gateway counts it.
   */
  public DryRun dryRun(SavedRequest request, String callerOverride, ChallengeHandler challenges) {
    return runner.dryRun(request, callerOverride, challenges);
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

  /** The workspace's variables in this session's environment, over them what the target knows ({@code idpBaseUrl} of the local world). */
  public Variables variables() {
    return variables;
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
    predictor.close();
    try {
      resources.close();
    } catch (Exception e) {
      // closing loopback servers: nothing a user can act on
    }
  }

  /** {@code local:tokens/NAME}: minted by the local identity providers when the target has them. */
  private record LocalTokensBridge(Target target) implements dev.portcullis.engine.identity.LocalTokens {
    public Optional<String> mint(String recipeName) {
      try {
        return switch (target) {
          case Target.Local l -> Optional.of(l.world().identityProviders().mintRecipe(recipeName));
          case Target.Attached a -> Optional.of(a.world().mintRecipe(recipeName));
          case Target.Remote r -> Optional.empty();
        };
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
