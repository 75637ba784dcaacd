package dev.portcullis.engine.gateway;

import static dev.portcullis.engine.rules.PipelineFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.store.Json;
import dev.portcullis.engine.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CORS, gateway responses, stage variables and private APIs on the demo, over real HTTP to the
 * local gateway. Where the spec (apigw-facts.md) is silent, the AWS page is named in the display name.
 */
class CorsAndGatewayResponsesTest {
  private static final String ORIGIN = "https://app.example.com";
  private static final Gateway.Cors BROWSER_APP = new Gateway.Cors(List.of(ORIGIN), List.of("GET", "POST"),
      List.of("authorization", "content-type"), List.of("x-request-id"), 300, false);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Ruling> live = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> started = new ArrayList<>();
  private LocalGateway gateway;

  @AfterEach
  void stop() throws Exception {
    if (gateway != null) {
      gateway.close();
    }
    for (AutoCloseable c : started) {
      c.close();
    }
  }

  private void start(String name, UnaryOperator<Gateway.Builder> change) throws Exception {
    Workspace demo = demo();
    List<Gateway> gateways = demo.gateways().stream().map(g -> {
      Gateway.Builder b = g.newBuilder().localPort(0);
      return (g.name().equals(name) ? change.apply(b) : b).build();
    }).toList();
    Workspace ws = demo.newBuilder().gateways(gateways).build();
    MutableClock clock = new MutableClock(START);
    gateway = LocalGateway.create(ws, Pipeline.builder(ws).clock(clock).build(), clock);
    gateway.start();
    gateway.onRuling(live::add);
  }

