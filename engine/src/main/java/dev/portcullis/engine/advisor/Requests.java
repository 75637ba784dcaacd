package dev.portcullis.engine.advisor;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.RouteMatcher;
import java.util.Optional;

/** Which route a saved request goes to, found with the rule book's own route matcher. */
final class Requests {
  private Requests() {}

  static Optional<Route> route(Workspace ws, SavedRequest request) {
    Optional<Gateway> gateway = ws.gateway(request.gateway());
    if (gateway.isEmpty()) {
      return Optional.empty();
    }
    // Variables only fill path segments here; any value reaches the same route.
    String path = request.path().replaceAll("\\{\\{[^}]*}}", "v");
    return RouteMatcher.match(gateway.get(), request.method(), RouteMatcher.stagePrefix(gateway.get()) + path)
        .map(m -> m.route());
  }

  /** A request that is meant to get through (a 2xx, or no status expected), not a failure case. */
  static boolean expectsSuccess(SavedRequest request) {
    Integer status = request.expect() == null ? null : request.expect().status();
    return status == null || (status >= 200 && status < 300);
  }
}
