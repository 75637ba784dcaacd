package dev.portcullis.app.ui.advisor;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.LogModel;
import dev.portcullis.engine.advisor.Advice;
import dev.portcullis.engine.advisor.Advisor;
import dev.portcullis.engine.advisor.CostAssumptions;
import dev.portcullis.engine.advisor.CostInputs;
import dev.portcullis.engine.advisor.CostModel;
import dev.portcullis.engine.advisor.Finding;
import dev.portcullis.engine.advisor.Fmt;
import dev.portcullis.engine.advisor.MechanicalFix;
import dev.portcullis.engine.advisor.RouteCost;
import dev.portcullis.engine.advisor.RouteFilters;
import dev.portcullis.engine.advisor.RouteRef;
import dev.portcullis.engine.advisor.WhatIf;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The advisor view's state: findings (each linking to its route), the five filters per route, a
 * cost model whose inputs follow sliders for the chosen route, and a what-if that tries a TTL or a
 * flavour on a scratch copy. The workspace itself is never changed here.
 */
public final class AdvisorViewModel {
  private final BackgroundTasks tasks;
  private final LogModel log;
  private final ObservableValue<Workspace> workspace;
  private final Predicate<RouteRef> openRoute;
  private final Advisor advisor = Advisor.create();
  private CostAssumptions assumptions = CostAssumptions.DEFAULTS;
  private Advice advice;
  private boolean loadingInputs;

  // Properties
  private final ObservableList<Finding> findings = FXCollections.observableArrayList();
  private final ObservableList<RouteFilters> filters = FXCollections.observableArrayList();
  private final ObservableList<RouteCost> costs = FXCollections.observableArrayList();
  private final ObservableList<RouteRef> routes = FXCollections.observableArrayList();
  private final StringProperty summary = new SimpleStringProperty("Open a workspace to see the advice.");
  private final ObjectProperty<RouteRef> costRoute = new SimpleObjectProperty<>();
  private final DoubleProperty rps = new SimpleDoubleProperty(CostInputs.DEFAULTS.rps());
  private final DoubleProperty distinctTokens = new SimpleDoubleProperty(CostInputs.DEFAULTS.distinctTokensPerWindow());
  private final DoubleProperty lambdaMs = new SimpleDoubleProperty(CostInputs.DEFAULTS.lambdaDurationMs());
  private final DoubleProperty memoryMb = new SimpleDoubleProperty(CostInputs.DEFAULTS.lambdaMemoryMb());
  private final DoubleProperty coldShare = new SimpleDoubleProperty(CostInputs.DEFAULTS.coldStartShare());
  private final DoubleProperty coldMs = new SimpleDoubleProperty(CostInputs.DEFAULTS.coldStartMs());
  private final ObjectProperty<RouteCost> cost = new SimpleObjectProperty<>();
  private final StringProperty costText = new SimpleStringProperty("");
  private final ObservableList<String> lambdaAuthorizers = FXCollections.observableArrayList();
  private final ObjectProperty<String> whatIfAuthorizer = new SimpleObjectProperty<>();
  private final IntegerProperty whatIfTtl = new SimpleIntegerProperty(300);
  private final ObservableList<String> gateways = FXCollections.observableArrayList();
  private final ObjectProperty<String> whatIfGateway = new SimpleObjectProperty<>();
  private final ObjectProperty<Gateway.Flavor> whatIfFlavor = new SimpleObjectProperty<>();
  private final ObjectProperty<RouteRef> whatIfRoute = new SimpleObjectProperty<>();
  private final ObjectProperty<Route.AuthorizationType> whatIfAuthorization = new SimpleObjectProperty<>();
  private final ObservableList<String> routeAuthorizers = FXCollections.observableArrayList();
  private final ObjectProperty<String> whatIfRouteAuthorizer = new SimpleObjectProperty<>();
  private final ObjectProperty<WhatIf.Comparison> comparison = new SimpleObjectProperty<>();
  private final StringProperty whatIfText = new SimpleStringProperty("Pick a TTL for a Lambda authoriser, or a flavour for an API, and try it.");

