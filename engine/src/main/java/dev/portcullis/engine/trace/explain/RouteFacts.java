package dev.portcullis.engine.trace.explain;

import dev.portcullis.engine.model.Route;
import java.util.List;

/**
 * What the workbench knows about the route a request went to, from the imported configuration.
 * Several errors look the same on the wire (an HTTP API answers 403 Forbidden both for a missing
 * JWT scope and for a Lambda deny); these facts pick the right reading.
 *
 * @param authorization null when the route is unknown (not in the imported configuration)
 */
public record RouteFacts(Route.AuthorizationType authorization, boolean apiKeyRequired, List<String> scopes) {
  /** Nothing known about the route. */
  public static final RouteFacts UNKNOWN = new RouteFacts(null, false, List.of());

  public RouteFacts {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  public static RouteFacts of(Route route) {
    return new RouteFacts(route.authorization(), route.apiKeyRequired(), route.scopes());
  }

  boolean is(Route.AuthorizationType type) {
    return authorization == type;
  }
}
