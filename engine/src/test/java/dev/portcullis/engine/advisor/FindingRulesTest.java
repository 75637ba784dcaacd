package dev.portcullis.engine.advisor;

import static dev.portcullis.engine.advisor.Ws.allow;
import static dev.portcullis.engine.advisor.Ws.custom;
import static dev.portcullis.engine.advisor.Ws.lambda;
import static dev.portcullis.engine.advisor.Ws.open;
import static dev.portcullis.engine.advisor.Ws.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.LambdaFunction.Rule.ResourceScope;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.PolicyDocument.Effect;
import dev.portcullis.engine.model.PolicyDocument.PolicyPrincipal;
import dev.portcullis.engine.model.PolicyDocument.PolicyStatement;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.model.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule on a small workspace that has the trait, and on one that differs only in not having it. */
class FindingRulesTest {
  private static final Advisor ADVISOR = Advisor.create();
  private static final String KEY = "method.request.header.x-api-key";

  static List<Finding> findings(Workspace ws, Rule rule) {
    return ADVISOR.advise(ws).findings().stream().filter(f -> f.rule() == rule).toList();
  }

  static List<Finding> findings(Workspace ws, CostAssumptions assumptions, Rule rule) {
    return ADVISOR.advise(ws, assumptions).findings().stream().filter(f -> f.rule() == rule).toList();
  }

  // PC101: a NONE route nothing marks public (spec/apigw-facts.md §7)
  private final Gateway openApi = Ws.rest("api", List.of(open("GET", "/orders"), open("OPTIONS", "/orders")), List.of());

