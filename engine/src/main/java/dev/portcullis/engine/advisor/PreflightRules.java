package dev.portcullis.engine.advisor;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Route.AuthorizationType;
import java.util.List;

/** Rules about the CORS preflight a browser sends before a cross-origin call. */
final class PreflightRules {
  private PreflightRules() {}

  // PC115
  static void preflightNeedsCredentials(Gateway g, List<Finding> out) {
    if (g.flavor() == Flavor.HTTP && g.cors() != null) {
      return; // an HTTP API with CORS answers preflight itself, before routes (AWS docs http-api-cors.html)
    }
    List<Route> guarded = g.routes().stream()
        .filter(r -> r.method().equals("OPTIONS") && (r.authorization() != AuthorizationType.NONE || r.apiKeyRequired())).toList();
    if (guarded.isEmpty()) {
      return;
    }
    Route first = guarded.getFirst();
    String how = first.authorization() == AuthorizationType.NONE ? "an API key"
        : first.authorization() + (first.authorizer() == null ? "" : " by " + first.authorizer());
    out.add(new Finding(Rule.PREFLIGHT_NEEDS_CREDENTIALS, null, Subject.gateway(g.name()),
        g.name() + " " + first.key() + (guarded.size() > 1 ? " and " + (guarded.size() - 1) + " other OPTIONS method(s)" : "")
            + " require " + how + ": a browser's preflight carries no credentials, so it is refused and the real call never made.",
        guarded.stream().map(r -> "route " + r.key() + ": authorization " + r.authorization()
            + (r.authorizer() == null ? "" : " by " + r.authorizer()) + ", apiKeyRequired " + r.apiKeyRequired()).toList(),
        "Give the OPTIONS methods authorization NONE and no API key (SAM: Auth.AddDefaultAuthorizerToCorsPreflight: false and "
            + "AddApiKeyRequiredToCorsPreflight: false)" + (g.flavor() == Flavor.HTTP ? ", or set the API's CORS configuration, "
            + "which API Gateway answers before any route" : "") + ".",
        guarded.stream().map(r -> new RouteRef(g.name(), r.key())).toList(), null));
  }
}
