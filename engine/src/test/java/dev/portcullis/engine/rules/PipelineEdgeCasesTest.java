package dev.portcullis.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Authoriser and plan settings the demo does not use, each against its spec section. */
class PipelineEdgeCasesTest {
  private final MockWebServer upstream = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private Workspace ws;
  private Pipeline pipeline;

  @BeforeEach
  void setUp() throws Exception {
    upstream.start();
    String json = """
        {
          "schemaVersion": 1, "name": "edge",
          "gateways": [
            {"name": "edge", "flavor": "REST", "apiId": "edge1", "stage": "dev", "apiKeySource": "AUTHORIZER",
             "routes": [
               {"method": "GET", "path": "/items", "authorization": "CUSTOM", "authorizer": "token-gate", "apiKeyRequired": true},
               {"method": "POST", "path": "/items", "authorization": "CUSTOM", "authorizer": "token-gate", "apiKeyRequired": true,
                "throttle": {"rateLimit": 1.0, "burstLimit": 1}},
               {"method": "GET", "path": "/proxy", "authorization": "NONE", "integration": {"type": "http", "url": "%s"}}
             ],
             "authorizers": [
               {"type": "lambda", "name": "token-gate", "eventType": "TOKEN", "identitySources": ["method.request.header.Authorization"],
                "validationRegex": "^Bearer [a-z0-9]+$", "ttlSeconds": 0,
                "function": {"kind": "rules", "otherwise": "UNAUTHORIZED", "rules": [
                  {"match": {"method.request.header.Authorization": "Bearer good"}, "effect": "ALLOW", "principalId": "u1",
                   "usageIdentifierKey": "local:api-keys/k1", "context": {"tier": "gold", "n": 3, "vip": true}}]}}
             ],
             "usagePlans": [{"name": "p", "throttle": {"rateLimit": 100.0, "burstLimit": 100}, "quota": {"limit": 1000, "period": "DAY"}}]},
            {"name": "h", "flavor": "HTTP", "apiId": "h1",
             "routes": [{"method": "GET", "path": "/one", "authorization": "CUSTOM", "authorizer": "v1",
                         "integration": {"type": "echo", "payloadFormat": "2.0"}}],
             "authorizers": [
               {"type": "lambda", "name": "v1", "eventType": "REQUEST", "identitySources": ["$request.header.x-token"],
                "payloadFormat": "1.0", "ttlSeconds": 0,
                "function": {"kind": "rules", "rules": [{"match": {"$request.header.x-token": "t1"}, "effect": "ALLOW",
                  "principalId": "svc", "context": {"team": "ops"}}]}}]}
          ],
          "emulator": {"localOnly": true, "apiKeys": [{"id": "k1", "value": "key-one-value-xyz", "enabled": true, "usagePlans": ["edge/p"]}]}
        }
        """.formatted(upstream.url("/upstream"));
    ws = WorkspaceStore.create(clock).parse(Path.of("edge.json"), json.getBytes());
    pipeline = Pipeline.builder(ws).clock(clock).requestIds(PipelineFixtures.numberedIds()).build();
  }

  @AfterEach
  void tearDown() {
    upstream.close();
  }

  private Ruling send(String gateway, String method, String path, String... headers) {
    return pipeline.decide(PipelineFixtures.request(clock, method, path, headers), ws.gateway(gateway).orElseThrow());
  }

  @Test
  @DisplayName("spec §4.1: a TOKEN that fails identityValidationExpression is 401 without invoking the function")
  void tokenFailingTheValidationRegexIsRefusedBeforeTheFunction() {
    Ruling r = send("edge", "GET", "/dev/items", "Authorization", "Basic abc");

    assertThat(r.outcome().status()).isEqualTo(401);
    assertThat(r.decidedBy()).isEqualTo("lambda.validationRegex");
    assertThat(r.outcome().body()).isEqualTo("{\"message\":\"Unauthorized\"}");
  }

  @Test
  @DisplayName("spec §4.2, §6: a TOKEN authoriser's usageIdentifierKey is the API key when the key source is AUTHORIZER")
  void keySourceAuthorizerTakesTheKeyFromTheAuthoriser() {
    Ruling allowed = send("edge", "GET", "/dev/items", "Authorization", "Bearer good");
    Ruling unknown = send("edge", "GET", "/dev/items", "Authorization", "Bearer other");

    assertThat(allowed.allowed()).as(allowed.checks().toString()).isTrue();
    assertThat(allowed.check("apiKey").orElseThrow().evidence()).contains("usageIdentifierKey");
    assertThat(unknown.outcome().status()).isEqualTo(401);
  }

  @Test
  @DisplayName("spec §4.4: context values reach REST integrations as strings")
  void restContextValuesAreStrings() {
    Ruling r = send("edge", "GET", "/dev/items", "Authorization", "Bearer good");

    @SuppressWarnings("unchecked")
    Map<String, Object> authorizer = (Map<String, Object>) ((Map<String, Object>) r.event().orElseThrow().get("requestContext")).get("authorizer");
    assertThat(authorizer).containsEntry("tier", "gold").containsEntry("n", "3").containsEntry("vip", "true")
        .containsEntry("principalId", "u1");
  }

  @Test
  @DisplayName("spec §6: a method throttle overrides the plan's: burst 1 on POST, the plan's 100 on GET")
  void methodThrottleOverridesThePlan() {
    Ruling first = send("edge", "POST", "/dev/items", "Authorization", "Bearer good");
    Ruling second = send("edge", "POST", "/dev/items", "Authorization", "Bearer good");
    Ruling get = send("edge", "GET", "/dev/items", "Authorization", "Bearer good");
    clock.advance(Duration.ofSeconds(1));
    Ruling later = send("edge", "POST", "/dev/items", "Authorization", "Bearer good");

    assertThat(first.allowed()).isTrue();
    assertThat(second.outcome().status()).isEqualTo(429);
    assertThat(second.decidedBy()).isEqualTo("usagePlan.throttle");
    assertThat(get.allowed()).isTrue();
    assertThat(later.allowed()).isTrue();
  }

  @Test
  @DisplayName("DESIGN integrations: an http integration proxies to its upstream")
  void httpIntegrationProxies() throws Exception {
    upstream.enqueue(new MockResponse.Builder().code(202).addHeader("content-type", "application/json").body("{\"from\":\"upstream\"}").build());

    Ruling r = send("edge", "GET", "/dev/proxy");

    assertThat(r.outcome().status()).isEqualTo(202);
    assertThat(r.outcome().body()).isEqualTo("{\"from\":\"upstream\"}");
    assertThat(upstream.takeRequest().getTarget()).startsWith("/upstream");
  }

  @Test
  @DisplayName("spec §4.5: an HTTP API authoriser with payload 1.0 answers with a policy; its context reaches authorizer.lambda")
  void httpPayloadOneAuthoriser() {
    Ruling allowed = send("h", "GET", "/one", "x-token", "t1");
    Ruling missing = send("h", "GET", "/one");

    assertThat(allowed.allowed()).as(allowed.checks().toString()).isTrue();
    assertThat(allowed.event().orElseThrow().toString()).contains("team=ops");
    assertThat(missing.outcome().status()).isEqualTo(401);
    assertThat(missing.decidedBy()).isEqualTo("lambda.identitySource");
  }
}
