package dev.portcullis.engine.model;

import java.util.List;
import java.util.Locale;

/**
 * A method on a REST API resource, or an HTTP API route.
 *
 * @param method HTTP method, or {@code ANY}; for the HTTP API {@code $default} route, method and
 *     path are both {@code $default}
 * @param path resource path with {@code {param}} and {@code {proxy+}} segments
 * @param authorizer the authoriser's name, for COGNITO_USER_POOLS, JWT and CUSTOM
 * @param scopes authorisation scopes (Cognito: access token required when non-empty; JWT: any of)
 * @param throttle REST: a method-level throttle that overrides the usage plan's
 */
public record Route(
    String method,
    String path,
    AuthorizationType authorization,
    String authorizer,
    List<String> scopes,
    boolean apiKeyRequired,
    Integration integration,
    UsagePlan.Throttle throttle) {

  public Route {
    Names.require(method, "route method");
    Names.require(path, "route path");
    method = method.equals("$default") ? method : method.toUpperCase(Locale.ROOT);
    authorization = authorization == null ? AuthorizationType.NONE : authorization;
    scopes = Names.list(scopes);
    integration = integration == null ? new Integration.Echo(null) : integration;
  }

  /** A readable key, e.g. {@code GET /me}. */
  public String key() {
    return method.equals("$default") ? "$default" : method + " " + path;
  }

  public enum AuthorizationType { NONE, AWS_IAM, COGNITO_USER_POOLS, JWT, CUSTOM }
}
