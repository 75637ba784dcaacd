package dev.portcullis.engine.advisor;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the advisor says about one workspace: the five filters per route, the fit per caller,
 * the findings (worst first), and the cost of each route under the given assumptions and prices.
 */
public record Advice(
    String workspace,
    List<RouteFilters> routes,
    List<CallerFit> callers,
    List<Finding> findings,
    List<RouteCost> costs,
    CostAssumptions assumptions,
    PriceTable prices) {

  public Advice {
    Objects.requireNonNull(workspace, "workspace");
    routes = List.copyOf(routes);
    callers = List.copyOf(callers);
    findings = findings.stream()
        .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(f -> f.rule().id()).thenComparing(Finding::fingerprint))
        .toList();
    costs = List.copyOf(costs);
  }

  /** Whether a CI run should fail: a finding of severity high or more. */
  public boolean failsBuild() {
    return findings.stream().anyMatch(f -> f.severity().failsBuild());
  }

  public Optional<RouteCost> cost(RouteRef route) {
    return costs.stream().filter(c -> c.route().equals(route)).findFirst();
  }

  public Optional<RouteFilters> filters(RouteRef route) {
    return routes.stream().filter(f -> f.route().equals(route)).findFirst();
  }

  public double monthlyUsd() {
    return costs.stream().mapToDouble(RouteCost::totalUsd).sum();
  }

  /** "1 high, 2 medium" or "no findings". */
  public String summary() {
    if (findings.isEmpty()) {
      return "no findings";
    }
    StringBuilder s = new StringBuilder();
    for (Severity sev : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
      long n = findings.stream().filter(f -> f.severity() == sev).count();
      if (n > 0) {
        s.append(s.isEmpty() ? "" : ", ").append(n).append(' ').append(sev.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return s + (findings.size() == 1 ? " finding" : " findings");
  }
}