  public AdvisorViewModel(BackgroundTasks tasks, LogModel log, ObservableValue<Workspace> workspace, Predicate<RouteRef> openRoute) {
    this.tasks = tasks;
    this.log = log;
    this.workspace = workspace;
    this.openRoute = openRoute;
    workspace.addListener((obs, old, ws) -> {
      assumptions = CostAssumptions.DEFAULTS;
      refresh();
    });
    costRoute.addListener((obs, old, route) -> loadInputs(route));
    whatIfRoute.addListener((obs, old, route) -> {
      Workspace ws = workspace.getValue();
      routeAuthorizers.setAll(ws == null || route == null ? List.of()
          : ws.gateway(route.gateway()).map(g -> g.authorizers().stream().map(Authorizer::name).toList()).orElse(List.of()));
    });
    for (DoubleProperty p : List.of(rps, distinctTokens, lambdaMs, memoryMb, coldShare, coldMs)) {
      p.addListener((obs, old, now) -> inputsChanged());
    }
  }

  public ObservableList<Finding> findings() { return findings; }
  public ObservableList<RouteFilters> filters() { return filters; }
  public ObservableList<RouteCost> costs() { return costs; }
  public ObservableList<RouteRef> routes() { return routes; }
  public ReadOnlyStringProperty summaryProperty() { return summary; }
  public ObjectProperty<RouteRef> costRouteProperty() { return costRoute; }
  public DoubleProperty rpsProperty() { return rps; }
  public DoubleProperty distinctTokensProperty() { return distinctTokens; }
  public DoubleProperty lambdaMsProperty() { return lambdaMs; }
  public DoubleProperty memoryMbProperty() { return memoryMb; }
  public DoubleProperty coldShareProperty() { return coldShare; }
  public DoubleProperty coldMsProperty() { return coldMs; }
  public ReadOnlyObjectProperty<RouteCost> costProperty() { return cost; }
  public ReadOnlyStringProperty costTextProperty() { return costText; }
  public ObservableList<String> lambdaAuthorizers() { return lambdaAuthorizers; }
  public ObjectProperty<String> whatIfAuthorizerProperty() { return whatIfAuthorizer; }
  public IntegerProperty whatIfTtlProperty() { return whatIfTtl; }
  public ObservableList<String> gateways() { return gateways; }
  public ObjectProperty<String> whatIfGatewayProperty() { return whatIfGateway; }
  public ObjectProperty<Gateway.Flavor> whatIfFlavorProperty() { return whatIfFlavor; }
  public ObjectProperty<RouteRef> whatIfRouteProperty() { return whatIfRoute; }
  public ObjectProperty<Route.AuthorizationType> whatIfAuthorizationProperty() { return whatIfAuthorization; }
  public ObservableList<String> routeAuthorizers() { return routeAuthorizers; }
  public ObjectProperty<String> whatIfRouteAuthorizerProperty() { return whatIfRouteAuthorizer; }
  public ReadOnlyObjectProperty<WhatIf.Comparison> comparisonProperty() { return comparison; }
  public ReadOnlyStringProperty whatIfTextProperty() { return whatIfText; }

  // Commands

  /** Advises the open workspace again under the current cost inputs. */
  public void refresh() {
    Workspace ws = workspace.getValue();
    if (ws == null) {
      return;
    }
    CostAssumptions using = assumptions;
    tasks.run(() -> advisor.advise(ws, using), this::show, e -> log.error("The advisor could not read this workspace", e));
  }

  /**
   * A finding's link: its route (the first it affects, else its subject's) opens where it can be sent.
   *
   * @return whether a saved request for the route was opened
   */
  public boolean open(Finding finding) {
    return route(finding).map(openRoute::test).orElse(false);
  }

  /** The route a finding links to, if it concerns one. */
  public static Optional<RouteRef> route(Finding finding) {
    if (!finding.affected().isEmpty()) {
      return Optional.of(finding.affected().get(0));
    }
    return finding.subject().routeKey() == null ? Optional.empty()
        : Optional.of(new RouteRef(finding.subject().gateway(), finding.subject().routeKey()));
  }

