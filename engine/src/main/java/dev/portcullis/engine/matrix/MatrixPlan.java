package dev.portcullis.engine.matrix;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which request each cell sends, and in what order.
 *
 * <p>Some of the gateway's state is keyed by the caller's credential: the Lambda authoriser's
 * result cache (the demo's cached-policy trap needs initech's POST before its GET), usage-plan
 * quotas and token buckets. So each caller's cells form one queue that runs in order (its saved
 * requests in workspace order, each after the requests it {@code dependsOn}, then its derived cells in row order) and only different callers run
 * in parallel; that makes the matrix deterministic. Saved requests with {@code repeat} (a throttled
 * burst, an exhausted quota) or {@code clockSkewSeconds} are not matrix cells: they demonstrate a
 * failure of sending, not of a route's authorisation, and a burst would spend the usage-plan budget
 * the caller's other cells share. They are listed in {@link #excluded}.
 */
record MatrixPlan(List<String> rows, List<String> callers, List<List<CellPlan>> queues, List<String> excluded) {

  static MatrixPlan of(Workspace workspace, MatrixSpec spec) {
    if (workspace.callers().isEmpty()) {
      throw new IllegalArgumentException("workspace " + workspace.name() + " has no callers, so the matrix has no columns;"
          + " add a caller (who sends the requests) before running it");
    }
    if (workspace.gateways().stream().allMatch(g -> g.routes().isEmpty())) {
      throw new IllegalArgumentException("workspace " + workspace.name() + " has no routes, so the matrix has no rows;"
          + " import an API or add a route to a gateway before running it");
    }
    List<Caller> callers = callers(workspace, spec);
    Glob glob = spec.routeGlob() == null ? null : new Glob(spec.routeGlob());
    List<Map.Entry<Gateway, Route>> routes = new ArrayList<>();
    for (Gateway g : workspace.gateways()) {
      for (Route r : g.routes()) {
        String row = g.name() + " " + r.key();
        if (glob == null || glob.matches(row) || glob.matches(r.key()) || glob.matches(r.path())) {
          routes.add(Map.entry(g, r));
        }
      }
    }
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("no route matches '" + spec.routeGlob() + "'; rows look like 'payments POST /internal/refresh'"
          + " and the glob may match the row, the route key or the path (e.g. '/internal/*')");
    }
    List<String> excluded = new ArrayList<>();
    Map<String, SavedRequest> saved = savedCells(workspace, routes, excluded);
    List<List<CellPlan>> queues = new ArrayList<>();
    for (Caller c : callers) {
      queues.add(queue(workspace, routes, c, saved));
    }
    List<String> rows = routes.stream().map(e -> e.getKey().name() + " " + e.getValue().key()).toList();
    return new MatrixPlan(rows, callers.stream().map(Caller::name).toList(), queues, excluded);
  }

  int total() {
    return rows.size() * callers.size();
  }

  private static List<Caller> callers(Workspace workspace, MatrixSpec spec) {
    if (spec.callers().isEmpty()) {
      return workspace.callers();
    }
    List<Caller> chosen = new ArrayList<>();
    for (String name : spec.callers()) {
      chosen.add(workspace.caller(name).orElseThrow(() -> new IllegalArgumentException("caller '" + name
          + "' is not in workspace " + workspace.name() + "; its callers are "
          + String.join(", ", workspace.callers().stream().map(Caller::name).toList()))));
    }
    return chosen;
  }

  /** Key {@code row + "\u0000" + caller}: the first eligible saved request for that cell, in workspace order. */
  private static Map<String, SavedRequest> savedCells(Workspace workspace, List<Map.Entry<Gateway, Route>> routes,
      List<String> excluded) {
    Map<String, SavedRequest> cells = new LinkedHashMap<>();
    for (SavedRequest r : workspace.requests()) {
      Optional<Map.Entry<Gateway, Route>> route = RouteTemplates.routeOf(r, routes);
      if (route.isEmpty()) {
        continue; // an unknown route, or a route outside the glob: not a cell
      }
      String row = route.get().getKey().name() + " " + route.get().getValue().key();
      if (r.expect() != null && r.expect().repeat() != null) {
        excluded.add("'" + r.name() + "' (" + row + "): sent " + r.expect().repeat() + " times; a burst or quota is not a cell");
        continue;
      }
      if (r.clockSkewSeconds() != null) {
        excluded.add("'" + r.name() + "' (" + row + "): signs with a skewed clock; a signing failure is not a cell");
        continue;
      }
      workspace.effectiveCaller(r).ifPresent(caller -> cells.putIfAbsent(row + "\u0000" + caller, r));
    }
    return cells;
  }

  private static List<CellPlan> queue(Workspace workspace, List<Map.Entry<Gateway, Route>> routes, Caller caller,
      Map<String, SavedRequest> saved) {
    List<CellPlan> savedFirst = new ArrayList<>();
    List<CellPlan> derived = new ArrayList<>();
    for (Map.Entry<Gateway, Route> e : routes) {
      String row = e.getKey().name() + " " + e.getValue().key();
      SavedRequest r = saved.get(row + "\u0000" + caller.name());
      if (r != null) {
        savedFirst.add(new CellPlan(e.getKey(), e.getValue(), caller, r, true));
      } else {
        derived.add(new CellPlan(e.getKey(), e.getValue(), caller, RouteTemplates.synthetic(e.getKey(), e.getValue(), caller), false));
      }
    }
    // after what each depends on (the cached-policy trap after its POST), else in workspace order
    List<SavedRequest> order = dev.portcullis.engine.run.RequestOrder.sorted(workspace, workspace.requests());
    savedFirst.sort(java.util.Comparator.comparingInt(p -> order.indexOf(p.request())));
    savedFirst.addAll(derived);
    return List.copyOf(savedFirst);
  }
}
