package dev.portcullis.app.ui.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.LogModel;
import dev.portcullis.engine.advisor.RouteRef;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The advisor view's model without a toolkit: findings and their links, sliders, what-if on a copy. */
class AdvisorViewModelTest {
  private static final RouteRef POST_TX = new RouteRef("payments", "POST /partners/{id}/transactions");

  private final SimpleObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
  private final List<RouteRef> opened = new ArrayList<>();
  private final AdvisorViewModel model = new AdvisorViewModel(BackgroundTasks.direct(), new LogModel(), workspace, r -> opened.add(r));
  private Workspace demo;

  @BeforeEach
  void openDemo() throws Exception {
    demo = DemoWorkspace.load();
    workspace.set(demo);
  }

  @Test
  void openingAWorkspaceShowsItsFindingsFiltersAndCosts() {
    assertThat(model.findings()).extracting(f -> f.rule().id()).containsExactly("PC104");
    assertThat(model.filters()).hasSize(8);
    assertThat(model.costs()).hasSize(8);
    assertThat(model.summaryProperty().get()).startsWith("1 high finding · 8 routes · $").contains("prices of 2025-06-01");
  }

  @Test
  void aFindingLinksToTheFirstRouteItBreaks() {
    model.open(model.findings().get(0));
    assertThat(opened).containsExactly(POST_TX);
  }

  @Test
  void theCostRouteStartsOnTheFirstLambdaRouteAndItsSlidersRecomputeAtOnce() {
    assertThat(model.costRouteProperty().get()).isEqualTo(POST_TX);
    assertThat(model.costProperty().get().requestsPerInvocation()).isEqualTo(30);
    model.distinctTokensProperty().set(1);
    model.rpsProperty().set(200);
    assertThat(model.costProperty().get().requestsPerInvocation()).isEqualTo(60_000);
    assertThat(model.costTextProperty().get()).contains("one per 60,000 requests", "p99 added 0 ms");
    assertThat(model.costs().stream().filter(c -> c.route().equals(POST_TX)).findFirst().orElseThrow().inputs().rps()).isEqualTo(200);
  }

  @Test
  void eachRouteKeepsItsOwnInputs() {
    model.rpsProperty().set(200);
    RouteRef other = new RouteRef("payments", "GET /partners/{id}/transactions");
    model.costRouteProperty().set(other);
    assertThat(model.rpsProperty().get()).isEqualTo(10);
    model.costRouteProperty().set(POST_TX);
    assertThat(model.rpsProperty().get()).isEqualTo(200);
  }

  @Test
  void ttlZeroTriedOnACopyTradesTheTrapForAnInvocationPerRequest() {
    model.rpsProperty().set(50);
    model.whatIfAuthorizerProperty().set("payments/partner-gate");
    model.whatIfTtlProperty().set(0);
    model.tryWhatIf();
    assertThat(model.whatIfTextProperty().get()).contains("What if payments: authoriser 'partner-gate' TTL 0 s?")
        .contains("Resolved: PC104 cached-method-policy").contains("Added: MEDIUM PC105")
        .contains("payments POST /partners/{id}/transactions: 876,000 → 131,400,000 authoriser calls a month, p99 +0 → +20 ms");
    assertThat(WorkspaceStore.render(workspace.get())).isEqualTo(WorkspaceStore.render(demo));
  }

  @Test
  void movingAnApiToTheOtherFlavourNamesWhatItWouldLose() {
    model.whatIfGatewayProperty().set("payments");
    model.whatIfFlavorProperty().set(Gateway.Flavor.HTTP);
    model.tryWhatIf();
    assertThat(model.comparisonProperty().get().added()).extracting(f -> f.rule().id()).contains("PC113");
    assertThat(model.whatIfTextProperty().get()).contains("usage plans");
  }

  @Test
  void theTrapsMechanicalFixIsTriedOnACopyAndResolvesIt() {
    var trap = model.findings().get(0);
    assertThat(model.hasMechanicalFix(trap)).isTrue();
    model.tryFix(trap);
    assertThat(model.comparisonProperty().get().resolved()).extracting(f -> f.rule().id()).containsExactly("PC104");
    assertThat(model.comparisonProperty().get().added()).isEmpty();
    assertThat(model.whatIfTextProperty().get()).contains("identity sources [method.request.header.x-api-key, context.httpMethod, context.resourcePath]");
    assertThat(WorkspaceStore.render(workspace.get())).isEqualTo(WorkspaceStore.render(demo));
  }

  @Test
  void givingTheCognitoRouteNoAuthoriserOpensItAndSaysSo() {
    RouteRef me = new RouteRef("payments", "GET /me");
    model.whatIfRouteProperty().set(me);
    assertThat(model.routeAuthorizers()).containsExactly("mobile-users", "partner-gate");
    model.whatIfAuthorizationProperty().set(dev.portcullis.engine.model.Route.AuthorizationType.NONE);
    model.tryWhatIf();
    assertThat(model.comparisonProperty().get().added()).extracting(f -> f.rule().id(), f -> f.subject().routeKey())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PC101", "GET /me"));
    assertThat(model.comparisonProperty().get().then().filters(me).orElseThrow().mechanism()).isEqualTo("NONE");
  }

  @Test
  void aWhatIfWithNothingChosenSaysWhatToPick() {
    model.tryWhatIf();
    assertThat(model.whatIfTextProperty().get()).isEqualTo("Pick a Lambda authoriser's TTL, an API's flavour or a route's authoriser first.");
    assertThat(model.lambdaAuthorizers()).containsExactly("payments/partner-gate");
    assertThat(model.gateways()).containsExactly("payments", "b2b", "mobile");
  }
}
