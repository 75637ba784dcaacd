package dev.portcullis.app.bench;

import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the matrix benchmark's workspace: the demo's world with 500 generated routes (every kind of
 * authorisation, REST and HTTP) and 6 callers (one of each kind). Not a test: run it by hand, see
 * bench/README.md.
 */
public final class BenchWorkspace {
  private static final Set<String> CALLERS = Set.of("alice", "acme", "refresh-job", "reporting", "bank-backoffice", "anonymous");

  private BenchWorkspace() {}

  public static void main(String[] args) throws Exception {
    int routes = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    Workspace demo = DemoWorkspace.load();
    List<Gateway> gateways = new ArrayList<>();
    for (Gateway g : demo.gateways()) {
      int share = g.name().equals("payments") ? routes / 2 : routes / 4;
      gateways.add(withRoutes(g, generated(g, share)));
    }
    Workspace bench = new Workspace(demo.schemaVersion(), "bench-" + routes, "Generated for the matrix benchmark", demo.variables(),
        "anonymous", gateways, demo.callers().stream().filter(c -> CALLERS.contains(c.name())).toList(), demo.folders().stream()
            .map(f -> CALLERS.contains(f.caller()) ? f : new Workspace.Folder(f.name(), "anonymous", f.description())).toList(),
        requests(demo), environments(demo), demo.emulator());
    WorkspaceStore.create(Clock.systemUTC()).save(bench, Path.of(args.length > 0 ? args[0] : "bench/bench-500.json"));
  }

  /** The demo's environments with stand-ins only for the callers kept: a stand-in for a caller the workspace lacks is invalid. */
  private static List<Environment> environments(Workspace demo) {
    return demo.environments().stream().map(e -> new Environment(e.name(), e.variables(),
        e.callers().stream().filter(c -> CALLERS.contains(c.name())).toList())).toList();
  }

  private static List<SavedRequest> requests(Workspace demo) {
    return demo.requests().stream().filter(r -> demo.effectiveCaller(r).filter(CALLERS::contains).isPresent()).toList();
  }

  private static Gateway withRoutes(Gateway g, List<Route> extra) {
    List<Route> all = new ArrayList<>(g.routes());
    all.addAll(extra);
    return new Gateway(g.name(), g.flavor(), g.region(), g.accountId(), g.apiId(), g.stage(), g.baseUrl(), g.localPort(), g.apiKeySource(),
        all, g.authorizers(), g.usagePlans(), g.resourcePolicy());
  }

  /** Routes cycling through what the gateway's authorisers allow: NONE, AWS_IAM, its token authoriser, its Lambda + API key. */
  private static List<Route> generated(Gateway g, int count) {
    List<Route> routes = new ArrayList<>();
    String[] methods = {"GET", "POST", "PUT", "DELETE"};
    for (int i = 0; i < count; i++) {
      String method = methods[i % methods.length];
      String path = "/bench/r" + i + "/{id}";
      Route route = switch (i % 4) {
        case 0 -> new Route(method, path, Route.AuthorizationType.NONE, null, List.of(), false, null, null);
        case 1 -> new Route(method, path, Route.AuthorizationType.AWS_IAM, null, List.of(), false, null, null);
        case 2 -> tokenRoute(g, method, path);
        default -> g.authorizer("partner-gate").isPresent()
            ? new Route(method, path, Route.AuthorizationType.CUSTOM, "partner-gate", List.of(), true, null, null)
            : tokenRoute(g, method, path);
      };
      routes.add(route);
    }
    return routes;
  }

  private static Route tokenRoute(Gateway g, String method, String path) {
    return switch (g.name()) {
      case "payments" -> new Route(method, path, Route.AuthorizationType.COGNITO_USER_POOLS, "mobile-users", List.of(), false, null, null);
      case "b2b" -> new Route(method, path, Route.AuthorizationType.JWT, "bank", List.of(), false, null, null);
      default -> new Route(method, path, Route.AuthorizationType.JWT, "pool", List.of(), false, null, null);
    };
  }
}
