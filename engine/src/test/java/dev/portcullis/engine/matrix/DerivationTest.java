package dev.portcullis.engine.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kind check of derived expectations, and matching saved requests to route templates, without a network. */
class DerivationTest {
  private static Workspace demo;

  @BeforeAll
  static void load() throws Exception {
    demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
  }

  @ParameterizedTest(name = "{0} {1} {2} as {3}: fits={4}")
  @CsvSource({
      "payments, POST, /internal/refresh, refresh-job, true",
      "payments, POST, /internal/refresh, alice, false",
      "payments, GET, /me, bob, true",
      "payments, GET, /me, bank-backoffice, false",
      "payments, POST, /partners/{id}/transactions, acme, true",
      "payments, POST, /partners/{id}/transactions, anonymous, false",
      "payments, POST, /partners/{id}/transactions, bob, false",
      "payments, GET, /health, anonymous, true",
      "b2b, POST, /b2b/settlements, bank-legacy, true",
      "b2b, POST, /b2b/settlements, alice, false",
      "mobile, GET, /v2/me, alice, true",
      "mobile, GET, /v2/me, bank-backoffice, false",
  })
  void theKindCheckLetsThroughOnlyCallersThatCouldPass(String gw, String method, String path, String caller, boolean fits) {
    Gateway gateway = demo.gateway(gw).orElseThrow();
    Route route = gateway.routes().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).findFirst().orElseThrow();
    Caller c = demo.caller(caller).orElseThrow();
    // the demo's authorisers name their pool and issuer by workspace variable ({{mobilePoolId}}, {{bankIssuer}})
    var variables = dev.portcullis.engine.store.Variables.of(demo, null, null, java.util.Map.of());
    assertThat(Derivation.fit(gateway, route, c, variables).fits()).isEqualTo(fits);
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
      "/partners/{id}/transactions, /partners/{{partnerId}}/transactions, true",
      "/partners/{id}/transactions, /partners/acme/transactions, true",
      "/partners/{id}/transactions, /partners/acme, false",
      "/me, /nope, false",
      "/files/{proxy+}, /files/a/b/c, true",
      "/files/{proxy+}, /files, false",
  })
  void savedPathsMatchRouteTemplates(String template, String path, boolean matches) {
    assertThat(RouteTemplates.pathMatches(template, path)).isEqualTo(matches);
  }

  @Test
  void syntheticRequestsFillParametersAndCarryAJsonBodyWhereOneBelongs() {
    Gateway payments = demo.gateway("payments").orElseThrow();
    Route post = payments.routes().get(1);
    var r = RouteTemplates.synthetic(payments, post, demo.caller("hooli").orElseThrow());
    assertThat(r.path()).isEqualTo("/partners/sample/transactions");
    assertThat(r.body()).isEqualTo("{}");
    assertThat(r.caller()).isEqualTo("hooli");
    assertThat(RouteTemplates.synthetic(payments, payments.routes().get(0), demo.caller("bob").orElseThrow()).body()).isNull();
  }

  @Test
  void globsMatchAcrossSlashes() {
    assertThat(new Glob("/internal/*").matches("/internal/refresh")).isTrue();
    assertThat(new Glob("payments *").matches("payments POST /a/b")).isTrue();
    assertThat(new Glob("b2b ?OST*").matches("payments POST /a")).isFalse();
  }
}
