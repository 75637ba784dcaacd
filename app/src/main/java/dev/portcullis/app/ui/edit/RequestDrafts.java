package dev.portcullis.app.ui.edit;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * New requests: a blank one, or one on a route, sent as a caller that fits the route's authoriser
 * (a signed-in Cognito user for a Cognito authoriser, an IAM role for AWS_IAM, a partner key where
 * an API key is required), so the first Send shows the route working rather than a missing token.
 */
public final class RequestDrafts {
  private static final Pattern PARAM = Pattern.compile("\\{([^}/+]+)\\+?}");

  private RequestDrafts() {}

  /** "New request": GET / on the first API, in {@code folder} (may be null), inheriting its caller. */
  public static SavedRequest blank(Workspace ws, String folder) {
    String gateway = ws.gateways().isEmpty() ? "api" : ws.gateways().getFirst().name();
    return new SavedRequest(WorkspaceEdits.uniqueName(ws, "New request"), folder, null, gateway, "GET", "/", Map.of(), Map.of(),
        null, null, Map.of(), null, null);
  }

  /**
   * A request on {@code routeKey} of {@code gatewayName}, named after the route; path parameters get
   * the workspace's variable of the same name when it has one, else a sample value to edit.
   *
   * @throws IllegalArgumentException when the workspace has no such API or route
   */
  public static SavedRequest fromRoute(Workspace ws, String gatewayName, String routeKey) {
    Gateway gateway = ws.gateway(gatewayName).orElseThrow(() -> new IllegalArgumentException("there is no API named '" + gatewayName + "'"));
    Route route = gateway.routes().stream().filter(r -> r.key().equals(routeKey)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("API " + gatewayName + " has no route " + routeKey));
    String method = route.method().equals("ANY") || route.method().equals("$default") ? "GET" : route.method();
    String path = route.path().equals("$default") ? "/" : samplePath(ws, route.path());
    Map<String, String> headers = List.of("POST", "PUT", "PATCH").contains(method) ? Map.of("content-type", "application/json") : Map.of();
    String body = headers.isEmpty() ? null : "{}";
    return new SavedRequest(WorkspaceEdits.uniqueName(ws, routeKey), null, null, gatewayName, method, path, Map.of(), headers, body,
        fittingCaller(ws, gateway, route).orElse(null), Map.of(), null, null);
  }

  /**
   * The caller to try a route as: the caller of a saved request on that route that expects to be let
   * through, else the first caller whose kind the route's authoriser takes.
   */
  public static Optional<String> fittingCaller(Workspace ws, Gateway gateway, Route route) {
    Optional<String> proven = ws.requests().stream()
        .filter(r -> r.gateway().equals(gateway.name()) && r.method().equals(route.method()) && matches(route.path(), r.path()))
        .filter(r -> r.expect() != null && r.expect().status() != null && r.expect().status() < 400)
        .map(r -> ws.effectiveCaller(r).orElse(null)).filter(c -> c != null && ws.caller(c).isPresent()).findFirst();
    if (proven.isPresent()) {
      return proven;
    }
    return ws.callers().stream().filter(c -> fits(c, gateway, route)).map(Caller::name).findFirst();
  }

  private static boolean fits(Caller caller, Gateway gateway, Route route) {
    if (route.apiKeyRequired() && route.authorization() == Route.AuthorizationType.NONE) {
      return caller instanceof Caller.ApiKey;
    }
    return switch (route.authorization()) {
      case NONE -> caller instanceof Caller.Anonymous;
      case AWS_IAM -> caller instanceof Caller.Iam;
      case COGNITO_USER_POOLS -> caller instanceof Caller.CognitoUser u && inPool(gateway, route, u)
          && (route.scopes().isEmpty() || u.token() == Caller.TokenUse.ACCESS);
      case JWT -> switch (caller) {
        case Caller.OidcClient o -> gateway.authorizer(route.authorizer()).map(a -> a instanceof Authorizer.Jwt j
            && (j.audiences().isEmpty() || j.audiences().contains(o.audience()) || j.audiences().contains(o.clientId()))).orElse(true);
        case Caller.CognitoUser u -> true;
        case Caller.CustomToken t -> true;
        default -> false;
      };
      case CUSTOM -> route.apiKeyRequired() ? caller instanceof Caller.ApiKey : caller instanceof Caller.CustomToken || caller instanceof Caller.ApiKey;
    };
  }

  private static boolean inPool(Gateway gateway, Route route, Caller.CognitoUser user) {
    return gateway.authorizer(route.authorizer()).map(a -> !(a instanceof Authorizer.Cognito c)
        || c.userPools().stream().anyMatch(p -> p.equals(user.userPoolId()) || p.endsWith("/" + user.userPoolId()))).orElse(true);
  }

  /** Whether a saved request's path (with values or {{variables}}) is on a route path with {params}. */
  static boolean matches(String routePath, String requestPath) {
    String regex = PARAM.matcher(Pattern.quote(routePath)).replaceAll(m -> m.group().endsWith("+}") ? "\\\\E.+\\\\Q" : "\\\\E[^/]+\\\\Q");
    return requestPath.matches(regex);
  }

  private static String samplePath(Workspace ws, String path) {
    Matcher m = PARAM.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      m.appendReplacement(out, Matcher.quoteReplacement(ws.variables().containsKey(name) ? "{{" + name + "}}" : "1"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