  @Test
  void aNoneRouteThatNothingMarksPublicIsHighAndNamesTheRoute() {
    List<Finding> found = findings(Ws.of(openApi), Rule.OPEN_ROUTE);
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.subject()).isEqualTo(Subject.route("api", "GET /orders"));
      assertThat(f.message()).contains("api GET /orders", "NONE");
    });
  }

  @Test
  void aSavedRequestExpectingAnAnonymousCallerThroughMarksItPublic() {
    Workspace ws = Ws.of(List.of(openApi), List.of(new Caller.Anonymous("anon", null)),
        List.of(Ws.request("orders are public", "api", "GET", "/orders", "anon", 200)), null);
    assertThat(findings(ws, Rule.OPEN_ROUTE)).isEmpty();
  }

  @Test
  void anAnonymousRequestExpectedToFailDoesNotMarkItPublic() {
    Workspace ws = Ws.of(List.of(openApi), List.of(new Caller.Anonymous("anon", null)),
        List.of(Ws.request("orders refused", "api", "GET", "/orders", "anon", 403)), null);
    assertThat(findings(ws, Rule.OPEN_ROUTE)).hasSize(1);
  }

  // PC102: an API key alone in front of per-tenant data (spec §6: "Don't use API keys for authentication")
  @Test
  void aKeyOnlyRouteWhosePathPicksATenantIsHigh() {
    Gateway api = Ws.rest("api", List.of(route("GET", "/tenants/{tenantId}/invoices", AuthorizationType.NONE, null, List.of(), true)), List.of());
    assertThat(findings(Ws.of(api), Rule.API_KEY_ONLY)).singleElement()
        .satisfies(f -> assertThat(f.evidence()).anyMatch(e -> e.contains("{tenantId}")));
  }

  @Test
  void aKeyRouteBehindAnAuthoriserOrWithoutATenantInThePathIsNot() {
    Gateway api = Ws.rest("api", List.of(
        route("GET", "/catalogue", AuthorizationType.NONE, null, List.of(), true),
        route("GET", "/tenants/{tenantId}/invoices", AuthorizationType.CUSTOM, "gate", List.of(), true)),
        List.of(lambda("gate", List.of(KEY), 300, allow("acme", ResourceScope.API, Map.of("tenantId", "a")))));
    assertThat(findings(Ws.of(api), Rule.API_KEY_ONLY)).isEmpty();
  }

  // PC103: an HTTP Lambda that only verifies a JWT (spec §3, §4.5)
  private Authorizer.Lambda bearer(Map<String, Object> context) {
    return new Authorizer.Lambda("verify", Authorizer.LambdaType.REQUEST, List.of("$request.header.Authorization"), null, 300, "2.0", true,
        new dev.portcullis.engine.model.LambdaFunction.Rules(List.of(new dev.portcullis.engine.model.LambdaFunction.Rule(null,
            Map.of("$request.header.Authorization", "Bearer x"), null, "u", context, null, null)), null));
  }

  @Test
  void anHttpLambdaReadingOnlyTheBearerAndAddingNothingShouldBeAJwtAuthoriser() {
    Gateway api = Ws.http("api", List.of(custom("GET", "/me", "verify")), List.of(bearer(Map.of())));
    assertThat(findings(Ws.of(api), Rule.LAMBDA_ONLY_VERIFIES_JWT)).singleElement()
        .satisfies(f -> assertThat(f.fix()).contains("JWT authoriser"));
  }

  @Test
  void oneThatAddsContextEarnsItsKeep() {
    Gateway api = Ws.http("api", List.of(custom("GET", "/me", "verify")), List.of(bearer(Map.of("tenantId", "t1"))));
    assertThat(findings(Ws.of(api), Rule.LAMBDA_ONLY_VERIFIES_JWT)).isEmpty();
  }

  // PC104: the cached-policy trap (spec §4.3)
  private Gateway partners(int ttl, ResourceScope scope, boolean twoRoutes) {
    var routes = twoRoutes ? List.of(custom("POST", "/tx", "gate"), custom("GET", "/tx", "gate")) : List.of(custom("POST", "/tx", "gate"));
    return Ws.rest("api", routes, List.of(lambda("gate", List.of(KEY), ttl, allow("initech", scope, Map.of()))));
  }

  @Test
  void aCachedMethodScopedPolicySharedByTwoRoutesListsTheRoutesItBreaks() {
    assertThat(findings(Ws.of(partners(300, ResourceScope.METHOD, true)), Rule.CACHED_METHOD_POLICY)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.subject()).isEqualTo(Subject.authorizer("api", "gate"));
      assertThat(f.affected()).containsExactly(new RouteRef("api", "POST /tx"), new RouteRef("api", "GET /tx"));
      assertThat(f.evidence()).anyMatch(e -> e.contains("'initech'"));
    });
  }

  @Test
  void anApiWidePolicyTtlZeroOrASingleRouteDoNotSpringTheTrap() {
    assertThat(findings(Ws.of(partners(300, ResourceScope.API, true)), Rule.CACHED_METHOD_POLICY)).isEmpty();
    assertThat(findings(Ws.of(partners(0, ResourceScope.METHOD, true)), Rule.CACHED_METHOD_POLICY)).isEmpty();
    assertThat(findings(Ws.of(partners(300, ResourceScope.METHOD, false)), Rule.CACHED_METHOD_POLICY)).isEmpty();
  }

  @Test
  void perMethodCacheKeysGiveEachMethodItsOwnEntry() {
    Gateway api = Ws.rest("api", List.of(custom("POST", "/tx", "gate"), custom("GET", "/tx", "gate")),
        List.of(lambda("gate", List.of(KEY, "context.httpMethod", "context.resourcePath"), 300, allow("initech", ResourceScope.METHOD, Map.of()))));
    assertThat(findings(Ws.of(api), Rule.CACHED_METHOD_POLICY)).isEmpty();
    Gateway http = Ws.http("h", List.of(custom("POST", "/tx", "gate"), custom("GET", "/tx", "gate")),
        List.of(lambda("gate", List.of("$request.header.x-api-key"), 300, allow("initech", ResourceScope.METHOD, Map.of()))));
    assertThat(findings(Ws.of(http), Rule.CACHED_METHOD_POLICY)).singleElement()
        .satisfies(f -> assertThat(f.fix()).contains("[$context.routeKey]"));
  }

  // PC105: TTL 0 on a busy route (spec §4.3)
  private final Gateway ttlZeroApi = Ws.rest("api", List.of(custom("POST", "/tx", "gate")),
      List.of(lambda("gate", List.of(KEY), 0, allow("acme", ResourceScope.API, Map.of("tenantId", "a")))));

  @Test
  void ttlZeroAtTwoHundredRpsIsFlaggedWithItsMonthlyInvocations() {
    CostAssumptions busy = CostAssumptions.DEFAULTS.with(new RouteRef("api", "POST /tx"), CostInputs.DEFAULTS.withRps(200));
    assertThat(findings(Ws.of(ttlZeroApi), busy, Rule.TTL_ZERO_BUSY)).singleElement()
        .satisfies(f -> assertThat(f.evidence()).anyMatch(e -> e.contains("525,600,000 invocations")));
  }

  @Test
  void aQuietRouteWithTtlZeroIsNot() {
    CostAssumptions quiet = CostAssumptions.DEFAULTS.with(new RouteRef("api", "POST /tx"), CostInputs.DEFAULTS.withRps(0.5));
    assertThat(findings(Ws.of(ttlZeroApi), quiet, Rule.TTL_ZERO_BUSY)).isEmpty();
  }

  // PC106, PC107: a cache key that changes per request, or none (spec §4.1, §4.3, §4.5)
  private Gateway withSources(List<String> sources, int ttl) {
    return Ws.rest("api", List.of(custom("POST", "/tx", "gate")),
        List.of(lambda("gate", sources, ttl, allow("acme", ResourceScope.API, Map.of("tenantId", "a")))));
  }

  @Test
  void aRequestIdInTheCacheKeyMakesTheCacheUseless() {
    Workspace ws = Ws.of(withSources(List.of(KEY, "method.request.header.X-Request-Id"), 300));
    assertThat(findings(ws, Rule.CACHE_KEY_PER_REQUEST)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("X-Request-Id"));
    assertThat(ADVISOR.advise(ws).cost(new RouteRef("api", "POST /tx")).orElseThrow().cacheHitRate()).isZero();
  }

  @Test
  void noIdentitySourceMeansNoCachingAtAll() {
    assertThat(findings(Ws.of(withSources(List.of(), 300)), Rule.NO_IDENTITY_SOURCE)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("never cached", "ttlSeconds is 300"));
  }

  @Test
  void aKeyOfTheCredentialAloneIsFine() {
    Workspace ws = Ws.of(withSources(List.of(KEY), 300));
    assertThat(findings(ws, Rule.CACHE_KEY_PER_REQUEST)).isEmpty();
    assertThat(findings(ws, Rule.NO_IDENTITY_SOURCE)).isEmpty();
  }

  // PC108: a REST Cognito method without scopes accepts ID tokens (spec §2)
  private Gateway cognitoApi(List<String> scopes) {
    return Ws.rest("api", List.of(route("GET", "/me", AuthorizationType.COGNITO_USER_POOLS, "pool", scopes, false)),
        List.of(new Authorizer.Cognito("pool", List.of("us-east-1_Abc"), null, null)));
  }

  @Test
  void aMethodWithoutScopesAcceptsIdTokens() {
    assertThat(findings(Ws.of(cognitoApi(List.of())), Rule.COGNITO_WITHOUT_SCOPES)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("ID token"));
  }

  @Test
  void aMethodWithAScopeDoesNot() {
    assertThat(findings(Ws.of(cognitoApi(List.of("profile.read"))), Rule.COGNITO_WITHOUT_SCOPES)).isEmpty();
  }

  // PC109: one JWT authoriser, several clients' audiences (spec §3)
  private Gateway jwtApi(List<String> audiences) {
    return Ws.http("api", List.of(route("POST", "/s", AuthorizationType.JWT, "bank", List.of(), false)),
        List.of(new Authorizer.Jwt("bank", "https://idp.example.com", audiences, null)));
  }

  @Test
  void twoClientsAudiencesOnOneAuthoriser() {
    assertThat(findings(Ws.of(jwtApi(List.of("backoffice", "mobile-app"))), Rule.JWT_MIXED_AUDIENCES)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("backoffice", "mobile-app"));
  }

  @Test
  void oneAudienceIsPinned() {
    assertThat(findings(Ws.of(jwtApi(List.of("payments.example.com"))), Rule.JWT_MIXED_AUDIENCES)).isEmpty();
  }

  // PC110: execute-api:Invoke on * (spec §5)
  private Workspace withIdentityPolicy(String resource) {
    PolicyDocument policy = PolicyDocument.of(new PolicyStatement(null, Effect.Allow, null, List.of("execute-api:Invoke"), null,
        List.of(resource), null, null));
    Emulator emulator = new Emulator(true, null, null, null, null,
        List.of(new Emulator.AccessKey("AKIALOCAL", "secret", "arn:aws:iam::1:role/ops", List.of(policy))), null, null);
    return Ws.of(List.of(), List.of(), List.of(), emulator);
  }

  @Test
  void invokeOnStarIsHighAndNamesThePrincipal() {
    assertThat(findings(withIdentityPolicy("*"), Rule.INVOKE_ON_STAR)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("arn:aws:iam::1:role/ops");
    });
    assertThat(findings(withIdentityPolicy("arn:aws:execute-api:*:*:*"), Rule.INVOKE_ON_STAR)).hasSize(1);
  }

  @Test
  void invokeOnAMethodArnIsNot() {
    assertThat(findings(withIdentityPolicy("arn:aws:execute-api:us-east-1:1:api1/prod/POST/internal/refresh"), Rule.INVOKE_ON_STAR)).isEmpty();
  }

  // PC111: keys only work once in a usage plan (spec §6)
  private final List<dev.portcullis.engine.model.Route> keyed = List.of(route("GET", "/catalogue", AuthorizationType.NONE, null, List.of(), true));

  @Test
  void keyedRoutesOnAnApiWithoutUsagePlan() {
    Gateway api = Ws.gateway("api", Flavor.REST, keyed, List.of(), List.of(), null);
    assertThat(findings(Ws.of(api), Rule.API_KEY_WITHOUT_PLAN)).singleElement()
        .satisfies(f -> assertThat(f.affected()).containsExactly(new RouteRef("api", "GET /catalogue")));
  }

  @Test
  void aUsagePlanFixesIt() {
    assertThat(findings(Ws.of(Ws.rest("api", keyed, List.of())), Rule.API_KEY_WITHOUT_PLAN)).isEmpty();
  }

  // PC112: a resource policy that denies nothing (spec §5, Table A)
  private Workspace withResourcePolicy(PolicyStatement... statements) {
    return Ws.of(Ws.gateway("api", Flavor.REST, List.of(route("POST", "/r", AuthorizationType.AWS_IAM, null, List.of(), false)), List.of(),
        List.of(), PolicyDocument.of(statements)));
  }

  private PolicyStatement statement(Effect effect, Map<String, Map<String, List<String>>> condition) {
    return new PolicyStatement("S", effect, PolicyPrincipal.anyone(), List.of("execute-api:Invoke"), null, List.of("arn:aws:execute-api:*:1:api/*"),
        null, condition);
  }

  @Test
  void allowEveryoneAndNothingElse() {
    assertThat(findings(withResourcePolicy(statement(Effect.Allow, null)), Rule.POLICY_DENIES_NOTHING)).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
  }

  @Test
  void aDenyOrAConditionMakesItAGuard() {
    assertThat(findings(withResourcePolicy(statement(Effect.Allow, null), statement(Effect.Deny, null)), Rule.POLICY_DENIES_NOTHING)).isEmpty();
    assertThat(findings(withResourcePolicy(statement(Effect.Allow, Map.of("IpAddress", Map.of("aws:SourceIp", List.of("10.0.0.0/8"))))),
        Rule.POLICY_DENIES_NOTHING)).isEmpty();
  }

  // PC113: features of the other flavour (spec §6, §7)
  @Test
  void restFeaturesOnAnHttpApiAreEachNamed() {
    Gateway api = Ws.gateway("api", Flavor.HTTP, List.of(route("GET", "/x", AuthorizationType.COGNITO_USER_POOLS, "pool", List.of("a"), true)),
        List.of(new Authorizer.Cognito("pool", List.of("us-east-1_Abc"), null, null)), List.of(Ws.plan()), null);
    assertThat(findings(Ws.of(api), Rule.FLAVOUR_MISMATCH)).extracting(Finding::message)
        .anyMatch(m -> m.contains("usage plans")).anyMatch(m -> m.contains("apiKeyRequired on GET /x"))
        .anyMatch(m -> m.contains("COGNITO_USER_POOLS on GET /x")).anyMatch(m -> m.contains("Cognito authoriser 'pool'"));
  }

  @Test
  void anHttpFeatureOnRestIsNamedToo() {
    Gateway api = Ws.rest("api", List.of(route("GET", "/x", AuthorizationType.JWT, "bank", List.of(), false)),
        List.of(new Authorizer.Jwt("bank", "https://idp.example.com", List.of("a"), "$request.header.Authorization")));
    assertThat(findings(Ws.of(api), Rule.FLAVOUR_MISMATCH)).extracting(Finding::message)
        .anyMatch(m -> m.contains("JWT authorization on GET /x")).anyMatch(m -> m.contains("$request.header.Authorization"));
  }

  @Test
  void eachFlavourWithItsOwnFeaturesIsClean() {
    Gateway rest = Ws.rest("r", List.of(route("GET", "/x", AuthorizationType.COGNITO_USER_POOLS, "pool", List.of("a"), true)),
        List.of(new Authorizer.Cognito("pool", List.of("us-east-1_Abc"), null, null)));
    Gateway http = Ws.http("h", List.of(route("GET", "/x", AuthorizationType.JWT, "bank", List.of(), false)),
        List.of(new Authorizer.Jwt("bank", "https://idp.example.com", List.of("a"), null)));
    assertThat(findings(Ws.of(rest, http), Rule.FLAVOUR_MISMATCH)).isEmpty();
  }

  // PC114: a REST API's own 401/403 carry no CORS headers unless a gateway response adds them (spec §1.1)
  private Gateway corsApi(Map<String, Gateway.GatewayResponse> responses) {
    Gateway base = Ws.rest("api", List.of(route("GET", "/me", AuthorizationType.COGNITO_USER_POOLS, "pool", List.of("a"), false)),
        List.of(new Authorizer.Cognito("pool", List.of("us-east-1_Abc"), null, null)));
    return base.newBuilder().cors(new Gateway.Cors(List.of("*"), List.of("GET"), List.of("Authorization"), null, null, false))
        .gatewayResponses(responses).build();
  }

  @Test
  void corsWithoutCorsOnAuthErrorsIsFound() {
    assertThat(findings(Ws.of(corsApi(Map.of())), Rule.AUTH_ERROR_WITHOUT_CORS)).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("UNAUTHORIZED and ACCESS_DENIED").contains("CORS error instead");
      assertThat(f.affected()).extracting(RouteRef::routeKey).containsExactly("GET /me");
    });
  }

  @Test
  void aDefault4xxWithTheOriginHeaderCoversBoth() {
    Gateway.GatewayResponse withOrigin = new Gateway.GatewayResponse(null,
        Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "'*'"), Map.of());
    assertThat(findings(Ws.of(corsApi(Map.of("DEFAULT_4XX", withOrigin))), Rule.AUTH_ERROR_WITHOUT_CORS)).isEmpty();
    assertThat(findings(Ws.of(corsApi(Map.of("UNAUTHORIZED", withOrigin))), Rule.AUTH_ERROR_WITHOUT_CORS))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("its ACCESS_DENIED answers"));
  }

  // PC115: a browser's preflight carries no credentials, so a guarded OPTIONS method refuses it
  private final Authorizer.Cognito pool = new Authorizer.Cognito("pool", List.of("us-east-1_Abc"), null, null);

  @Test
  void anOptionsMethodBehindTheAuthoriserIsFoundWithItsFix() {
    Gateway api = Ws.rest("api", List.of(route("GET", "/me", AuthorizationType.COGNITO_USER_POOLS, "pool", List.of(), false),
        route("OPTIONS", "/me", AuthorizationType.COGNITO_USER_POOLS, "pool", List.of(), false),
        route("OPTIONS", "/orders", AuthorizationType.NONE, null, List.of(), true)), List.of(pool));

    assertThat(findings(Ws.of(api), Rule.PREFLIGHT_NEEDS_CREDENTIALS)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("api OPTIONS /me and 1 other OPTIONS method(s) require COGNITO_USER_POOLS by pool");
      assertThat(f.affected()).extracting(RouteRef::routeKey).containsExactly("OPTIONS /me", "OPTIONS /orders");
      assertThat(f.fix()).contains("AddDefaultAuthorizerToCorsPreflight: false");
    });
  }

  @Test
  void anOpenOptionsMethodOrAnHttpApiWithCorsIsClean() {
    Gateway rest = Ws.rest("r", List.of(open("OPTIONS", "/me"), route("GET", "/me", AuthorizationType.COGNITO_USER_POOLS, "pool",
        List.of(), false)), List.of(pool));
    Authorizer.Jwt jwt = new Authorizer.Jwt("bank", "https://idp.example.com", List.of("a"), null);
    Gateway http = Ws.http("h", List.of(route("OPTIONS", "/me", AuthorizationType.JWT, "bank", List.of(), false)), List.of(jwt));
    Gateway httpWithCors = http.newBuilder().name("hc").cors(new Gateway.Cors(List.of("*"), null, null, null, null, false)).build();

    assertThat(findings(Ws.of(rest, httpWithCors), Rule.PREFLIGHT_NEEDS_CREDENTIALS)).isEmpty();
    // without a CORS configuration the HTTP API routes the preflight to the guarded OPTIONS route
    assertThat(findings(Ws.of(http), Rule.PREFLIGHT_NEEDS_CREDENTIALS)).singleElement()
        .satisfies(f -> assertThat(f.fix()).contains("CORS configuration"));
  }

  @Test
  void aSamTemplateWithCorsAndADefaultAuthorizerIsFoundOnImport() throws Exception {
    Workspace ws = dev.portcullis.engine.importer.Importer.create()
        .importFile(dev.portcullis.engine.importer.CorpusExpectationsAccess.corpus("sam/06-owasp-order-cognito-template.yaml")).workspace();
    assertThat(findings(ws, Rule.PREFLIGHT_NEEDS_CREDENTIALS)).singleElement()
        .satisfies(f -> assertThat(f.affected()).extracting(RouteRef::routeKey).containsExactlyInAnyOrder("OPTIONS /placeOrder", "OPTIONS /listOrders"));
  }
}
