package dev.portcullis.engine.rules;

import dev.portcullis.engine.handler.HandlerWorkers;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.jwt.JwksSource;
import dev.portcullis.engine.rules.jwt.LocalDocuments;
import dev.portcullis.engine.rules.jwt.TokenAuthorizer;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.trust.TrustGate;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * API Gateway's decision pipeline, implemented once (DESIGN "one rule book, two uses"): the local
 * gateway runs it on real requests, the predictor on requests about to go to AWS.
 *
 * <p>Order (spec §7). REST: route, resource policy, authoriser, API key, usage plan throttle and
 * quota, integration. HTTP: route, authoriser, integration. A pipeline keeps the state AWS keeps
 * between requests (authoriser cache, token buckets, quotas), so use one per workspace session.
 */
public interface Pipeline extends AutoCloseable {

  /** Decides one request to {@code gateway}; never throws for a refused request, only for faults. */
  Ruling decide(IncomingRequest request, Gateway gateway);

  /**
   * The answer for a body over API Gateway's 10 MB payload limit, without reading it (413,
   * REQUEST_TOO_LARGE).
   */
  Ruling tooLarge(IncomingRequest headersOnly, Gateway gateway, long bodyBytes);

  /**
   * The answer when deciding {@code request} failed with a fault of Portcullis's own (a bug, a
   * broken integration): 500, as a ruling whose failed check {@value #FAULT_CHECK} carries the
   * fault's message (masked), so a tool that explains 500s explains its own.
   */
  Ruling fault(IncomingRequest request, Gateway gateway, RuntimeException fault);

  /** The check id of {@link #fault}'s ruling. */
  String FAULT_CHECK = "gateway.fault";

  /**
   * Whether deciding a request to {@code gateway} may wait on something outside this process: a
   * function's worker or command, an HTTP integration, a key set fetched over the network. When it
   * may not, the local gateway answers on the connection's I/O thread (issue 19: handing each
   * request to another thread and waking the I/O thread for its answer was a fifth of the time).
   * True unless the pipeline knows better.
   */
  default boolean mayBlock(Gateway gateway) {
    return true;
  }

  /** Stops what the pipeline started (the warm workers of {@code handler} functions); a no-op otherwise. */
  @Override
  default void close() {}

  /** What earlier requests left behind that decides later ones (cached authoriser answers, usage counters). */
  default LocalState state() {
    return LocalState.EMPTY;
  }

  /** Forgets it all: the next request finds an empty authoriser cache, full buckets and unused quotas. */
  default void resetState() {}

  static Builder builder(Workspace workspace) {
    return new Builder(workspace);
  }

  /** Everything but the workspace has a default; tests replace the clock, ids, functions and tokens. */
  final class Builder {
    final Workspace workspace;
    Clock clock = Clock.systemUTC();
    Supplier<String> requestIds = RequestIds::random;
    Function<LambdaFunction, LambdaInvoker> invokers;
    boolean realLambdasDeferred;
    TokenAuthorizer tokens;
    Pipeline keysOf;
    Map<String, String> runtimeVariables = Map.of();
    String environment;
    IntegrationRunner integrations = IntegrationRunner.standard();
    SecretResolver secrets;
    HandlerWorkers handlerWorkers;
    TrustGate trust = TrustGate.open();
    LocalDocuments localDocuments = LocalDocuments.NONE;

