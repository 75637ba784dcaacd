package dev.portcullis.app.ui.advisor;

import dev.portcullis.engine.advisor.Finding;
import dev.portcullis.engine.advisor.RouteFilters;
import dev.portcullis.engine.advisor.RouteRef;
import dev.portcullis.engine.model.Gateway;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The advisor: findings with links to their routes, the five filters as a table, the cost model with sliders, what-if. */
public final class AdvisorView {
  private final AdvisorViewModel model;
  private final Runnable onRouteOpened;
  private final VBox root = new VBox(8);
  private Runnable selectWhatIf = () -> { };

  /** @param onRouteOpened shows the request editor once a finding's link opened its route's saved request */
  public AdvisorView(AdvisorViewModel model, Runnable onRouteOpened) {
    this.model = model;
    this.onRouteOpened = onRouteOpened;
    build();
  }

  public Parent root() {
    return root;
  }

  private void build() {
    root.setId("advisorView");
    root.setPadding(new Insets(10));
    Button refresh = new Button("Advise", new FontIcon("mdi2r-refresh"));
    refresh.setId("advisorRefresh");
    refresh.setOnAction(e -> model.refresh());
    refresh.setMinWidth(Button.USE_PREF_SIZE);
    Label summary = new Label();
    summary.setWrapText(true);
    summary.setId("advisorSummary");
    summary.textProperty().bind(model.summaryProperty());
    HBox bar = new HBox(10, refresh, summary);
    bar.setAlignment(Pos.CENTER_LEFT);
    TabPane sections = new TabPane(tab("advisorTabFindings", "Findings", findings()), tab("advisorTabFilters", "Five filters", filters()),
        tab("advisorTabCost", "Cost model", cost()), tab("advisorTabWhatIf", "What if", whatIf()));
    sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    selectWhatIf = () -> sections.getSelectionModel().select(sections.getTabs().get(3));
    VBox.setVgrow(sections, Priority.ALWAYS);
    root.getChildren().setAll(bar, sections);
  }

  private static Tab tab(String id, String title, Node content) {
    Tab tab = new Tab(title, content);
    tab.setId(id);
    return tab;
  }

  /**
   * The findings as cards in a scrolled column. A ListView of wrapping cells clipped its first card by
   * a few pixels (its first layout measured the cells before the list had a width); findings are
   * tens, not thousands, so they need no virtual flow.
   */
  private Node findings() {
    VBox cards = new VBox();
    cards.setId("advisorFindings");
    cards.getStyleClass().add("advisor-findings");
    Label none = new Label("No findings: every route's configuration passes the advisor's rules.");
    none.setPadding(new Insets(10));
    Runnable fill = () -> cards.getChildren().setAll(model.findings().isEmpty() ? java.util.List.of(none)
        : model.findings().stream().map(this::card).toList());
    model.findings().addListener((javafx.collections.ListChangeListener<Finding>) change -> fill.run());
    fill.run();
    ScrollPane scroll = new ScrollPane(cards);
    scroll.setId("advisorFindingsScroll");
    scroll.setFitToWidth(true);
    return scroll;
  }

  private Node card(Finding f) {
    Label head = wrap(f.severity() + " · " + f.rule().id() + " " + f.rule().slug() + " · " + f.subject().describe());
    head.getStyleClass().add("text-bold");
    VBox box = new VBox(4, head, wrap(f.message()));
    f.evidence().forEach(e -> box.getChildren().add(muted("· " + e)));
    box.getChildren().add(wrap("Fix: " + f.fix()));
    AdvisorViewModel.route(f).ifPresent(route -> {
      Hyperlink link = new Hyperlink("Open " + route);
      link.getStyleClass().add("advisor-route-link");
      link.setOnAction(e -> {
        if (model.open(f)) {
          onRouteOpened.run();
        }
      });
      box.getChildren().add(link);
    });
    if (model.hasMechanicalFix(f)) {
      Button tryFix = new Button("Try the fix on a copy");
      tryFix.getStyleClass().add("advisor-try-fix");
      tryFix.setOnAction(e -> {
        model.tryFix(f);
        selectWhatIf.run();
      });
      box.getChildren().add(tryFix);
    }
    box.getStyleClass().add("advisor-finding");
    box.setPadding(new Insets(8, 10, 10, 10));
    box.setMinWidth(0);
    return box;
  }

  private Node filters() {
    TableView<RouteFilters> table = new TableView<>(model.filters());
    table.setId("advisorFilters");
    table.getColumns().setAll(java.util.List.of(
        column("Route", f -> f.route() + " [" + f.flavor() + "]"),
        column("Mechanism", RouteFilters::mechanism),
        column("Identity source", f -> f.identitySource().label() + ": " + f.identityDetail()),
        column("Hot-path cost", f -> f.hotPath().text()),
        column("Coupling", f -> f.coupling().label() + " (" + f.couplingDetail() + ")"),
        column("Reaches integration", f -> f.propagates().text()),
        column("Availability", f -> (f.mechanismAvailable() ? "on " : "NOT on ") + f.flavor()),
        column("Blast radius", f -> f.blastRadius().kind().name().toLowerCase(Locale.ROOT) + ", " + f.blastRadius().lifetime()),
        column("Down when", f -> f.outage().isEmpty() ? "API Gateway only" : String.join("; ", f.outage()))));
    return table;
  }

