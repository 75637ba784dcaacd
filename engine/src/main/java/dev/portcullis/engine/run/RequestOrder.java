package dev.portcullis.engine.run;

import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order saved requests must run in when some need the state others leave behind
 * ({@link SavedRequest#dependsOn()}): each request after everything it depends on, otherwise in
 * workspace order.
 */
public final class RequestOrder {
  private RequestOrder() {}

  /**
   * What to send before {@code request}, deepest first, each once; not the request itself.
   *
   * @throws IllegalArgumentException naming the request when a dependency is unknown or the dependencies form a cycle
   */
  public static List<SavedRequest> before(Workspace workspace, SavedRequest request) {
    Set<String> done = new LinkedHashSet<>();
    List<SavedRequest> out = new ArrayList<>();
    visit(workspace, request, new ArrayList<>(), done, out);
    out.removeLast();
    return List.copyOf(out);
  }

  /** Every request of {@code requests} after its dependencies, otherwise in the given order (a stable topological order). */
  public static List<SavedRequest> sorted(Workspace workspace, List<SavedRequest> requests) {
    Set<String> done = new LinkedHashSet<>();
    List<SavedRequest> out = new ArrayList<>();
    for (SavedRequest r : requests) {
      visit(workspace, r, new ArrayList<>(), done, out);
    }
    return out.stream().filter(requests::contains).toList();
  }

  private static void visit(Workspace ws, SavedRequest r, List<String> path, Set<String> done, List<SavedRequest> out) {
    if (done.contains(r.name())) {
      return;
    }
    if (path.contains(r.name())) {
      path.add(r.name());
      throw new IllegalArgumentException("saved requests depend on each other in a circle: " + String.join(" -> ", path)
          + "; remove one of these dependsOn entries");
    }
    path.add(r.name());
    for (String name : r.dependsOn()) {
      SavedRequest dependency = ws.request(name).orElseThrow(() -> new IllegalArgumentException("request '" + r.name()
          + "' depends on '" + name + "', which is not a saved request of " + ws.name()));
      visit(ws, dependency, path, done, out);
    }
    path.removeLast();
    done.add(r.name());
    out.add(r);
  }
}