  /** Whether a finding's fix is a configuration change the advisor can try on a copy. */
  public boolean hasMechanicalFix(Finding finding) {
    Workspace ws = workspace.getValue();
    return ws != null && MechanicalFix.of(finding, ws).isPresent();
  }

  /** Tries a finding's mechanical fix on a scratch copy; the result shows in the what-if. */
  public void tryFix(Finding finding) {
    Workspace ws = workspace.getValue();
    Optional<List<WhatIf.Change>> fix = ws == null ? Optional.empty() : MechanicalFix.of(finding, ws);
    if (fix.isEmpty()) {
      whatIfText.set(finding.rule().id() + " needs a decision, not a configuration change: " + finding.fix());
      return;
    }
    compare(ws, fix.get());
  }

  /** Tries the chosen TTL and flavour on a scratch copy and compares it with today. */
  public void tryWhatIf() {
    Workspace ws = workspace.getValue();
    List<WhatIf.Change> changes = changes();
    if (ws == null || changes.isEmpty()) {
      whatIfText.set("Pick a Lambda authoriser's TTL, an API's flavour or a route's authoriser first.");
      return;
    }
    compare(ws, changes);
  }

  private void compare(Workspace ws, List<WhatIf.Change> changes) {
    CostAssumptions using = assumptions;
    tasks.run(() -> WhatIf.compare(advisor, ws, using, changes), c -> {
      comparison.set(c);
      whatIfText.set(describe(c));
    }, e -> whatIfText.set(e.getMessage()));
  }

  private List<WhatIf.Change> changes() {
    List<WhatIf.Change> changes = new ArrayList<>();
    String authorizer = whatIfAuthorizer.get();
    if (authorizer != null && authorizer.contains("/")) {
      changes.add(new WhatIf.SetTtl(authorizer.substring(0, authorizer.indexOf('/')), authorizer.substring(authorizer.indexOf('/') + 1),
          whatIfTtl.get()));
    }
    if (whatIfGateway.get() != null && whatIfFlavor.get() != null) {
      changes.add(new WhatIf.SetFlavor(whatIfGateway.get(), whatIfFlavor.get()));
    }
    if (whatIfRoute.get() != null && whatIfAuthorization.get() != null) {
      boolean named = List.of(Route.AuthorizationType.COGNITO_USER_POOLS, Route.AuthorizationType.JWT, Route.AuthorizationType.CUSTOM)
          .contains(whatIfAuthorization.get());
      RouteRef r = whatIfRoute.get();
      List<String> scopes = workspace.getValue().gateway(r.gateway()).flatMap(g -> g.routes().stream().filter(x -> x.key().equals(r.routeKey()))
          .findFirst()).map(Route::scopes).orElse(List.of());
      changes.add(new WhatIf.SetAuthorization(r.gateway(), r.routeKey(), whatIfAuthorization.get(), named ? whatIfRouteAuthorizer.get() : null,
          named ? scopes : List.of()));
    }
    return changes;
  }

  static String describe(WhatIf.Comparison c) {
    StringBuilder s = new StringBuilder("What if ").append(c.changes().stream().map(WhatIf.Change::describe).collect(Collectors.joining("; ")))
        .append("?\n");
    s.append("Today: ").append(c.today().summary()).append(", ").append(Fmt.usd(c.today().monthlyUsd())).append(" a month.\n");
    s.append("Then:  ").append(c.then().summary()).append(", ").append(Fmt.usd(c.then().monthlyUsd())).append(" a month (")
        .append(c.monthlyDeltaUsd() >= 0 ? "+" : "-").append(Fmt.usd(Math.abs(c.monthlyDeltaUsd()))).append(").\n");
    c.resolved().forEach(f -> s.append("Resolved: ").append(f.rule().id()).append(' ').append(f.rule().slug()).append(" — ")
        .append(f.subject().describe()).append('\n'));
    c.added().forEach(f -> s.append("Added: ").append(f.severity()).append(' ').append(f.rule().id()).append(' ').append(f.rule().slug())
        .append(" — ").append(f.message()).append('\n'));
    for (RouteCost then : c.then().costs()) {
      c.today().cost(then.route()).filter(now -> now.authoriserInvocationsPerMonth() != then.authoriserInvocationsPerMonth())
          .ifPresent(now -> s.append(then.route()).append(": ").append(Fmt.count(now.authoriserInvocationsPerMonth())).append(" → ")
              .append(Fmt.count(then.authoriserInvocationsPerMonth())).append(" authoriser calls a month, p99 +").append(now.p99AddedMs())
              .append(" → +").append(then.p99AddedMs()).append(" ms\n"));
    }
    return s.toString().strip();
  }

