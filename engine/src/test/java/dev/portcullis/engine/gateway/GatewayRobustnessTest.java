package dev.portcullis.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
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

/**
 * Hostile input is ruled as AWS would (spec §1, §3, §5), and the gateway keeps serving afterwards:
 * each test ends with a well-formed request that must still get its normal answer.
 */
class GatewayRobustnessTest {
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

  private static HttpResponse<String> send(String api, String method, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(world.apiUrls().get(api) + path)).timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.ofString("{}"));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void stillServes() throws Exception {
    HttpResponse<String> health = send("payments", "GET", "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void bearerTokenOnAnIamRouteIsAnIncompleteSignature() throws Exception {
    HttpResponse<String> r = send("payments", "POST", "/internal/refresh", "Authorization", "Bearer abc.def.ghi");

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().firstValue("x-amzn-ErrorType")).contains("IncompleteSignatureException");
    stillServes();
  }

  @Test
  void algNoneAndHs256TokensAreRefusedOnTheJwtRoute() throws Exception {
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("{\"iss\":\"" + world.runtimeVariables().get("idpBaseUrl") + "/oidc/bank\",\"aud\":\"payments.example.com\",\"exp\":4102444800}")
            .getBytes(StandardCharsets.UTF_8));
    String hsHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\",\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> none = send("b2b", "POST", "/b2b/settlements", "Authorization", "Bearer " + header + "." + claims + ".");
    HttpResponse<String> hs = send("b2b", "POST", "/b2b/settlements", "Authorization", "Bearer " + hsHeader + "." + claims + ".c2ln");

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(hs.statusCode()).isEqualTo(401);
    stillServes();
  }

  @Test
  void headersOverTheQuotaAreRefusedAndTheGatewayKeepsServing() throws Exception {
    HttpResponse<String> r = send("payments", "GET", "/health", "x-junk", "a".repeat(20_000));

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).isEqualTo("{\"message\":\"Request Too Long\"}");
    String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
    assertThat(world.gateway().rulings(id).orElseThrow().check("request.headerSize").orElseThrow().evidence()).contains("undocumented");
    stillServes();
  }

  @Test
  void garbageOnTheSocketDoesNotStopTheGateway() throws Exception {
    URI base = world.apiUrls().get("payments");
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
      s.setSoTimeout(3000);
      OutputStream out = s.getOutputStream();
      out.write("\u0000\u0001GARBAGE not http\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      s.getInputStream().read();
    } catch (java.io.IOException e) {
      // a dropped connection is the answer to garbage
    }
    stillServes();
  }
}
