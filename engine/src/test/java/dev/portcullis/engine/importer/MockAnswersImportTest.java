package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.gateway.LocalGateway;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * MOCK integrations written in the source (the CORS preflight methods of "Enable CORS" exports and hand-written
 * templates) are imported as the fixed answer they give, so the local gateway answers a preflight with the
 * headers AWS sends instead of echoing the request.
 */
class MockAnswersImportTest {

  private static Route route(Gateway g, String key) {
    return g.routes().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void anOpenApiMockPreflightAnswersItsStaticHeadersOnTheLocalGateway() throws Exception {
    Workspace ws = Importer.create().importFile(CorpusExpectations.corpus("openapi/04-localstack-petstore-authorizer.swagger.json")).workspace();
    Gateway g = ws.gateways().getFirst();
    assertThat(route(g, "OPTIONS /pets").integration()).isInstanceOfSatisfying(Integration.Mock.class, m -> {
      assertThat(m.status()).isEqualTo(200);
      assertThat(m.headers()).containsEntry("Access-Control-Allow-Methods", "POST,GET,OPTIONS").containsEntry("Access-Control-Allow-Origin", "*");
    });
    // an ordinary method still echoes
    assertThat(route(g, "GET /pets").integration()).isInstanceOf(Integration.Echo.class);

    try (LocalGateway gateway = dev.portcullis.engine.testing.FreePortGateway.start(ws)) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port(g.name()) + "/" + g.stage() + "/pets/7"))
          .timeout(Duration.ofSeconds(10)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
          .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "GET").build();
      HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).contains("GET,OPTIONS");
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }
  }

  @Test
  void aCloudFormationMockMethodKeepsItsDefaultIntegrationResponse() throws Exception {
    Workspace ws = Importer.create().importFile(CorpusExpectations.corpus("cloudformation/01-cognito-restapi-vpclink-template.yml")).workspace();
    Route options = ws.gateways().stream().flatMap(g -> g.routes().stream()).filter(r -> r.method().equals("OPTIONS")).findFirst().orElseThrow();

    assertThat(options.authorization()).isEqualTo(Route.AuthorizationType.NONE);
    assertThat(options.integration()).isInstanceOfSatisfying(Integration.Mock.class, m -> {
      assertThat(m.headers()).containsEntry("Access-Control-Allow-Origin", "*")
          .containsEntry("Access-Control-Allow-Headers", "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token")
          .containsEntry("Content-Type", "application/json");
      assertThat(m.body()).isEmpty();
    });
  }

  @Test
  void aMockWhoseTemplateMapsTheRequestStaysAnEchoAndIsNotReportedLeftOut() throws Exception {
    ImportResult r = Importer.create().importFile(CorpusExpectations.corpus("openapi/02-localstack-openapi.spec.global-auth.json"));
    Gateway g = r.workspace().gateways().getFirst();

    // {"echo": "$input.params('data')", ...} answers per request: the local gateway runs no mapping templates
    assertThat(route(g, "ANY /echo/{data}").integration()).isInstanceOf(Integration.Echo.class);
    assertThat(r.report().leftOut()).isEmpty();
  }
}
