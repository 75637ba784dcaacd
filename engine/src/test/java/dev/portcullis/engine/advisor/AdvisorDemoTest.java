package dev.portcullis.engine.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.portcullis.engine.advisor.RouteFilters.BlastRadius;
import dev.portcullis.engine.advisor.RouteFilters.Coupling;
import dev.portcullis.engine.advisor.RouteFilters.HotPath;
import dev.portcullis.engine.advisor.RouteFilters.IdentitySource;
import dev.portcullis.engine.advisor.RouteFilters.Propagation;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The advisor on the embedded demo: the traps it was built with, and silence on its happy paths. */
class AdvisorDemoTest {
  private static Workspace demo;
  private static Advice advice;

  @BeforeAll
  static void advise() throws Exception {
    demo = DemoWorkspace.load();
    advice = Advisor.create().advise(demo);
  }

  private static RouteFilters filters(String gateway, String route) {
    return advice.filters(new RouteRef(gateway, route)).orElseThrow();
  }

  @Test
  void theDemoHasExactlyTheCachedPolicyTrapAndNothingElse() {
    assertThat(advice.findings()).extracting(f -> f.rule().id(), Finding::subject)
        .containsExactly(tuple("PC104", Subject.authorizer("payments", "partner-gate")));
    Finding trap = advice.findings().get(0);
    assertThat(trap.affected()).containsExactly(new RouteRef("payments", "POST /partners/{id}/transactions"),
        new RouteRef("payments", "GET /partners/{id}/transactions"));
    assertThat(trap.evidence()).anyMatch(e -> e.contains("'initech'"));
    assertThat(trap.fix()).contains("arn:aws:execute-api:REGION:ACCOUNT:pay1local/prod/*");
    assertThat(advice.failsBuild()).isTrue();
  }

  @Test
  void everyRouteOfTheDemoHasItsFiltersRow() {
    assertThat(advice.routes()).extracting(r -> r.route().toString()).containsExactly(
        "payments GET /me", "payments POST /partners/{id}/transactions", "payments GET /partners/{id}/transactions",
        "payments POST /internal/refresh", "payments GET /health", "b2b POST /b2b/settlements", "mobile GET /v2/me",
        "mobile POST /v2/internal/sync");
    assertThat(advice.routes()).allMatch(RouteFilters::mechanismAvailable);
  }

  @Test
  void theCognitoRouteIsNativePinnedToThePoolAndPassesClaims() {
    RouteFilters me = filters("payments", "GET /me");
    assertThat(me.identitySource()).isEqualTo(IdentitySource.COGNITO_TOKEN);
    assertThat(me.identityDetail()).contains("access token", "profile.read");
    assertThat(me.hotPath().kind()).isEqualTo(HotPath.Kind.NATIVE);
    assertThat(me.coupling()).isEqualTo(Coupling.COGNITO);
    assertThat(me.propagates().kind()).isEqualTo(Propagation.Kind.CLAIMS);
    assertThat(me.propagates().keys()).contains("sub", "cognito:groups");
    assertThat(me.blastRadius().kind()).isEqualTo(BlastRadius.Kind.BEARER);
    assertThat(me.blastRadius().lifetime()).contains("60 min");
    assertThat(me.outage()).containsExactly("Cognito user pool us-east-1_Local01");
  }

  @Test
  void thePartnerRouteIsALambdaCachedOnTheKeyForFiveMinutesPassingTenantContext() {
    RouteFilters tx = filters("payments", "POST /partners/{id}/transactions");
    assertThat(tx.mechanism()).isEqualTo("Lambda REQUEST + API key");
    assertThat(tx.hotPath().kind()).isEqualTo(HotPath.Kind.LAMBDA_CACHED);
    assertThat(tx.hotPath().cacheKey()).containsExactly("method.request.header.x-api-key");
    assertThat(tx.hotPath().ttlSeconds()).isEqualTo(300);
    assertThat(tx.coupling()).isEqualTo(Coupling.FREEFORM);
    assertThat(tx.propagates().keys()).containsExactly("plan", "principalId", "tenantId");
    assertThat(tx.blastRadius().revocation()).contains("revocation list", "300 s");
    assertThat(tx.outage()).containsExactly("Lambda function of 'partner-gate'");
  }

  @Test
  void theIamRoutesAreSignaturesThatPassThePrincipal() {
    for (RouteFilters r : List.of(filters("payments", "POST /internal/refresh"), filters("mobile", "POST /v2/internal/sync"))) {
      assertThat(r.identitySource()).isEqualTo(IdentitySource.SIGV4);
      assertThat(r.coupling()).isEqualTo(Coupling.IAM);
      assertThat(r.propagates().kind()).isEqualTo(Propagation.Kind.PRINCIPAL);
      assertThat(r.blastRadius().kind()).isEqualTo(BlastRadius.Kind.SIGNATURE);
    }
  }

  @Test
  void theBankRouteIsAnyOidcIssuerWithItsActorClaimAndTheMobileRouteIsACognitoIssuer() {
    RouteFilters b2b = filters("b2b", "POST /b2b/settlements");
    assertThat(b2b.identitySource()).isEqualTo(IdentitySource.OIDC_JWT);
    assertThat(b2b.coupling()).isEqualTo(Coupling.OIDC_ISSUER);
    assertThat(b2b.propagates().keys()).contains("actor");
    assertThat(b2b.outage()).singleElement().asString().contains("/oidc/bank");
    RouteFilters v2 = filters("mobile", "GET /v2/me");
    assertThat(v2.identitySource()).isEqualTo(IdentitySource.COGNITO_TOKEN);
    assertThat(v2.coupling()).isEqualTo(Coupling.COGNITO);
    assertThat(v2.availableOnFlavor()).contains("JWT").doesNotContain("COGNITO_USER_POOLS");
  }

  @Test
  void theHealthRouteIsOpenAndMarkedPublicByItsAnonymousRequest() {
    RouteFilters health = filters("payments", "GET /health");
    assertThat(health.identitySource()).isEqualTo(IdentitySource.NONE);
    assertThat(health.outage()).isEmpty();
  }

  @Test
  void everyCallerFitsTheRoutesItIsMeantToGetThrough() {
    assertThat(advice.callers()).extracting(CallerFit::caller).containsExactlyElementsOf(demo.callers().stream().map(c -> c.name()).toList());
    assertThat(advice.callers()).allSatisfy(c -> assertThat(c.departures()).as(c.caller()).isEmpty());
    CallerFit acme = advice.callers().stream().filter(c -> c.caller().equals("acme")).findFirst().orElseThrow();
    assertThat(acme.kind()).isEqualTo(CallerFit.Kind.PARTNER);
    assertThat(acme.fitRest()).contains("API key + usage plan");
    assertThat(acme.routes()).containsExactly(new RouteRef("payments", "POST /partners/{id}/transactions"));
    CallerFit refresh = advice.callers().stream().filter(c -> c.caller().equals("refresh-job")).findFirst().orElseThrow();
    assertThat(refresh.routes()).containsExactly(new RouteRef("payments", "POST /internal/refresh"), new RouteRef("mobile", "POST /v2/internal/sync"));
    CallerFit bank = advice.callers().stream().filter(c -> c.caller().equals("bank-backoffice")).findFirst().orElseThrow();
    assertThat(bank.fitHttp()).contains("JWT authoriser");
    assertThat(bank.fitRest()).contains("Lambda");
  }
}