  private HttpResponse<String> send(String gw, String method, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port(gw) + path))
        .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Ruling lastRuling() {
    return live.getLast();
  }

  @Test
  @DisplayName("AWS docs http-api-cors.html: an HTTP API with CORS answers preflight itself, without the authoriser")
  void httpApiAnswersPreflightWithoutTheAuthoriser() throws Exception {
    start("mobile", b -> b.cors(BROWSER_APP));
    HttpResponse<String> preflight = send("mobile", "OPTIONS", "/v2/me", "Origin", ORIGIN,
        "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("GET,POST");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("authorization,content-type");
    assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).contains("300");
    assertThat(lastRuling().check("cors.preflight")).hasValueSatisfying(c -> assertThat(c.passed()).isTrue());
    assertThat(lastRuling().checks()).noneMatch(c -> c.id().startsWith("jwt") || c.id().equals("authorizer"));

    HttpResponse<String> stranger = send("mobile", "OPTIONS", "/v2/me", "Origin", "https://evil.example",
        "Access-Control-Request-Method", "GET");
    assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  @DisplayName("AWS docs http-api-cors.html; observed aws/aws-sam-cli#9087: an HTTP API's 401 carries its CORS headers")
  void httpApiAddsCorsHeadersToItsOwnRefusal() throws Exception {
    start("mobile", b -> b.cors(BROWSER_APP));
    HttpResponse<String> refused = send("mobile", "GET", "/v2/me", "Origin", ORIGIN);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(refused.headers().firstValue("Access-Control-Expose-Headers")).contains("x-request-id");
    assertThat(lastRuling().check("cors.browser")).hasValueSatisfying(c -> {
      assertThat(c.passed()).isTrue();
      assertThat(c.evidence()).contains("can read this 401");
    });
  }

  @Test
  @DisplayName("AWS docs how-to-cors.html; spec §1.1: REST preflight is the OPTIONS mock, and a 401 carries no CORS headers")
  void restUnauthorizedIsACorsErrorInTheBrowser() throws Exception {
    start("payments", b -> b.cors(new Gateway.Cors(List.of("*"), List.of("GET", "OPTIONS"), List.of("Authorization"),
        null, null, false)));
    HttpResponse<String> preflight = send("payments", "OPTIONS", "/prod/me", "Origin", ORIGIN,
        "Access-Control-Request-Method", "GET");
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(lastRuling().checks()).noneMatch(c -> c.id().startsWith("cognito"));

    HttpResponse<String> refused = send("payments", "GET", "/prod/me", "Origin", ORIGIN);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(lastRuling().check("cors.browser")).hasValueSatisfying(c -> {
      assertThat(c.passed()).isFalse();
      assertThat(c.evidence()).contains("would not see this 401 UNAUTHORIZED").contains("CORS error instead")
          .contains("UNAUTHORIZED (or DEFAULT_4XX) gateway response");
    });
  }

  @Test
  @DisplayName("AWS docs how-to-cors.html: a REST OPTIONS method with a mock integration answers preflight without auth")
  void restOwnOptionsMockMethodAnswersPreflight() throws Exception {
    Route options = new Route("OPTIONS", "/me", Route.AuthorizationType.NONE, null, null, false,
        new Integration.Mock(200, Map.of("Access-Control-Allow-Origin", ORIGIN, "Access-Control-Allow-Methods", "GET"), ""), null);
    start("payments", b -> b.routes(java.util.stream.Stream.concat(demo().gateway("payments").orElseThrow().routes().stream(),
        java.util.stream.Stream.of(options)).toList()));
    HttpResponse<String> preflight = send("payments", "OPTIONS", "/prod/me", "Origin", ORIGIN,
        "Access-Control-Request-Method", "GET");

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("GET");
    assertThat(lastRuling().routeKey()).isEqualTo("OPTIONS /me");
    assertThat(lastRuling().check("cors.browser")).hasValueSatisfying(c -> assertThat(c.passed()).isTrue());
  }

  @Test
  @DisplayName("spec §1.1: DEFAULT_4XX customises every 4XX type not customised itself; templates substitute $context")
  void gatewayResponsesSetStatusHeadersAndBody() throws Exception {
    start("payments", b -> b.stageVariables(Map.of("env", "blue")).gatewayResponses(Map.of(
        "DEFAULT_4XX", new Gateway.GatewayResponse(null,
            Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "method.request.header.Origin"),
            Map.of("application/json", "{\"error\":$context.error.messageString,\"type\":\"$context.error.responseType\","
                + "\"env\":\"${stageVariables.env}\"}")),
        "MISSING_AUTHENTICATION_TOKEN", new Gateway.GatewayResponse(404, Map.of(), Map.of()))));

    HttpResponse<String> refused = send("payments", "GET", "/prod/me", "Origin", ORIGIN);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).isEqualTo("{\"error\":\"Unauthorized\",\"type\":\"UNAUTHORIZED\",\"env\":\"blue\"}");
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(lastRuling().check("gatewayResponse")).hasValueSatisfying(c ->
        assertThat(c.evidence()).contains("DEFAULT_4XX gateway response, as UNAUTHORIZED is not customised"));
    assertThat(lastRuling().check("cors.browser")).hasValueSatisfying(c -> assertThat(c.passed()).isTrue());

    HttpResponse<String> unknown = send("payments", "GET", "/prod/nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
  }

  @Test
  @DisplayName("AWS docs aws-api-gateway-stage-variables-reference.html: stage variables in events and integration URIs")
  void stageVariablesReachEventsAndUris() throws Exception {
    MockWebServer upstream = new MockWebServer();
    upstream.enqueue(new MockResponse.Builder().code(200).body("from blue").build());
    upstream.start();
    started.add(upstream);
    Route proxied = new Route("GET", "/v2/status", Route.AuthorizationType.NONE, null, null, false,
        new Integration.Http("http://127.0.0.1:${stageVariables.upstreamPort}/${stageVariables.env}/status"), null);
    Route echoed = new Route("GET", "/v2/open", Route.AuthorizationType.NONE, null, null, false, null, null);
    start("mobile", b -> b.stageVariables(Map.of("env", "blue", "upstreamPort", String.valueOf(upstream.getPort())))
        .routes(List.of(proxied, echoed)));

    HttpResponse<String> event = send("mobile", "GET", "/v2/open");
    assertThat(Json.mapper().readTree(event.body()).path("stageVariables").path("env").asText()).isEqualTo("blue");

    HttpResponse<String> status = send("mobile", "GET", "/v2/status");
    assertThat(status.body()).isEqualTo("from blue");
    RecordedRequest got = upstream.takeRequest();
    assertThat(got.getTarget()).isEqualTo("/blue/status");
    assertThat(lastRuling().check("stageVariables")).hasValueSatisfying(c -> assertThat(c.evidence())
        .contains("/blue/status"));
  }

  @Test
  @DisplayName("spec §1.2 (KC-403): a private API's caller outside the allowed VPC endpoint gets the resource-policy 403")
  void privateApiRefusesCallersOutsideItsEndpoint() throws Exception {
    PolicyDocument onlyThroughVpce = Json.mapper().readValue("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke",
          "Resource":"arn:aws:execute-api:*:*:*/*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-0a1b2c3d"}}}]}""",
        PolicyDocument.class);
    start("payments", b -> b.resourcePolicy(onlyThroughVpce)
        .endpointConfiguration(new Gateway.EndpointConfiguration(Gateway.EndpointType.PRIVATE, List.of("vpce-0a1b2c3d"))));

    HttpResponse<String> outside = send("payments", "GET", "/prod/health");
    assertThat(outside.statusCode()).isEqualTo(403);
    assertThat(outside.body()).contains("User: anonymous is not authorized to perform: execute-api:Invoke on resource: ");
    assertThat(lastRuling().check("resourcePolicy")).hasValueSatisfying(c -> assertThat(c.evidence())
        .contains("came through no VPC endpoint").contains("X-Portcullis-Source-Vpce"));

    HttpResponse<String> inside = send("payments", "GET", "/prod/health", "X-Portcullis-Source-Vpce", "vpce-0a1b2c3d");
    assertThat(inside.statusCode()).isEqualTo(200);
  }
}