  private void show(Advice a) {
    advice = a;
    findings.setAll(a.findings());
    filters.setAll(a.routes());
    costs.setAll(a.costs());
    summary.set(a.summary() + " · " + a.routes().size() + " routes · " + Fmt.usd(a.monthlyUsd()) + " a month at the assumed traffic · prices of "
        + a.prices().asOf());
    List<RouteRef> refs = a.routes().stream().map(RouteFilters::route).toList();
    if (!routes.equals(refs)) {
      routes.setAll(refs);
    }
    Workspace ws = workspace.getValue();
    lambdaAuthorizers.setAll(ws.gateways().stream().flatMap(g -> g.authorizers().stream().filter(x -> x instanceof Authorizer.Lambda)
        .map(x -> g.name() + "/" + x.name())).toList());
    gateways.setAll(ws.gateways().stream().map(Gateway::name).toList());
    if (costRoute.get() == null || !refs.contains(costRoute.get())) {
      costRoute.set(refs.stream().filter(r -> a.filters(r).map(f -> f.hotPath().invokesLambda()).orElse(false)).findFirst()
          .orElse(refs.isEmpty() ? null : refs.get(0)));
    } else {
      loadInputs(costRoute.get());
    }
  }

  private void loadInputs(RouteRef route) {
    if (route == null) {
      return;
    }
    CostInputs in = assumptions.inputsFor(route);
    loadingInputs = true;
    rps.set(in.rps());
    distinctTokens.set(in.distinctTokensPerWindow());
    lambdaMs.set(in.lambdaDurationMs());
    memoryMb.set(in.lambdaMemoryMb());
    coldShare.set(in.coldStartShare());
    coldMs.set(in.coldStartMs());
    loadingInputs = false;
    recompute();
  }

  private void inputsChanged() {
    if (loadingInputs || costRoute.get() == null) {
      return;
    }
    try {
      CostInputs in = new CostInputs(rps.get(), Math.max(1, Math.round(distinctTokens.get())), (int) Math.round(lambdaMs.get()),
          (int) Math.round(memoryMb.get()), coldShare.get(), (int) Math.round(coldMs.get()));
      assumptions = assumptions.with(costRoute.get(), in);
      recompute();
    } catch (IllegalArgumentException e) {
      costText.set(e.getMessage());
    }
  }

  /** One route's cost is arithmetic, so a slider's move shows at once; findings follow on refresh. */
  private void recompute() {
    RouteRef route = costRoute.get();
    Optional<RouteFilters> f = advice == null || route == null ? Optional.empty() : advice.filters(route);
    if (f.isEmpty()) {
      return;
    }
    RouteCost c = CostModel.cost(f.get().flavor(), f.get().hotPath(), assumptions.inputsFor(route), advice.prices(), route);
    cost.set(c);
    int at = costs.stream().map(RouteCost::route).toList().indexOf(route);
    if (at >= 0) {
      costs.set(at, c);
    }
    costText.set(String.join("\n",
        route + " (" + f.get().mechanism() + ", " + f.get().hotPath().text() + ")",
        Fmt.count(c.requestsPerMonth()) + " requests a month: gateway " + Fmt.usd(c.gatewayCostUsd()),
        Fmt.count(c.authoriserInvocationsPerMonth()) + " authoriser invocations a month: " + Fmt.usd(c.authoriserCostUsd())
            + (c.requestsPerInvocation() > 0 ? " (one per " + Fmt.count(c.requestsPerInvocation()) + " requests)" : ""),
        "cache hit rate " + (c.authoriserInvocationsPerMonth() == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.2f%%", c.cacheHitRate() * 100))
            + " · p99 added " + c.p99AddedMs() + " ms"));
  }
}
