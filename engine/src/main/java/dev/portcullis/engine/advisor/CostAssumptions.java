package dev.portcullis.engine.advisor;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The cost model's inputs: defaults for every route, and the routes the user set apart. */
public record CostAssumptions(CostInputs defaults, Map<RouteRef, CostInputs> perRoute) {
  public static final CostAssumptions DEFAULTS = new CostAssumptions(CostInputs.DEFAULTS, Map.of());

  public CostAssumptions {
    Objects.requireNonNull(defaults, "defaults");
    perRoute = perRoute == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(perRoute));
  }

  public CostInputs inputsFor(RouteRef route) {
    return perRoute.getOrDefault(route, defaults);
  }

  /** These assumptions with one route's inputs replaced. */
  public CostAssumptions with(RouteRef route, CostInputs inputs) {
    Map<RouteRef, CostInputs> copy = new TreeMap<>(perRoute);
    copy.put(route, inputs);
    return new CostAssumptions(defaults, copy);
  }
}
