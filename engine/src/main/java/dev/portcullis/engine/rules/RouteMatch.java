package dev.portcullis.engine.rules;

import dev.portcullis.engine.model.Route;
import java.util.Map;
import java.util.Objects;

/**
 * The route a request matched.
 *
 * @param resourcePath the request path below the stage, still percent-encoded as on the wire
 *     (e.g. {@code /partners/acme/transactions}); method ARNs and events use it
 * @param pathParameters decoded values by parameter name; {@code proxy} for {@code {proxy+}}
 */
public record RouteMatch(Route route, String resourcePath, Map<String, String> pathParameters) {
  public RouteMatch {
    Objects.requireNonNull(route, "route");
    pathParameters = Map.copyOf(pathParameters);
  }
}
