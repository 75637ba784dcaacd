package dev.portcullis.engine.advisor;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks behind each {@link Rule}, as pure functions of the workspace and the route costs. */
final class FindingRules {
  /** Above this many requests per second, a Lambda on every request is worth a finding. */
  static final double BUSY_RPS = 10.0;

  private static final Pattern TENANT_PARAM = Pattern.compile("\\{[^}]+}");

  private final Workspace ws;
  private final CostModel costs;

  FindingRules(Workspace ws, CostModel costs) {
    this.ws = ws;
    this.costs = costs;
  }

  List<Finding> all() {
    List<Finding> out = new ArrayList<>();
    for (Gateway g : ws.gateways()) {
      for (Route r : g.routes()) {
        openRoute(g, r, out);
        apiKeyOnly(g, r, out);
        cognitoWithoutScopes(g, r, out);
      }
      for (Authorizer a : g.authorizers()) {
        if (a instanceof Authorizer.Lambda fn) {
          lambdaOnlyVerifiesJwt(g, fn, out);
          cachedMethodPolicy(g, fn, out);
          ttlZeroBusy(g, fn, out);
          cacheKey(g, fn, out);
        } else if (a instanceof Authorizer.Jwt jwt) {
          mixedAudiences(g, jwt, out);
        }
      }
      apiKeyWithoutPlan(g, out);
      policyDeniesNothing(g, out);
      flavourMismatch(g, out);
      authErrorWithoutCors(g, out);
      PreflightRules.preflightNeedsCredentials(g, out);
    }
    IdentityPolicyRules.invokeOnStar(ws, out);
    return out;
  }

  private List<RouteRef> routesOf(Gateway g, String authorizer) {
    return g.routes().stream().filter(r -> authorizer.equals(r.authorizer())).map(r -> new RouteRef(g.name(), r.key())).toList();
  }

  // PC101
  private void openRoute(Gateway g, Route r, List<Finding> out) {
    if (r.authorization() != AuthorizationType.NONE || r.apiKeyRequired() || r.method().equals("OPTIONS")) {
      return; // OPTIONS is CORS preflight, which browsers send without credentials.
    }
    if (markedPublic(g, r)) {
      return;
    }
    out.add(new Finding(Rule.OPEN_ROUTE, null, Subject.route(g.name(), r.key()),
        g.name() + " " + r.key() + " has authorization NONE and nothing marks it as public.",
        List.of("route " + r.key() + " of gateway '" + g.name() + "': authorization NONE, apiKeyRequired false",
            "no saved request expects an anonymous caller to get a 2xx from it"),
        "Put an authoriser on it (AWS_IAM for internal callers, JWT or Cognito for users), or, if it is meant to be public, "
            + "save a request as an anonymous caller that expects 200 so the intent is recorded and tested.",
        List.of(), null));
  }

