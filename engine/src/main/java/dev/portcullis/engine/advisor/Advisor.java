package dev.portcullis.engine.advisor;

import dev.portcullis.engine.model.Workspace;
import java.util.List;
import java.util.Objects;

/**
 * The advisor: a pure function of a workspace, the cost assumptions and a price table. It makes
 * no network call and runs no program, so it can run in CI on an imported template.
 */
public final class Advisor {
  private final PriceTable prices;
  private final SourceLocator locator;

  private Advisor(PriceTable prices, SourceLocator locator) {
    this.prices = Objects.requireNonNull(prices, "prices");
    this.locator = Objects.requireNonNull(locator, "locator");
  }

  /** An advisor on the built-in prices whose findings carry no source lines. */
  public static Advisor create() {
    return new Advisor(PriceTable.builtIn(), SourceLocator.NONE);
  }

  public static Advisor create(PriceTable prices, SourceLocator locator) {
    return new Advisor(prices, locator);
  }

  public PriceTable prices() {
    return prices;
  }

  /** The saved requests that go to {@code route}, by name: where a link to the route leads. */
  public static List<String> requestsFor(Workspace ws, RouteRef route) {
    return ws.requests().stream().filter(r -> r.gateway().equals(route.gateway())
        && Requests.route(ws, r).map(found -> found.key().equals(route.routeKey())).orElse(false)).map(r -> r.name()).toList();
  }

  public Advice advise(Workspace ws) {
    return advise(ws, CostAssumptions.DEFAULTS);
  }

  public Advice advise(Workspace ws, CostAssumptions assumptions) {
    List<RouteFilters> routes = new FilterTable(ws).all();
    CostModel costs = new CostModel(routes, assumptions, prices);
    List<Finding> findings = new FindingRules(ws, costs).all().stream()
        .map(f -> locator.locate(f.subject()).map(f::at).orElse(f)).toList();
    return new Advice(ws.name(), routes, new CallerFits(ws, costs).all(), findings, costs.all(), assumptions, prices);
  }
}
