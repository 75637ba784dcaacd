package dev.portcullis.engine.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Changes tried on a scratch copy: advice and cost side by side, the workspace untouched. */
class WhatIfTest {
  private static final Advisor ADVISOR = Advisor.create();
  private static final RouteRef POST_TX = new RouteRef("payments", "POST /partners/{id}/transactions");

  @Test
  void ttlZeroOnThePartnerGateResolvesTheTrapButInvokesTheFunctionOnEveryRequest() throws Exception {
    Workspace demo = DemoWorkspace.load();
    String before = WorkspaceStore.render(demo);
    WhatIf.Comparison c = WhatIf.compare(ADVISOR, demo, CostAssumptions.DEFAULTS, List.of(new WhatIf.SetTtl("payments", "partner-gate", 0)));

    assertThat(c.resolved()).extracting(f -> f.rule().id()).containsExactly("PC104");
    assertThat(c.added()).extracting(f -> f.rule().id()).containsExactly("PC105", "PC105");
    RouteCost today = c.today().cost(POST_TX).orElseThrow();
    RouteCost then = c.then().cost(POST_TX).orElseThrow();
    assertThat(today.requestsPerInvocation()).isEqualTo(30);
    assertThat(then.requestsPerInvocation()).isEqualTo(1);
    assertThat(then.authoriserInvocationsPerMonth()).isEqualTo(then.requestsPerMonth());
    assertThat(c.monthlyDeltaUsd()).isPositive();

    assertThat(WorkspaceStore.render(demo)).isEqualTo(before);
    assertThat(((Authorizer.Lambda) demo.gateway("payments").orElseThrow().authorizer("partner-gate").orElseThrow()).ttlSeconds()).isEqualTo(300);
  }

  @Test
  void aLambdaReplacedByAJwtAuthoriserIsFreeOnTheHotPath() throws Exception {
    Workspace demo = DemoWorkspace.load();
    Authorizer.Jwt bank = new Authorizer.Jwt("bank-jwt", "https://idp.example.com", List.of("payments"), null);
    WhatIf.Comparison c = WhatIf.compare(ADVISOR, demo, CostAssumptions.DEFAULTS, List.of(
        new WhatIf.SetFlavor("payments", Flavor.HTTP),
        new WhatIf.PutAuthorizer("payments", bank),
        new WhatIf.SetAuthorization("payments", "POST /partners/{id}/transactions", AuthorizationType.JWT, "bank-jwt", List.of())));
    RouteCost then = c.then().cost(POST_TX).orElseThrow();
    assertThat(then.authoriserInvocationsPerMonth()).isZero();
    // moving a REST API to HTTP carries REST-only features along: the what-if names each
    assertThat(c.added()).extracting(f -> f.rule().id()).contains("PC113");
    assertThat(c.then().findings()).extracting(Finding::message).anyMatch(m -> m.contains("usage plans")).anyMatch(m -> m.contains("resource policy"));
    assertThat(demo.gateway("payments").orElseThrow().flavor()).isEqualTo(Flavor.REST);
  }

  @Test
  void aChangeThatFindsNothingToChangeSaysWhat() throws Exception {
    Workspace demo = DemoWorkspace.load();
    assertThatThrownBy(() -> WhatIf.apply(demo, List.of(new WhatIf.SetTtl("payments", "mobile-users", 0))))
        .hasMessageContaining("no Lambda authoriser 'mobile-users'");
    assertThatThrownBy(() -> WhatIf.apply(demo, List.of(new WhatIf.SetFlavor("nope", Flavor.HTTP))))
        .hasMessageContaining("gateway 'nope' is not in workspace payments-demo");
    assertThatThrownBy(() -> WhatIf.apply(demo, List.of(new WhatIf.SetAuthorization("payments", "GET /me", AuthorizationType.JWT, "ghost", null))))
        .hasMessageContaining("no authoriser 'ghost'");
  }
}