  private static TableColumn<RouteFilters, String> column(String title, Function<RouteFilters, String> value) {
    TableColumn<RouteFilters, String> c = new TableColumn<>(title);
    c.setCellValueFactory(row -> new SimpleStringProperty(value.apply(row.getValue())));
    c.setPrefWidth(180);
    return c;
  }

  private Node cost() {
    ComboBox<RouteRef> route = new ComboBox<>(model.routes());
    route.setId("advisorCostRoute");
    route.valueProperty().bindBidirectional(model.costRouteProperty());
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(6);
    grid.addRow(0, new Label("Route"), route);
    slider(grid, 1, "advisorRps", "Requests per second", model.rpsProperty(), 0, 1000);
    slider(grid, 2, "advisorTokens", "Distinct tokens per TTL window", model.distinctTokensProperty(), 1, 10_000);
    slider(grid, 3, "advisorLambdaMs", "Lambda duration (ms)", model.lambdaMsProperty(), 1, 2000);
    slider(grid, 4, "advisorMemory", "Lambda memory (MB)", model.memoryMbProperty(), 128, 3008);
    slider(grid, 5, "advisorColdShare", "Cold-start share", model.coldShareProperty(), 0, 1);
    slider(grid, 6, "advisorColdMs", "Cold-start time (ms)", model.coldMsProperty(), 0, 5000);
    Label out = new Label();
    out.setId("advisorCostText");
    out.setWrapText(true);
    out.textProperty().bind(model.costTextProperty());
    out.getStyleClass().add("mono");
    VBox box = new VBox(10, grid, out);
    box.setPadding(new Insets(10));
    return box;
  }

  private static void slider(GridPane grid, int row, String id, String label, DoubleProperty value, double min, double max) {
    Slider slider = new Slider(min, max, value.get());
    slider.setId(id);
    slider.setPrefWidth(320);
    slider.valueProperty().bindBidirectional(value);
    Label shown = new Label();
    shown.textProperty().bind(value.asString(max <= 1 ? "%.2f" : "%.0f"));
    grid.addRow(row, new Label(label), slider, shown);
  }

  private Node whatIf() {
    ComboBox<String> authorizer = new ComboBox<>(model.lambdaAuthorizers());
    authorizer.setId("advisorWhatIfAuthorizer");
    authorizer.setPromptText("Lambda authoriser");
    authorizer.valueProperty().bindBidirectional(model.whatIfAuthorizerProperty());
    Spinner<Integer> ttl = new Spinner<>(0, 3600, model.whatIfTtlProperty().get(), 60);
    ttl.setId("advisorWhatIfTtl");
    ttl.setEditable(true);
    ttl.valueProperty().addListener((obs, old, now) -> model.whatIfTtlProperty().set(now));
    ComboBox<String> gateway = new ComboBox<>(model.gateways());
    gateway.setId("advisorWhatIfGateway");
    gateway.setPromptText("API");
    gateway.valueProperty().bindBidirectional(model.whatIfGatewayProperty());
    ComboBox<Gateway.Flavor> flavor = new ComboBox<>();
    flavor.getItems().setAll(Gateway.Flavor.values());
    flavor.setId("advisorWhatIfFlavor");
    flavor.setPromptText("flavour");
    flavor.valueProperty().bindBidirectional(model.whatIfFlavorProperty());
    ComboBox<RouteRef> route = new ComboBox<>(model.routes());
    route.setId("advisorWhatIfRoute");
    route.setPromptText("route");
    route.valueProperty().bindBidirectional(model.whatIfRouteProperty());
    ComboBox<dev.portcullis.engine.model.Route.AuthorizationType> type = new ComboBox<>();
    type.getItems().setAll(dev.portcullis.engine.model.Route.AuthorizationType.values());
    type.setId("advisorWhatIfAuthorization");
    type.setPromptText("authorization");
    type.valueProperty().bindBidirectional(model.whatIfAuthorizationProperty());
    ComboBox<String> routeAuthorizer = new ComboBox<>(model.routeAuthorizers());
    routeAuthorizer.setId("advisorWhatIfRouteAuthorizer");
    routeAuthorizer.setPromptText("authoriser");
    routeAuthorizer.valueProperty().bindBidirectional(model.whatIfRouteAuthorizerProperty());
    HBox routeRow = new HBox(8, new Label("Give"), route, type, routeAuthorizer);
    routeRow.setAlignment(Pos.CENTER_LEFT);
    Button go = new Button("Try on a copy", new FontIcon("mdi2f-flask-outline"));
    go.setId("advisorWhatIfTry");
    go.setOnAction(e -> model.tryWhatIf());
    TextArea result = new TextArea();
    result.setId("advisorWhatIfResult");
    result.setEditable(false);
    result.setWrapText(true);
    result.textProperty().bind(model.whatIfTextProperty());
    VBox.setVgrow(result, Priority.ALWAYS);
    HBox ttlRow = new HBox(8, new Label("TTL of"), authorizer, ttl, new Label("s"));
    HBox flavorRow = new HBox(8, new Label("Move"), gateway, new Label("to"), flavor);
    ttlRow.setAlignment(Pos.CENTER_LEFT);
    flavorRow.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(10, ttlRow, flavorRow, routeRow, go, result);
    box.setPadding(new Insets(10));
    return new SplitPane(box);
  }

  private static Label wrap(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMaxWidth(900);
    l.setMinHeight(Label.USE_PREF_SIZE);
    return l;
  }

  private static Label muted(String text) {
    Label l = wrap(text);
    l.getStyleClass().add("text-muted");
    return l;
  }
}