    private Builder(Workspace workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder requestIds(Supplier<String> requestIds) {
      this.requestIds = Objects.requireNonNull(requestIds);
      return this;
    }

    /** Replaces how Lambda functions run; by default by kind, see {@link LambdaInvoker#forFunction}. */
    public Builder lambdaInvokers(Function<LambdaFunction, LambdaInvoker> invokers) {
      this.invokers = Objects.requireNonNull(invokers);
      return this;
    }

    /**
     * Real Lambda functions ({@code invoke}) are not invoked: for a predictor whose requests go to API
     * Gateway, which invokes the deployed function itself (a second Invoke is billed and doubles what
     * the function counts or logs); deciding a request that needs one throws {@link LambdaInvoker.Deferred}.
     * The workspace's own code ({@code handler}, {@code command}) still runs, standing in for it.
     */
    public Builder leavingRealLambdasToTheGateway() {
      this.realLambdasDeferred = true;
      return this;
    }

    /** Replaces token verification; by default keys come from each issuer's discovery document over HTTP. */
    public Builder tokenAuthorizer(TokenAuthorizer tokens) {
      this.tokens = Objects.requireNonNull(tokens);
      return this;
    }

    /**
     * Verifies tokens as {@code other} does, with its caches of issuers' keys: for the predictor of a
     * local send, whose gateway decides the same request right after it, so that the two fetch an
     * issuer's keys once (and wait once for an unreachable one's timeout, which {@link
     * dev.portcullis.engine.rules.jwt.JwksSource#FAILURE_HOLD} then remembers). Ignored when {@code
     * other} is not a pipeline this builder made, or a {@link #tokenAuthorizer} is given.
     */
    public Builder sharingKeysWith(Pipeline other) {
      this.keysOf = Objects.requireNonNull(other);
      return this;
    }

    /**
     * The environment whose variables resolve the authorisers' {@code {{variables}}} (an issuer's
     * {@code {{idpBaseUrl}}}): the one a request is sent in, so the prediction judges the same issuer
     * the real gateway does. Null: the workspace's variables only (the local world).
     */
    public Builder environment(String environment) {
      this.environment = environment;
      return this;
    }

    /** Values over the workspace's variables, e.g. {@code idpBaseUrl} of the running identity providers. */
    public Builder runtimeVariables(Map<String, String> runtimeVariables) {
      this.runtimeVariables = Map.copyOf(runtimeVariables);
      return this;
    }

    public Builder integrations(IntegrationRunner integrations) {
      this.integrations = Objects.requireNonNull(integrations);
      return this;
    }

    /** Resolves {@code local:} references in rule matches; by default against the workspace's emulator, no prompts. */
    public Builder secrets(SecretResolver secrets) {
      this.secrets = Objects.requireNonNull(secrets);
      return this;
    }

    /**
     * Where {@code handler} functions run; the caller keeps ownership and closes it. By default the
     * pipeline starts its own workers and stops them when it is closed.
     */
    public Builder handlerWorkers(HandlerWorkers handlerWorkers) {
      this.handlerWorkers = Objects.requireNonNull(handlerWorkers);
      return this;
    }

    /**
     * The workspace's trust: closed, no function program runs, no local secret is read, and neither
     * JWKS fetches nor http integrations leave loopback. Given secrets should obey the same gate.
     */
    public Builder trust(TrustGate trust) {
      this.trust = Objects.requireNonNull(trust);
      return this;
    }

    /**
     * The running world's identity providers, whose discovery documents and keys token authorisers
     * read in-process (loaded when the world starts, without the HTTP API fetch quota); by default
     * every issuer is fetched over HTTP.
     */
    public Builder localDocuments(LocalDocuments localDocuments) {
      this.localDocuments = Objects.requireNonNull(localDocuments);
      return this;
    }

    /**
     * A new pipeline with state of its own. The builder is left as it was, so a second call builds
     * the same pipeline again: build() used to store the gated integrations and the default token
     * authoriser in the builder, and a second pipeline then lost the echo's event-JSON handover (the
     * gated runner is no longer the standard one), gated twice and shared the first one's JWKS cache.
     */
    public Pipeline build() {
      SecretResolver resolver = Optional.ofNullable(secrets)
          .orElseGet(() -> SecretResolver.create(workspace.emulator(), (where, label) -> Optional.empty(), trust));
      HandlerWorkers owned = handlerWorkers == null ? HandlerWorkers.create() : null;
      HandlerWorkers workers = handlerWorkers == null ? owned : handlerWorkers;
      Function<LambdaFunction, LambdaInvoker> kinds = Optional.ofNullable(invokers)
          .orElse(fn -> LambdaInvoker.forFunction(fn, resolver, workers));
      Function<LambdaFunction, LambdaInvoker> functions = !realLambdasDeferred ? kinds
          : fn -> fn instanceof LambdaFunction.Invoke ? LambdaInvoker.deferred(fn) : kinds.apply(fn);
      TokenAuthorizer tokenAuthorizer = tokens != null ? tokens
          : keysOf instanceof DefaultPipeline shared ? shared.tokenAuthorizer()
          : TokenAuthorizer.create(TrustedFetches.jwks(JwksSource.http(clock, localDocuments), trust),
              TrustedFetches.jwks(JwksSource.cognito(clock, localDocuments), trust), clock);
      // only the standard runner's echo answer is the event's JSON; decided before the trust gate wraps it
      boolean standardIntegrations = integrations instanceof Integrations;
      IntegrationRunner gated = TrustedFetches.integrations(integrations, trust);
      // keys are read in-process only when the token authoriser is the default one and a local provider serves them
      LocalDocuments inProcess = tokens == null ? localDocuments : LocalDocuments.NONE;
      return new DefaultPipeline(this, new DefaultPipeline.Parts(functions, tokenAuthorizer, gated, standardIntegrations,
          invokers == null, inProcess), owned);
    }
  }
}