  private boolean markedPublic(Gateway g, Route r) {
    for (SavedRequest req : ws.requests()) {
      if (!req.gateway().equals(g.name()) || !Requests.expectsSuccess(req) || req.expect() == null) {
        continue;
      }
      boolean anonymous = ws.effectiveCaller(req).flatMap(ws::caller).map(c -> c instanceof Caller.Anonymous).orElse(true);
      if (anonymous && Requests.route(ws, req).filter(r::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  // PC102
  private void apiKeyOnly(Gateway g, Route r, List<Finding> out) {
    if (r.authorization() != AuthorizationType.NONE || !r.apiKeyRequired() || !TENANT_PARAM.matcher(r.path()).find()) {
      return;
    }
    var params = TENANT_PARAM.matcher(r.path()).results().map(m -> m.group()).toList();
    out.add(new Finding(Rule.API_KEY_ONLY, null, Subject.route(g.name(), r.key()),
        g.name() + " " + r.key() + " is protected by an API key only, and its path " + params + " selects one tenant's data.",
        List.of("route " + r.key() + ": authorization NONE, apiKeyRequired true", "path parameter(s) " + params
            + " pick whose data is returned; any valid key can ask for any value"),
        "Add an authoriser that identifies the caller (a Lambda REQUEST authoriser on x-api-key returning tenantId, AWS_IAM, or "
            + "JWT) and check in the integration that the path's tenant is the caller's; keep the key for the usage plan.",
        List.of(), null));
  }

  // PC103
  private void lambdaOnlyVerifiesJwt(Gateway g, Authorizer.Lambda fn, List<Finding> out) {
    if (g.flavor() != Flavor.HTTP || fn.identitySources().size() != 1
        || !fn.identitySources().get(0).toLowerCase(java.util.Locale.ROOT).endsWith("header.authorization")) {
      return;
    }
    if (!(fn.function() instanceof LambdaFunction.Rules rules) || rules.rules().stream().anyMatch(rule -> !rule.context().isEmpty())) {
      return; // Only a declarative function shows us it adds nothing; code may well add context.
    }
    List<RouteRef> routes = routesOf(g, fn.name());
    out.add(new Finding(Rule.LAMBDA_ONLY_VERIFIES_JWT, null, Subject.authorizer(g.name(), fn.name()),
        "Lambda authoriser '" + fn.name() + "' on HTTP API '" + g.name() + "' reads only the Authorization header and returns no context.",
        List.of("identity sources " + fn.identitySources(), "no rule of the function sets a context key", "used by " + routes),
        "Replace it with a JWT authoriser (issuer and audience pinned, scopes on the routes): the same check with no Lambda "
            + "invocation, cold start or cost.",
        routes, null));
  }

  // PC104
  private void cachedMethodPolicy(Gateway g, Authorizer.Lambda fn, List<Finding> out) {
    if (fn.ttlSeconds() == 0 || fn.identitySources().isEmpty() || fn.simpleResponses() || cachesPerMethod(g.flavor(), fn.identitySources())) {
      return;
    }
    if (!(fn.function() instanceof LambdaFunction.Rules rules)) {
      return;
    }
    List<LambdaFunction.Rule> methodScoped = rules.rules().stream()
        .filter(r -> r.effect() == LambdaFunction.Rule.Effect.ALLOW && r.resourceScope() == LambdaFunction.Rule.ResourceScope.METHOD).toList();
    List<RouteRef> routes = routesOf(g, fn.name());
    if (methodScoped.isEmpty() || routes.size() < 2) {
      return;
    }
    List<String> evidence = new ArrayList<>();
    evidence.add("authoriser '" + fn.name() + "': ttlSeconds " + fn.ttlSeconds() + ", cache key " + fn.identitySources());
    methodScoped.forEach(r -> evidence.add("rule for principal '" + r.principalId() + "' returns a policy for the invoked method only"
        + (r.description() == null ? "" : " (" + r.description() + ")")));
    evidence.add("routes sharing the cached result: " + routes);
    out.add(new Finding(Rule.CACHED_METHOD_POLICY, null, Subject.authorizer(g.name(), fn.name()),
        "Authoriser '" + fn.name() + "' of '" + g.name() + "' caches a policy that names one method: after a call to one of "
            + routes.size() + " routes, the others are denied from the cache (403) for up to " + fn.ttlSeconds() + " s.",
        evidence,
        "Return a policy whose Resource covers the API (arn:aws:execute-api:REGION:ACCOUNT:" + g.apiId() + "/" + g.stage()
            + "/*) and decide per method inside the integration; or add " + perMethodKey(g.flavor()) + " to the "
            + "identity sources so each method has its own cache entry; TTL 0 also works but invokes the function on every request.",
        routes, null));
  }

  /** The identity sources that give each method its own cache entry, so a method's policy is never reused for another. */
  static List<String> perMethodKey(Flavor flavor) {
    return flavor == Flavor.HTTP ? List.of("$context.routeKey") : List.of("context.httpMethod", "context.resourcePath");
  }

  static boolean cachesPerMethod(Flavor flavor, List<String> identitySources) {
    return identitySources.containsAll(perMethodKey(flavor));
  }

  // PC105
  private void ttlZeroBusy(Gateway g, Authorizer.Lambda fn, List<Finding> out) {
    if (fn.ttlSeconds() != 0) {
      return;
    }
    for (RouteRef ref : routesOf(g, fn.name())) {
      RouteCost cost = costs.cost(ref);
      if (cost != null && cost.inputs().rps() >= BUSY_RPS) {
        out.add(new Finding(Rule.TTL_ZERO_BUSY, null, Subject.authorizer(g.name(), fn.name()),
            "Authoriser '" + fn.name() + "' has TTL 0, so " + ref + " at " + Fmt.num(cost.inputs().rps()) + " rps invokes it on every request.",
            List.of("authoriser '" + fn.name() + "': ttlSeconds 0", "route " + ref + ": " + Fmt.num(cost.inputs().rps()) + " rps, "
                + Fmt.count(cost.authoriserInvocationsPerMonth()) + " invocations a month costing " + Fmt.usd(cost.authoriserCostUsd())
                + ", p99 +" + cost.p99AddedMs() + " ms"),
            "Set a TTL (300 s is the default) with an identity source that identifies the caller; if it was set to 0 to avoid "
                + "the cached-policy trap, return an API-wide policy instead.",
            List.of(ref), null));
      }
    }
  }

  // PC106, PC107
  private void cacheKey(Gateway g, Authorizer.Lambda fn, List<Finding> out) {
    if (fn.eventType() != Authorizer.LambdaType.REQUEST) {
      return;
    }
    List<RouteRef> routes = routesOf(g, fn.name());
    if (fn.identitySources().isEmpty()) {
      out.add(new Finding(Rule.NO_IDENTITY_SOURCE, null, Subject.authorizer(g.name(), fn.name()),
          "REQUEST authoriser '" + fn.name() + "' of '" + g.name() + "' has no identity sources, so its results are never cached"
              + (fn.ttlSeconds() > 0 ? " although ttlSeconds is " + fn.ttlSeconds() : "") + ".",
          List.of("authoriser '" + fn.name() + "': identitySources []", "ttlSeconds " + fn.ttlSeconds(), "used by " + routes),
          "Name the header (or query parameter) that carries the caller's credential as identity source: it becomes the cache key, "
              + "and requests without it get 401 without invoking the function.",
          routes, null));
      return;
    }
    List<String> varying = fn.identitySources().stream().filter(FilterTable::variesPerRequest).toList();
    if (!varying.isEmpty() && fn.ttlSeconds() > 0) {
      out.add(new Finding(Rule.CACHE_KEY_PER_REQUEST, null, Subject.authorizer(g.name(), fn.name()),
          "REQUEST authoriser '" + fn.name() + "' of '" + g.name() + "' keys its cache on " + varying + ", which changes on every request, "
              + "so the " + fn.ttlSeconds() + " s cache never hits.",
          List.of("identity sources " + fn.identitySources(), varying + " differ per request", "used by " + routes),
          "Keep only the values that identify the caller (the credential header) in identitySources; read the others from the "
              + "event inside the function.",
          routes, null));
    }
  }

  // PC108
  private void cognitoWithoutScopes(Gateway g, Route r, List<Finding> out) {
    if (g.flavor() != Flavor.REST || r.authorization() != AuthorizationType.COGNITO_USER_POOLS || !r.scopes().isEmpty()) {
      return;
    }
    out.add(new Finding(Rule.COGNITO_WITHOUT_SCOPES, null, Subject.route(g.name(), r.key()),
        g.name() + " " + r.key() + " uses Cognito authoriser '" + r.authorizer() + "' without scopes, so any ID token of the pool passes.",
        List.of("route " + r.key() + ": authorization COGNITO_USER_POOLS, authorizer '" + r.authorizer() + "', scopes []"),
        "Add authorizationScopes to the method (e.g. a resource-server scope, or aws.cognito.signin.user.admin for tokens from "
            + "InitiateAuth) so only access tokens carrying the scope pass.",
        List.of(), null));
  }

  // PC109
  private void mixedAudiences(Gateway g, Authorizer.Jwt jwt, List<Finding> out) {
    Set<String> audiences = new LinkedHashSet<>(jwt.audiences());
    if (audiences.size() < 2) {
      return;
    }
    List<RouteRef> routes = routesOf(g, jwt.name());
    out.add(new Finding(Rule.JWT_MIXED_AUDIENCES, null, Subject.authorizer(g.name(), jwt.name()),
        "JWT authoriser '" + jwt.name() + "' of '" + g.name() + "' accepts " + audiences.size() + " audiences " + audiences
            + ": a token of any of those clients opens all its routes.",
        List.of("authoriser '" + jwt.name() + "': issuer " + jwt.issuer() + ", audience " + audiences, "used by " + routes),
        "Give each client its own authoriser (one audience each) on the routes it may call, or require per-client scopes on the routes.",
        routes, null));
  }

  // PC111
  private void apiKeyWithoutPlan(Gateway g, List<Finding> out) {
    if (g.flavor() != Flavor.REST || !g.usagePlans().isEmpty()) {
      return;
    }
    List<RouteRef> keyed = g.routes().stream().filter(Route::apiKeyRequired).map(r -> new RouteRef(g.name(), r.key())).toList();
    if (keyed.isEmpty()) {
      return;
    }
    out.add(new Finding(Rule.API_KEY_WITHOUT_PLAN, null, Subject.gateway(g.name()),
        "REST API '" + g.name() + "' requires an API key on " + keyed.size() + " route(s) but has no usage plan, so every key is refused (403).",
        List.of("routes with apiKeyRequired: " + keyed, "usagePlans: []"),
        "Create a usage plan for stage '" + g.stage() + "' (throttle and quota) and put the partners' keys in it.",
        keyed, null));
  }

  // PC112
  private void policyDeniesNothing(Gateway g, List<Finding> out) {
    PolicyDocument policy = g.resourcePolicy();
    if (g.flavor() != Flavor.REST || policy == null || policy.statements().isEmpty() || !deniesNothing(policy)) {
      return;
    }
    out.add(new Finding(Rule.POLICY_DENIES_NOTHING, null, Subject.gateway(g.name()),
        "The resource policy of '" + g.name() + "' allows any principal without a condition and denies nothing.",
        policy.statements().stream().map(s -> "statement " + (s.sid() == null ? "(no Sid)" : s.sid()) + ": Allow "
            + s.actions() + " for * on " + s.resources()).toList(),
        "Add what it is meant to enforce: a Deny with a condition (aws:SourceVpce, aws:SourceIp, aws:PrincipalArn), or remove the policy.",
        List.of(), null));
  }

  static boolean deniesNothing(PolicyDocument policy) {
    return policy.statements().stream().allMatch(s -> s.effect() == PolicyDocument.Effect.Allow && s.conditions().isEmpty()
        && s.notPrincipal() == null && s.principal() != null && s.principal().any() && s.notActions().isEmpty() && s.notResources().isEmpty());
  }

  // PC113
  private void flavourMismatch(Gateway g, List<Finding> out) {
    for (String feature : FlavourFeatures.misplaced(g)) {
      out.add(new Finding(Rule.FLAVOUR_MISMATCH, null, Subject.gateway(g.name()),
          (g.flavor() == Flavor.HTTP ? "HTTP API" : "REST API") + " '" + g.name() + "' configures " + feature + ".",
          List.of("gateway '" + g.name() + "' is " + g.flavor() + ": " + feature),
          FlavourFeatures.fix(g.flavor()), List.of(), null));
    }
  }

  // PC114
  private void authErrorWithoutCors(Gateway g, List<Finding> out) {
    List<RouteRef> guarded = g.routes().stream().filter(r -> r.authorization() != AuthorizationType.NONE)
        .map(r -> new RouteRef(g.name(), r.key())).toList();
    if (g.flavor() != Flavor.REST || g.cors() == null || guarded.isEmpty()) {
      return;
    }
    List<String> bare = new ArrayList<>();
    for (String type : List.of("UNAUTHORIZED", "ACCESS_DENIED")) {
      Gateway.GatewayResponse own = g.gatewayResponses().getOrDefault(type, g.gatewayResponses().get("DEFAULT_4XX"));
      boolean cors = own != null && own.responseParameters().keySet().stream()
          .anyMatch(k -> k.equalsIgnoreCase("gatewayresponse.header.Access-Control-Allow-Origin"));
      if (!cors) {
        bare.add(type);
      }
    }
    if (bare.isEmpty()) {
      return;
    }
    out.add(new Finding(Rule.AUTH_ERROR_WITHOUT_CORS, null, Subject.gateway(g.name()),
        "REST API '" + g.name() + "' sets CORS for browsers, but its " + String.join(" and ", bare)
            + " answers carry no Access-Control-Allow-Origin: a refused browser call shows a CORS error instead.",
        List.of("gateway '" + g.name() + "' CORS origins " + g.cors().allowOrigins(),
            "gateway responses customised: " + (g.gatewayResponses().isEmpty() ? "none" : g.gatewayResponses().keySet())),
        "Add gatewayresponse.header.Access-Control-Allow-Origin to the DEFAULT_4XX gateway response (or to "
            + String.join(" and ", bare) + ").",
        guarded, null));
  }
}
