package dev.portcullis.app.cli;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import java.util.List;

/** Which gateway an ad hoc path is for, when the user did not say: the one gateway with a route for it. */
final class GatewayGuess {
  private GatewayGuess() {}

  static String forPath(Workspace ws, String method, String path) {
    List<String> candidates = ws.gateways().stream().filter(g -> g.routes().stream().anyMatch(r -> serves(r, method, path)))
        .map(Gateway::name).toList();
    if (candidates.size() == 1) {
      return candidates.getFirst();
    }
    if (ws.gateways().size() == 1) {
      return ws.gateways().getFirst().name();
    }
    throw new IllegalArgumentException(candidates.isEmpty()
        ? "no gateway of " + ws.name() + " has a route for " + method + " " + path + "; say which with --gateway NAME (or gateway:/path)"
        : "several gateways have a route for " + path + " (" + String.join(", ", candidates) + "); say which with --gateway NAME");
  }

  private static boolean serves(Route r, String method, String path) {
    if (r.method().equals("$default")) {
      return false;
    }
    boolean methodOk = r.method().equals("ANY") || r.method().equalsIgnoreCase(method);
    String regex = r.path().replaceAll("\\{[^/}]+\\+}", ".+").replaceAll("\\{[^/}]+}", "[^/]+");
    return methodOk && path.split("\\?")[0].matches(regex);
  }
}
