package dev.portcullis.engine.rules;

import dev.portcullis.engine.handler.HandlerWorkers;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.rules.Ruling.Outcome;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import dev.portcullis.engine.rules.iam.PolicyEvaluator;
import dev.portcullis.engine.rules.jwt.LocalDocuments;
import dev.portcullis.engine.rules.jwt.TokenAuthorizer;
import dev.portcullis.engine.rules.sigv4.SigV4Verification;
import dev.portcullis.engine.rules.sigv4.SigV4Verifier;
import dev.portcullis.engine.store.Variables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The rule book's order (spec §7), one mechanism per collaborator. */
final class DefaultPipeline implements Pipeline {
  private final Supplier<String> requestIds;
  private final IntegrationRunner integrations;
  private final boolean standardIntegrations;
  private final IamAuthorization iam;
  private final LambdaAuthorization lambda;
  private final TokenAuthorization tokens;
  private final UsageChecks usage;
  private final HandlerWorkers owned;
  private final boolean standardFunctions;
  private final LocalDocuments inProcessKeys;
  private final Variables variables;

  /**
   * What {@link Pipeline.Builder#build()} resolved from the builder's defaults, for this pipeline only.
   *
   * @param standardIntegrations whether {@code integrations} wraps the standard runner, whose echo answer is the event's JSON
   */
  record Parts(Function<LambdaFunction, LambdaInvoker> functions, TokenAuthorizer tokens, IntegrationRunner integrations,
      boolean standardIntegrations, boolean standardFunctions, LocalDocuments inProcessKeys) {}

