package dev.portcullis.engine.rules;

import dev.portcullis.engine.testing.MutableClock;
import static dev.portcullis.engine.rules.PipelineFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The payments demo through the rule book, one saved failure (or success) per test. */
class DemoPipelineTest {
  private final Workspace demo = demo();
  private final Gateway payments = gateway(demo, "payments");
  private MutableClock clock;
  private Pipeline pipeline;
  private final AtomicInteger invocations = new AtomicInteger();

  @BeforeEach
  void setUp() {
    clock = new MutableClock(START);
    pipeline = Pipeline.builder(demo).clock(clock).requestIds(numberedIds()).lambdaInvokers(fn -> {
      LambdaInvoker real = LambdaInvoker.forFunction(fn, dev.portcullis.engine.store.SecretResolver.create(
          demo.emulator(), (w, l) -> java.util.Optional.empty()));
      return call -> {
        invocations.incrementAndGet();
        return real.invoke(call);
      };
    }).tokenAuthorizer(new FakeTokens()).build();
  }

  private Ruling send(String method, String path, String... headers) {
    return pipeline.decide(request(clock, method, path, headers), payments);
  }

  private static Denied denied(Ruling ruling) {
    assertThat(ruling.outcome()).isInstanceOf(Denied.class);
    return (Denied) ruling.outcome();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ctx(Ruling ruling) {
    return (Map<String, Object>) ruling.integrationEvent().get("requestContext");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  @Test
  @DisplayName("spec §1.2, §7 item 6: an unknown REST route is 403 Missing Authentication Token, not 404")
  void unknownRestRoute() {
    Ruling ruling = send("GET", "/prod/nope");
    Denied d = denied(ruling);
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(d.headers()).containsEntry("x-amzn-ErrorType", "MissingAuthenticationTokenException")
        .containsEntry("x-amzn-RequestId", "req-1").containsKey("x-amz-apigw-id");
    assertThat(d.gatewayResponseType()).isEqualTo("MISSING_AUTHENTICATION_TOKEN");
    assertThat(ruling.checks()).extracting(Ruling.Check::id).containsExactly("route");
    assertThat(ruling.integrationEvent()).isNull();
  }

  @Test
  @DisplayName("spec §1.2 row 'Authorization header present but not SigV4 ... or an unknown route': a bearer token on an "
      + "unknown REST route is 403 IncompleteSignatureException")
  void bearerTokenOnUnknownRestRoute() throws Exception {
    String authorization = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";
    Ruling ruling = send("GET", "/me", "Authorization", authorization);
    Denied d = denied(ruling);
    String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
        .digest(authorization.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.body()).isEqualTo("{\"message\":\"Invalid key=value pair (missing equal-sign) in Authorization header "
        + "(hashed with SHA-256 and encoded with Base64): '" + hash + "'.\"}");
    assertThat(d.headers()).containsEntry("x-amzn-ErrorType", "IncompleteSignatureException");
    assertThat(ruling.decidedBy()).isEqualTo("route");
    assertThat(ruling.checks().get(0).evidence()).contains("wrong path while sending a JWT").contains("no method of payments");
  }

  @Test
  @DisplayName("spec §1.2 row 'single token ... or unknown route': a raw JWT in Authorization on an unknown REST route "
      + "asks for the SigV4 parameters")
  void rawTokenOnUnknownRestRoute() {
    Denied d = denied(send("GET", "/prod/nope", "Authorization", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
    assertThat(d.body()).startsWith("{\"message\":\"Authorization header requires 'Credential' parameter.");
    assertThat(d.headers()).containsEntry("x-amzn-ErrorType", "IncompleteSignatureException");
  }

  @Test
  @DisplayName("spec §1.2: a SigV4-shaped Authorization header, or an x-api-key, on an unknown REST route keeps "
      + "Missing Authentication Token")
  void otherUnknownRouteCasesKeepMissingAuthenticationToken() {
    Denied signed = denied(send("GET", "/prod/nope", "Authorization",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=ab"));
    Denied keyed = denied(send("GET", "/prod/nope", "x-api-key", "some-key"));
    assertThat(List.of(signed, keyed)).allSatisfy(d -> {
      assertThat(d.headers()).containsEntry("x-amzn-ErrorType", "MissingAuthenticationTokenException");
      assertThat(d.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    });
  }

  @Test
  @DisplayName("spec §1.3: an unknown HTTP API route is 404 Not Found with apigw-requestid and no error type")
  void unknownHttpRoute() {
    Ruling ruling = pipeline.decide(request(clock, "GET", "/v2/nope"), gateway(demo, "mobile"));
    Denied d = denied(ruling);
    assertThat(d.status()).isEqualTo(404);
    assertThat(d.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(d.headers()).doesNotContainKeys("x-amzn-ErrorType", "x-amzn-RequestId");
    assertThat(d.headers().get("apigw-requestid")).isEqualTo(ruling.requestId());
    assertThat(ruling.decidedBy()).isEqualTo("route");
  }

  @Test
  @DisplayName("spec §1.3: HTTP APIs answer apigw-requestid in AWS's short form (Mc7UVioPPHcEKPA=), REST keeps a UUID-style id")
  void requestIdShapes() {
    String http = pipeline.decide(request(clock, "GET", "/v2/nope"), gateway(demo, "mobile")).requestId();
    String rest = send("GET", "/prod/nope").requestId();
    // The shape is observed, not documented: 15 URL-safe Base64 characters and one '=' (11 bytes).
    assertThat(http).matches("[A-Za-z0-9_-]{15}=").isNotEqualTo("req-1");
    assertThat(rest).isEqualTo("req-2");
    try (Pipeline again = Pipeline.builder(demo).clock(clock).requestIds(numberedIds()).build()) {
      assertThat(again.decide(request(clock, "GET", "/v2/nope"), gateway(demo, "mobile")).requestId())
          .as("derived from the injected id source, so the same source gives the same ids").isEqualTo(http);
    }
  }

  @Test
  @DisplayName("spec §5 (resource policy only), §6: a NONE route passes the resource policy's allow and skips API keys")
  void noneRoute() {
    Ruling ruling = send("GET", "/prod/health");
    assertThat(ruling.outcome().status()).isEqualTo(200);
    assertThat(ruling.outcome().body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(ruling.checks()).extracting(Ruling.Check::id)
        .containsExactly("route", "authorizer", "resourcePolicy", "apiKey", "integration");
    assertThat(ruling.check("resourcePolicy").orElseThrow().evidence()).contains("AllowInvoke");
    assertThat(ruling.outcome().headers()).containsEntry("x-amzn-RequestId", "req-1");
  }

  @Test
  @DisplayName("spec §4.2, §4.4, §6: acme's key passes the Lambda rules; tenantId and plan reach the integration")
  void lambdaRulesAllowAcme() {
    Ruling ruling = pipeline.decide(withBody(clock, "POST", "/prod/partners/acme/transactions", "{\"amount\": 1250}",
        "x-api-key", ACME_KEY, "content-type", "application/json"), payments);
    assertThat(ruling.allowed()).isTrue();
    Map<String, Object> authorizer = map(ctx(ruling), "authorizer");
    assertThat(authorizer).containsEntry("principalId", "acme").containsEntry("tenantId", "acme-001")
        .containsEntry("plan", "gold");
    assertThat(map(ctx(ruling), "identity")).containsEntry("apiKey", ACME_KEY).containsEntry("apiKeyId", "acme")
        .containsEntry("userArn", null);
    assertThat(ruling.integrationEvent()).containsEntry("resource", "/partners/{id}/transactions")
        .containsEntry("path", "/partners/acme/transactions").containsEntry("body", "{\"amount\": 1250}")
        .containsEntry("pathParameters", Map.of("id", "acme"));
    assertThat(ctx(ruling)).containsEntry("path", "/prod/partners/acme/transactions").containsEntry("stage", "prod");
    assertThat(ruling.checks()).extracting(Ruling.Check::id).containsExactly("route", "resourcePolicy",
        "lambda.identitySource", "lambda.function", "lambda.policy", "apiKey", "usagePlan.throttle", "usagePlan.quota",
        "integration");
    assertThat(ruling.outcome().body()).contains("\"tenantId\":\"acme-001\"").contains("\"stageVariables\":null");
  }

  @Test
  @DisplayName("spec §1.2, §4.2: globex's revoked key gets the explicit-deny 403 with capital Message")
  void revokedKey() {
    Denied d = denied(send("POST", "/prod/partners/globex/transactions", "x-api-key", GLOBEX_KEY));
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
    assertThat(d.errorType()).isEqualTo("AccessDeniedException");
    assertThat(d.decidedBy()).isEqualTo("lambda.policy");
  }

  @Test
  @DisplayName("spec §4.1: a missing identity source is 401 without invoking the function")
  void missingIdentitySource() {
    Ruling ruling = send("POST", "/prod/partners/acme/transactions");
    Denied d = denied(ruling);
    assertThat(d.status()).isEqualTo(401);
    assertThat(d.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(d.errorType()).isEqualTo("UnauthorizedException");
    assertThat(d.decidedBy()).isEqualTo("lambda.identitySource");
    assertThat(invocations).hasValue(0);
  }

  @Test
  @DisplayName("spec §4.2: a key no rule knows makes the rules function raise Unauthorized: 401")
  void unknownKeyIsUnauthorized() {
    Denied d = denied(send("POST", "/prod/partners/acme/transactions", "x-api-key", "someone-elses-key-0000000"));
    assertThat(d.status()).isEqualTo(401);
    assertThat(d.decidedBy()).isEqualTo("lambda.function");
    assertThat(invocations).hasValue(1);
  }

  @Test
  @DisplayName("spec §6: a burst of 200 passes at 100 rps, the 201st is throttled 429, a token returns 10 ms later")
  void throttledBurst() {
    for (int i = 0; i < 200; i++) {
      assertThat(send("POST", "/prod/partners/acme/transactions", "x-api-key", ACME_KEY).allowed()).as("request %d", i)
          .isTrue();
    }
    Denied d = denied(send("POST", "/prod/partners/acme/transactions", "x-api-key", ACME_KEY));
    assertThat(d.status()).isEqualTo(429);
    assertThat(d.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    assertThat(d.errorType()).isEqualTo("TooManyRequestsException");
    assertThat(d.decidedBy()).isEqualTo("usagePlan.throttle");
    assertThat(invocations).as("one invocation, then the cache").hasValue(1);
    clock.advance(Duration.ofMillis(10));
    assertThat(send("POST", "/prod/partners/acme/transactions", "x-api-key", ACME_KEY).allowed()).isTrue();
  }

  @Test
  @DisplayName("spec §6: the trial plan allows 5 a day; the 6th is 429 Limit Exceeded")
  void trialQuota() {
    List<Integer> statuses = new ArrayList<>();
    Ruling last = null;
    for (int i = 0; i < 6; i++) {
      last = send("GET", "/prod/partners/hooli/transactions", "x-api-key", HOOLI_KEY);
      statuses.add(last.outcome().status());
    }
    assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
    Denied d = denied(last);
    assertThat(d.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
    assertThat(d.errorType()).isEqualTo("LimitExceededException");
    assertThat(d.decidedBy()).isEqualTo("usagePlan.quota");
  }

  @Test
  @DisplayName("spec §4.3: the cached-policy trap: POST's method policy is cached, GET is denied from it until the TTL ends")
  void cachedPolicyTrap() {
    assertThat(send("POST", "/prod/partners/initech/transactions", "x-api-key", INITECH_KEY).allowed()).isTrue();
    clock.advance(Duration.ofSeconds(12));
    Ruling get = send("GET", "/prod/partners/initech/transactions", "x-api-key", INITECH_KEY);
    Denied d = denied(get);
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
    assertThat(d.decidedBy()).isEqualTo("lambda.cache");
    assertThat(get.check("lambda.cache").orElseThrow().evidence()).contains("authoriser cache")
        .contains("cached 12 s ago by the call to arn:aws:execute-api:us-east-1:111122223333:pay1local/prod/POST/partners/initech/transactions")
        .contains("expires in 288 s");
    assertThat(invocations).hasValue(1);
    clock.advance(Duration.ofSeconds(289));
    Ruling again = send("GET", "/prod/partners/initech/transactions", "x-api-key", INITECH_KEY);
    assertThat(again.allowed()).isTrue();
    assertThat(again.check("lambda.policy")).hasValueSatisfying(c -> assertThat(c.passed()).isTrue());
    assertThat(invocations).hasValue(2);
  }

  @Test
  @DisplayName("spec §6, §1.2: a method that requires an API key answers a missing or unknown key with 403 Forbidden")
  void apiKeyMissing() {
    Route balance = new Route("GET", "/partners/{id}/balance", null, null, null, true, new Integration.Mock(200, null, "{}"), null);
    List<Route> routes = new ArrayList<>(payments.routes());
    routes.add(balance);
    Gateway withKeyOnly = new Gateway(payments.name(), payments.flavor(), payments.region(), payments.accountId(),
        payments.apiId(), payments.stage(), null, 0, payments.apiKeySource(), routes, payments.authorizers(),
        payments.usagePlans(), payments.resourcePolicy());
    for (String[] headers : List.of(new String[0], new String[] {"x-api-key", "not-a-key-of-this-emulator-000"})) {
      Denied d = denied(pipeline.decide(request(clock, "GET", "/prod/partners/acme/balance", headers), withKeyOnly));
      assertThat(d.status()).isEqualTo(403);
      assertThat(d.body()).isEqualTo("{\"message\":\"Forbidden\"}");
      assertThat(d.errorType()).isEqualTo("ForbiddenException");
      assertThat(d.gatewayResponseType()).isEqualTo("INVALID_API_KEY");
      assertThat(d.decidedBy()).isEqualTo("apiKey");
    }
    assertThat(pipeline.decide(request(clock, "GET", "/prod/partners/acme/balance", "x-api-key", ACME_KEY), withKeyOnly)
        .allowed()).isTrue();
  }

  @Test
  @DisplayName("proxy event body: UTF-8 text as it is (a sent U+FFFD included), anything else as base64 with isBase64Encoded"
      + " (AWS's payload format docs; not in apigw-facts)")
  void aBodyThatIsNotUtf8ReachesTheIntegrationAsBase64() {
    byte[] text = "{\"memo\": \"café ✓ \uFFFD\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] binary = {'{', (byte) 0xC3, '(', (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, '}'};
    for (byte[] body : java.util.List.of(text, binary)) {
      Ruling ruling = pipeline.decide(new dev.portcullis.engine.http.IncomingRequest("POST", "/prod/partners/acme/transactions", null,
          dev.portcullis.engine.http.HeaderList.of("x-api-key", ACME_KEY), body, "198.51.100.7", clock.instant()), payments);
      assertThat(ruling.allowed()).isTrue();
      boolean utf8 = body == text;
      assertThat(ruling.integrationEvent()).as(utf8 ? "text" : "binary")
          .containsEntry("body", utf8 ? "{\"memo\": \"café ✓ \uFFFD\"}" : java.util.Base64.getEncoder().encodeToString(binary))
          .containsEntry("isBase64Encoded", !utf8);
    }
  }
}

