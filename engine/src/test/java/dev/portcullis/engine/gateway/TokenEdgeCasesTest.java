package dev.portcullis.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tokens that are JWT-shaped but lack what the authoriser compares (issue 12, item 4): AWS answers
 * 401 Unauthorized (spec apigw-facts §2, §3), never an empty reply, and the gateway keeps a ruling.
 */
class TokenEdgeCasesTest {
  private static LocalWorld world;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    world = LocalWorld.start(demo, Clock.systemUTC(), true, line -> { });
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(String api, String path, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(world.apiUrls().get(api) + path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "payments|/me|{\"alg\":\"RS256\",\"kid\":\"k1\"}|{\"sub\":\"a\",\"token_use\":\"access\"}|x-amzn-RequestId",
      "mobile|/v2/me|{\"alg\":\"RS256\",\"kid\":\"k1\"}|{\"sub\":\"a\",\"aud\":\"x\"}|apigw-requestid",
      "payments|/me|null|{\"sub\":\"a\"}|x-amzn-RequestId",
      "mobile|/v2/me|null|{\"sub\":\"a\"}|apigw-requestid",
      "payments|/me|{\"alg\":\"RS256\"}|null|x-amzn-RequestId",
      "mobile|/v2/me|{\"alg\":\"RS256\"}|null|apigw-requestid"})
  void aTokenWithoutIssOrWithANullHeaderIs401AndRuled(String api, String path, String header, String payload, String idHeader)
      throws Exception {
    HttpResponse<String> r = get(api, path, "Bearer " + b64(header) + "." + b64(payload) + ".c2ln");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    String id = r.headers().firstValue(idHeader).orElseThrow();
    Ruling ruling = world.gateway().rulings(id).orElseThrow();
    assertThat(ruling.allowed()).isFalse();
    assertThat(ruling.outcome().status()).isEqualTo(401);
  }

  @Test
  void aFaultInTheRuleBookIsAnswered500AndRuled() throws Exception {
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    Pipeline ruleBook = Pipeline.builder(demo).build();
    Pipeline broken = new Pipeline() {
      @Override
      public Ruling decide(IncomingRequest request, Gateway gateway) {
        throw new IllegalStateException("a bug in the rule book");
      }

      @Override
      public Ruling tooLarge(IncomingRequest headersOnly, Gateway gateway, long bodyBytes) {
        throw new IllegalStateException("a bug in the rule book");
      }

      @Override
      public Ruling fault(IncomingRequest request, Gateway gateway, RuntimeException fault) {
        return ruleBook.fault(request, gateway, fault);
      }
    };
    try (LocalGateway gateway = LocalGateway.create(LocalWorld.withFreePorts(demo), broken, Clock.systemUTC())) {
      gateway.start();
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port("payments")
          + "/prod/health")).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
      String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
      Ruling ruling = gateway.rulings(id).orElseThrow();
      assertThat(ruling.outcome().status()).isEqualTo(500);
      assertThat(ruling.checks()).anySatisfy(c -> {
        assertThat(c.id()).isEqualTo("gateway.fault");
        assertThat(c.evidence()).contains("IllegalStateException").contains("a bug in the rule book");
      });
    }
  }
}