  /** @param owned what {@link #close()} stops (the pipeline's own handler workers), or null */
  DefaultPipeline(Pipeline.Builder b, Parts parts, HandlerWorkers owned) {
    this.owned = owned;
    PolicyEvaluator evaluator = PolicyEvaluator.create(b.clock);
    this.requestIds = b.requestIds;
    this.integrations = parts.integrations();
    this.standardIntegrations = parts.standardIntegrations();
    this.iam = new IamAuthorization(b.workspace.emulator(), evaluator, b.clock.instant());
    this.lambda = new LambdaAuthorization(new AuthorizerCache(b.clock), parts.functions(), new LambdaAnswers(evaluator));
    this.variables = Variables.of(b.workspace, b.environment, null, b.runtimeVariables);
    this.tokens = new TokenAuthorization(parts.tokens(), variables);
    this.standardFunctions = parts.standardFunctions();
    this.inProcessKeys = parts.inProcessKeys();
    this.usage = new UsageChecks(b.workspace.emulator(), b.clock);
  }
  /**
   * Conservative: only echo and mock integrations, and authorisers decided in memory (IAM, API keys,
   * the {@code rules} kind of Lambda function with the standard invokers, JWT and Cognito whose
   * issuers a provider of this process serves). Anything else, or anything that cannot be told, may block.
   */
  @Override
  public boolean mayBlock(Gateway gateway) {
    if (!standardIntegrations) {
      return true;
    }
    try {
      for (Route route : gateway.routes()) {
        if (!(route.integration() instanceof Integration.Echo || route.integration() instanceof Integration.Mock)) {
          return true;
        }
      }
      for (Authorizer authorizer : gateway.authorizers()) {
        boolean inMemory = switch (authorizer) {
          case Authorizer.Lambda l -> standardFunctions && l.function() instanceof LambdaFunction.Rules;
          case Authorizer.Jwt j -> servedInProcess(variables.apply(j.issuer(), "authoriser " + j.name()));
          case Authorizer.Cognito c -> dev.portcullis.engine.rules.jwt.CognitoIssuers.of(c).stream()
              .allMatch(issuer -> servedInProcess(variables.apply(issuer, "authoriser " + c.name())));
        };
        if (!inMemory) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException unknowable) {
      return true; // a variable still to fill in, an issuer that is no URI: the slow path decides, and says why
    }
  }

  /** For {@link Pipeline.Builder#sharingKeysWith}. */
  TokenAuthorizer tokenAuthorizer() {
    return tokens.port();
  }

  private boolean servedInProcess(String issuer) {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    return inProcessKeys.get(java.net.URI.create(base + "/.well-known/openid-configuration")).isPresent()
        || inProcessKeys.get(java.net.URI.create(base + "/.well-known/jwks.json")).isPresent();
  }


  @Override
  public void close() {
    if (owned != null) {
      owned.close();
    }
  }

  @Override
  public Ruling decide(IncomingRequest request, Gateway gateway) {
    PipelineState ex = begin(request, gateway);
    Optional<Denied> tooBig = headerSize(ex);
    if (tooBig.isEmpty()) {
      Optional<Outcome.Allowed> preflight = CorsRules.preflight(ex);
      if (preflight.isPresent()) {
        return ruling(ex, preflight.get(), null);
      }
    }
    Optional<Denied> denied = tooBig.or(() -> route(ex)).or(() -> authorize(ex)).or(() -> ex.rest() ? usage(ex) : Optional.empty());
    if (denied.isPresent()) {
      return ruling(ex, denied.get(), null);
    }
    return integrate(ex);
  }

  @Override
  public LocalState state() {
    return new LocalState(lambda.cache().snapshot(), usage.snapshot());
  }

  @Override
  public void resetState() {
    lambda.cache().clear();
    usage.clear();
  }

  @Override
  public Ruling tooLarge(IncomingRequest headersOnly, Gateway gateway, long bodyBytes) {
    PipelineState ex = begin(headersOnly, gateway);
    ex.fail("request.size", "body of " + bodyBytes + " bytes is over API Gateway's 10 MB payload quota; status 413 is "
        + "REQUEST_TOO_LARGE (spec §1.1); the body text is undocumented, emulated as observed");
    return ruling(ex, GatewayResponses.deny(ex, 413, "REQUEST_TOO_LARGE", null,
        GatewayResponses.message("Request Too Long"), "request.size"), null);
  }

  @Override
  public Ruling fault(IncomingRequest request, Gateway gateway, RuntimeException fault) {
    PipelineState ex = begin(request, gateway);
    String message = fault.getMessage() == null || fault.getMessage().isBlank() ? fault.getClass().getSimpleName()
        : fault.getClass().getSimpleName() + ": " + fault.getMessage();
    ex.fail(FAULT_CHECK, "Portcullis failed while deciding this request (" + Masking.create().scrubText(message)
        + "); this is a fault of the local gateway, not API Gateway behaviour, and is logged once with its stack trace");
    return ruling(ex, GatewayResponses.deny(ex, 500, "DEFAULT_5XX", null, GatewayResponses.message("Internal server error"),
        FAULT_CHECK), null);
  }

  /** The working state of one request, under the id its answer will carry (REST and HTTP ids differ in shape). */
  private PipelineState begin(IncomingRequest request, Gateway gateway) {
    return new PipelineState(request, gateway, RequestIds.forAnswer(gateway.flavor(), requestIds.get()));
  }

  /** API Gateway's quota on the request line plus header values (AWS quotas page: 10,240 bytes). */
  static final int MAX_HEADER_BYTES = 10_240;

  private static Optional<Denied> headerSize(PipelineState ex) {
    long size = ex.request.method().length() + ex.request.rawPath().length() + (ex.request.rawQuery() == null ? 0 : ex.request.rawQuery().length() + 1);
    for (var h : ex.request.headers().entries()) {
      size += h.getValue().length();
    }
    if (size <= MAX_HEADER_BYTES) {
      return Optional.empty();
    }
    ex.fail("request.headerSize", "request line and header values total " + size + " bytes, over API Gateway's quota of "
        + MAX_HEADER_BYTES + "; the status AWS answers with is undocumented (not in the spec): emulated as 413 REQUEST_TOO_LARGE");
    return Optional.of(GatewayResponses.deny(ex, 413, "REQUEST_TOO_LARGE", null, GatewayResponses.message("Request Too Long"),
        "request.headerSize"));
  }

  private Optional<Denied> route(PipelineState ex) {
    Optional<RouteMatch> match = RouteMatcher.match(ex.gateway, ex.request.method(), ex.request.rawPath());
    String asked = ex.request.method() + " " + ex.request.rawPath();
    if (match.isPresent()) {
      ex.match = match.get();
      ex.pass("route", asked + " matched " + match.get().route().key() + (match.get().pathParameters().isEmpty() ? ""
          : " with " + match.get().pathParameters()));
      return Optional.empty();
    }
    String prefix = RouteMatcher.stagePrefix(ex.gateway);
    String stageNote = prefix.isEmpty() ? "" : "; paths of this API start with the stage " + prefix;
    if (ex.rest()) {
      Optional<SigV4Verification.Rejected> notSigV4 = SigV4Verifier.notSigV4(ex.request);
      if (notSigV4.isPresent()) {
        return Optional.of(tokenOnUnknownRoute(ex, asked + stageNote, notSigV4.get()));
      }
      ex.fail("route", "no method of " + ex.gateway.name() + " matches " + asked + stageNote + ". REST APIs answer an "
          + "unknown resource or method with 403 Missing Authentication Token, not 404 (spec §1.2, §7 item 6)");
      return Optional.of(GatewayResponses.deny(ex, 403, "MISSING_AUTHENTICATION_TOKEN",
          "MissingAuthenticationTokenException", GatewayResponses.message("Missing Authentication Token"), "route"));
    }
    ex.fail("route", "no route of " + ex.gateway.name() + " matches " + asked + " and there is no $default route"
        + stageNote + "; HTTP APIs answer 404 Not Found");
    return Optional.of(GatewayResponses.deny(ex, 404, "RESOURCE_NOT_FOUND", null, GatewayResponses.message("Not Found"),
        "route"));
  }

  /**
   * The "wrong path while sending a JWT" symptom: on an unknown route AWS reads the Authorization
   * header as a SigV4 claim, so a bearer token gets an incomplete-signature 403, not Missing
   * Authentication Token (spec §1.2, observed rows "Authorization header present but not SigV4" and
   * "single token", "on an AWS_IAM method or an unknown route").
   */
  private static Denied tokenOnUnknownRoute(PipelineState ex, String asked, SigV4Verification.Rejected r) {
    ex.fail("route", "no method of " + ex.gateway.name() + " matches " + asked + ", and the request's Authorization "
        + "header is not SigV4 key=value pairs (a bearer token or raw JWT): for an unknown route API Gateway reads it as a "
        + "SigV4 signature and answers 403 " + r.errorType() + ", the 'wrong path while sending a JWT' symptom; "
        + "without that header the answer would be 403 Missing Authentication Token (" + r.evidence() + ")");
    return GatewayResponses.deny(ex, r.status(), SigV4CheckIds.responseType(r.reason()), r.errorType(),
        GatewayResponses.message(r.message()), "route");
  }

  private Optional<Denied> authorize(PipelineState ex) {
    Route route = ex.match.route();
    return switch (route.authorization()) {
      case NONE -> {
        ex.pass("authorizer", "authorization NONE: no authoriser runs");
        yield iam.resourcePolicy(ex, true);
      }
      case AWS_IAM -> iam.authorize(ex);
      case CUSTOM -> authorizer(ex, Authorizer.Lambda.class)
          .map(a -> iam.resourcePolicy(ex, false).or(() -> lambda.authorize(ex, StageVariables.authorizer(ex, a))))
          .orElseGet(() -> misconfigured(ex, "a Lambda authoriser"));
      case COGNITO_USER_POOLS -> authorizer(ex, Authorizer.Cognito.class).filter(a -> ex.rest())
          .map(a -> tokens.cognito(ex, a).or(() -> iam.resourcePolicy(ex, true)))
          .orElseGet(() -> misconfigured(ex, "a Cognito authoriser on a REST API"));
      case JWT -> authorizer(ex, Authorizer.Jwt.class).filter(a -> !ex.rest())
          .map(a -> tokens.jwt(ex, a))
          .orElseGet(() -> misconfigured(ex, "a JWT authoriser on an HTTP API"));
    };
  }

  private static <A extends Authorizer> Optional<A> authorizer(PipelineState ex, Class<A> kind) {
    String name = ex.match.route().authorizer();
    return name == null ? Optional.empty() : ex.gateway.authorizer(name).filter(kind::isInstance).map(kind::cast);
  }

  /** A route whose authoriser is missing or of the wrong kind: AWS would not deploy it; the emulator answers 500. */
  private static Optional<Denied> misconfigured(PipelineState ex, String needed) {
    Route route = ex.match.route();
    ex.fail("authorizer", "route " + route.key() + " has authorization " + route.authorization() + " and names "
        + "authoriser '" + route.authorizer() + "', but " + ex.gateway.name() + " has no " + needed + " by that name");
    return Optional.of(GatewayResponses.deny(ex, 500, "API_CONFIGURATION_ERROR", "InternalServerErrorException",
        GatewayResponses.message("Internal server error"), "authorizer"));
  }

  private Optional<Denied> usage(PipelineState ex) {
    if (ex.match.route().apiKeyRequired()) {
      return usage.apiKey(ex);
    }
    ex.pass("apiKey", "the method does not require an API key, so usage plan throttles and quotas do not apply (spec §6)");
    return Optional.empty();
  }

  private Ruling integrate(PipelineState ex) {
    Optional<Integration> resolved = StageVariables.integration(ex, ex.match.route().integration());
    if (resolved.isEmpty()) {
      // the answer the uncallable URL used to give as a fault of Portcullis's own, now with the variable named
      return ruling(ex, GatewayResponses.deny(ex, 500, "DEFAULT_5XX", null, GatewayResponses.message("Internal server error"),
          StageVariables.CHECK), null);
    }
    Integration integration = resolved.get();
    String format = integration instanceof Integration.Echo echo && echo.payloadFormat() != null
        ? echo.payloadFormat() : ex.rest() ? "1.0" : "2.0";
    Map<String, Object> event = IntegrationEvents.of(ex, format);
    IntegrationRunner.Response response = integrations.run(integration, ex.request, ex.match, event);
    ex.pass("integration", response.evidence() + " (proxy event payload " + (ex.rest() ? "1.0" : format) + ")");
    // sized for both at once: a copy sized for the integration's one header had to grow under putAll (issue 19)
    Map<String, String> base = GatewayResponses.baseHeaders(ex.rest(), ex.requestId);
    Map<String, String> headers = LinkedHashMap.newLinkedHashMap(response.headers().size() + base.size());
    headers.putAll(response.headers());
    headers.putAll(base);
    String eventJson = standardIntegrations ? Integrations.eventJson(integration, response) : null;
    return ruling(ex, new Outcome.Allowed(response.status(), headers, response.body()), event, eventJson);
  }

  private static Ruling ruling(PipelineState ex, Outcome given, Map<String, Object> event) {
    return ruling(ex, given, event, null);
  }

  private static Ruling ruling(PipelineState ex, Outcome given, Map<String, Object> event, String eventJson) {
    Map<String, String> headers = CorsRules.addHeaders(ex, given.headers());
    Outcome outcome = given instanceof Denied d
        ? new Denied(d.status(), d.gatewayResponseType(), d.errorType(), d.body(), headers, d.decidedBy())
        : new Outcome.Allowed(given.status(), headers, given.body());
    CorsRules.browserView(ex, outcome);
    return new Ruling(ex.requestId, ex.request.receivedAt(), ex.gateway.name(), ex.gateway.flavor(),
        ex.request.method(), ex.request.rawPath(), ex.routeKey(), outcome, ex.checks, event, eventJson);
  }
}
