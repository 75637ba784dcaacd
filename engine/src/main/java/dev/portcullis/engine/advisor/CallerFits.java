package dev.portcullis.engine.advisor;

import dev.portcullis.engine.advisor.CallerFit.Departure;
import dev.portcullis.engine.advisor.CallerFit.Kind;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The design's caller table as code: which mechanism fits which caller, and what a departure costs. */
final class CallerFits {
  private final Workspace ws;
  private final CostModel costs;

  CallerFits(Workspace ws, CostModel costs) {
    this.ws = ws;
    this.costs = costs;
  }

  List<CallerFit> all() {
    return ws.callers().stream().map(this::of).toList();
  }

  static Kind kind(Caller c) {
    return switch (c) {
      case Caller.CognitoUser u -> Kind.COGNITO_USER;
      case Caller.ApiKey k -> Kind.PARTNER;
      case Caller.Iam i -> Kind.INTERNAL_ROLE;
      case Caller.OidcClient o -> Kind.OIDC_CLIENT;
      case Caller.CustomToken t -> Kind.BEARER_TOKEN;
      case Caller.Anonymous a -> Kind.ANONYMOUS;
    };
  }

  static String fit(Kind kind, Flavor flavor) {
    boolean rest = flavor == Flavor.REST;
    return switch (kind) {
      case COGNITO_USER -> rest ? "Cognito user-pool authoriser (scopes and the access token, or no scopes and the ID token)"
          : "JWT authoriser on the pool's issuer, audience the app client id";
      case PARTNER -> rest ? "API key + usage plan, optionally a cached Lambda REQUEST authoriser for revocation and tenant context"
          : "no API keys on HTTP APIs: a cached Lambda REQUEST authoriser on the key header, or a REST API for the partner routes";
      case INTERNAL_ROLE -> "AWS_IAM, execute-api:Invoke on the method ARN";
      case OIDC_CLIENT, BEARER_TOKEN -> rest ? "a Lambda authoriser verifying the JWT, cached by token (a Lambda per distinct token per TTL)"
          : "JWT authoriser, issuer and audience pinned";
      case ANONYMOUS -> "NONE, on routes meant to be public only";
    };
  }

  private CallerFit of(Caller c) {
    Kind kind = kind(c);
    Set<RouteRef> routes = new LinkedHashSet<>();
    List<Departure> departures = new ArrayList<>();
    for (SavedRequest req : ws.requests()) {
      if (!Requests.expectsSuccess(req) || !ws.effectiveCaller(req).map(c.name()::equals).orElse(false)) {
        continue;
      }
      Optional<Gateway> g = ws.gateway(req.gateway());
      Optional<Route> r = Requests.route(ws, req);
      if (g.isEmpty() || r.isEmpty()) {
        continue;
      }
      RouteRef ref = new RouteRef(g.get().name(), r.get().key());
      if (routes.add(ref)) {
        departure(kind, g.get(), r.get(), ref).ifPresent(departures::add);
      }
    }
    return new CallerFit(c.name(), kind, fit(kind, Flavor.REST), fit(kind, Flavor.HTTP), List.copyOf(routes), departures);
  }

  private Optional<Departure> departure(Kind kind, Gateway g, Route r, RouteRef ref) {
    AuthorizationType a = r.authorization();
    boolean http = g.flavor() == Flavor.HTTP;
    String mechanism = a + (r.apiKeyRequired() ? " + API key" : "");
    String lambdaCost = lambdaCost(ref);
    String why = switch (kind) {
      case COGNITO_USER -> a == AuthorizationType.CUSTOM
          ? "a Lambda re-verifies a Cognito token the native " + (http ? "JWT" : "Cognito") + " authoriser verifies for free; " + lambdaCost
          : a == AuthorizationType.NONE ? "the user's token is not checked at all" : a == AuthorizationType.AWS_IAM
              ? "the app needs AWS credentials (an identity pool) for every call instead of its login token" : null;
      case PARTNER -> !http && !r.apiKeyRequired()
          ? "no usage plan applies: the partner's throttle and quota are bypassed and its key means nothing to the gateway"
          : a == AuthorizationType.AWS_IAM ? "the partner needs IAM credentials in your account" : null;
      case INTERNAL_ROLE -> a == AuthorizationType.AWS_IAM ? null
          : a == AuthorizationType.NONE ? "the role's signature is ignored: anyone reaches the route"
              : "the role must hold a bearer secret (which leaks, and lives long) where a SigV4 signature proves its credentials without sending them"
                  + (a == AuthorizationType.CUSTOM ? "; " + lambdaCost : "");
      case OIDC_CLIENT, BEARER_TOKEN -> a == AuthorizationType.CUSTOM && http
          ? "a Lambda verifies a JWT the native JWT authoriser verifies for free; " + lambdaCost
          : a == AuthorizationType.NONE ? "the token is not checked at all" : a == AuthorizationType.AWS_IAM
              ? "the external client needs IAM credentials in your account" : null;
      case ANONYMOUS -> a != AuthorizationType.NONE || r.apiKeyRequired()
          ? "a saved request expects an anonymous caller through a protected route" : null;
    };
    return Optional.ofNullable(why).map(w -> new Departure(ref, mechanism, w));
  }

  private String lambdaCost(RouteRef ref) {
    RouteCost cost = costs.cost(ref);
    if (cost == null) {
      return "";
    }
    return "at " + Fmt.num(cost.inputs().rps()) + " rps that is " + Fmt.count(cost.authoriserInvocationsPerMonth())
        + " invocations (" + Fmt.usd(cost.authoriserCostUsd()) + ") a month and p99 +" + cost.p99AddedMs() + " ms";
  }
}
