package dev.portcullis.engine.gateway;

import dev.portcullis.engine.testing.MutableClock;
import static dev.portcullis.engine.rules.PipelineFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.Ruling;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo on real loopback ports, called with java.net.http. */
class LocalGatewayTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Ruling> live = new CopyOnWriteArrayList<>();
  private LocalGateway gateway;

  @BeforeEach
  void start() throws Exception {
    Workspace demo = onEphemeralPorts(demo());
    MutableClock clock = new MutableClock(START);
    gateway = LocalGateway.create(demo, Pipeline.builder(demo).clock(clock).build(), clock);
    gateway.start();
    gateway.onRuling(live::add);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  /** The demo pins ports 9321..9323; tests must not depend on them being free. */
  private static Workspace onEphemeralPorts(Workspace ws) {
    var gateways = ws.gateways().stream().map(g -> new dev.portcullis.engine.model.Gateway(g.name(), g.flavor(),
        g.region(), g.accountId(), g.apiId(), g.stage(), g.baseUrl(), 0, g.apiKeySource(), g.routes(), g.authorizers(),
        g.usagePlans(), g.resourcePolicy())).toList();
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), gateways,
        ws.callers(), ws.folders(), ws.requests(), ws.environments(), ws.emulator());
  }

  private HttpResponse<String> send(String gw, String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port(gw) + path))
        .timeout(Duration.ofSeconds(10)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("spec §1.2, §4.4: real HTTP through the local gateway, and the ruling fetched by x-amzn-RequestId")
  void answersAsApiGatewayAndServesTheRuling() throws Exception {
    assertThat(gateway.ports()).containsOnlyKeys("payments", "b2b", "mobile").allSatisfy((k, v) -> assertThat(v).isPositive());
    HttpResponse<String> unknown = send("payments", "GET", "/prod/nope", null);
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(unknown.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");

    HttpResponse<String> ok = send("payments", "POST", "/prod/partners/acme/transactions", "{\"amount\":1}",
        "x-api-key", ACME_KEY, "content-type", "application/json");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"tenantId\":\"acme-001\"").contains("\"body\":\"{\\\"amount\\\":1}\"");
    String requestId = ok.headers().firstValue("x-amzn-RequestId").orElseThrow();

    HttpResponse<String> ruling = send("payments", "GET", "/_portcullis/rulings/" + requestId, null);
    assertThat(ruling.statusCode()).isEqualTo(200);
    assertThat(ruling.body()).contains("\"requestId\":\"" + requestId + "\"").contains("\"id\":\"lambda.policy\"")
        .doesNotContain(ACME_KEY).contains("loca****c3d4");
    assertThat(gateway.rulings(requestId)).hasValueSatisfying(r -> assertThat(r.allowed()).isTrue());
    assertThat(live).extracting(Ruling::requestId).contains(requestId);
  }

  @Test
  @DisplayName("spec §1.3: HTTP APIs answer 404 Not Found with apigw-requestid")
  void httpApiNotFound() throws Exception {
    HttpResponse<String> response = send("mobile", "GET", "/v2/nope", null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    String id = response.headers().firstValue("apigw-requestid").orElseThrow();
    assertThat(send("mobile", "GET", "/_portcullis/rulings/" + id, null).body()).contains("\"decidedBy\":\"route\"");
    assertThat(send("mobile", "GET", "/_portcullis/rulings/unknown-id", null).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("spec §1.3: an HTTP API's apigw-requestid ends in '=', and its ruling is found with it percent-encoded too")
  void httpApiRulingUnderAnEncodedId() throws Exception {
    String id = send("mobile", "GET", "/v2/nope", null).headers().firstValue("apigw-requestid").orElseThrow();
    assertThat(id).endsWith("=");
    String encoded = java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(encoded).contains("%3D");
    HttpResponse<String> ruling = send("mobile", "GET", "/_portcullis/rulings/" + encoded, null);
    assertThat(ruling.statusCode()).isEqualTo(200);
    assertThat(ruling.body()).contains("\"requestId\":\"" + id + "\"");
    // a raw '+' stays a plus, and malformed escapes are looked up as they came (and found under no id)
    assertThat(GatewayHandler.pathSegment("a+b%3D")).isEqualTo("a+b=");
    assertThat(GatewayHandler.pathSegment("%zz")).isEqualTo("%zz");
  }

  @Test
  @DisplayName("spec §1.1: a body over the 10 MB payload quota is 413 REQUEST_TOO_LARGE")
  void tooLarge() throws Exception {
    String big = "x".repeat((int) LocalGateway.MAX_BODY_BYTES + 1);
    HttpResponse<String> response = send("payments", "POST", "/prod/partners/acme/transactions", big, "x-api-key", ACME_KEY);
    assertThat(response.statusCode()).isEqualTo(413);
    String id = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    assertThat(gateway.rulings(id)).hasValueSatisfying(r -> assertThat(r.decidedBy()).isEqualTo("request.size"));
  }
}
