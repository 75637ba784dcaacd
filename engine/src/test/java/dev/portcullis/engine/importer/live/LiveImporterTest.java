package dev.portcullis.engine.importer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.engine.importer.CorpusExpectationsAccess;
import dev.portcullis.engine.importer.ImportException;
import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.model.Gateway;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The live import against a local stand-in for the API Gateway control plane that answers with
 * AWS's documented shapes (import-facts §5: v1 lists {@code {"item": [...], "position"}}, v2 lists
 * {@code {"items": [...], "nextToken"}}), split over pages, and refuses one API with AccessDenied.
 * The SDK clients really send, sign and parse; only the endpoint is local.
 */
class LiveImporterTest {
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private LiveImporter importer() {
    return LiveImporter.create(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "stub-secret")),
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  private void answer(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
    requests.add(ex.getRequestMethod() + " " + path + (query.isEmpty() ? "" : "?" + query) + " signed="
        + String.valueOf(ex.getRequestHeaders().getFirst("Authorization")).startsWith("AWS4-HMAC-SHA256"));
    String body;
    int status = 200;
    String error = null;
    switch (path) {
      case "/restapis/denied" -> {
        status = 403;
        error = "AccessDeniedException";
        body = "{\"message\":\"User: arn:aws:iam::111122223333:user/dev is not authorized to perform: apigateway:GET on resource:"
            + " arn:aws:apigateway:eu-west-1::/restapis/denied\"}";
      }
      case "/restapis/rest1" -> body = """
          {"id":"rest1","name":"payments","apiKeySource":"HEADER",
           "policy":"{\\\\\\"Version\\\\\\":\\\\\\"2012-10-17\\\\\\",\\\\\\"Statement\\\\\\":[{\\\\\\"Effect\\\\\\":\\\\\\"Allow\\\\\\",\\\\\\"Principal\\\\\\":\\\\\\"*\\\\\\",\\\\\\"Action\\\\\\":\\\\\\"execute-api:Invoke\\\\\\",\\\\\\"Resource\\\\\\":\\\\\\"arn:aws:execute-api:eu-west-1:111122223333:rest1/*\\\\\\"}]}"}""";
      case "/restapis/rest1/authorizers" -> body = query.contains("position=a2")
          ? """
            {"item":[{"id":"a2","name":"partner-gate","type":"REQUEST","identitySource":"method.request.header.x-api-key","authorizerResultTtlInSeconds":300,"authorizerUri":"arn:aws:lambda:fn"}]}"""
          : """
            {"item":[{"id":"a1","name":"mobile-users","type":"COGNITO_USER_POOLS","identitySource":"method.request.header.Authorization","providerARNs":["arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_AbC"]}],"position":"a2"}""";
      case "/restapis/rest1/resources" -> body = query.contains("position=r2")
          ? """
            {"item":[{"id":"r3","parentId":"r1","path":"/partners/{id}","pathPart":"{id}","resourceMethods":{"POST":{"httpMethod":"POST","authorizationType":"CUSTOM","authorizerId":"a2","apiKeyRequired":true}}},
                     {"id":"r4","parentId":"r1","path":"/internal","pathPart":"internal","resourceMethods":{"POST":{"httpMethod":"POST","authorizationType":"AWS_IAM","apiKeyRequired":false}}}]}"""
          : """
            {"item":[{"id":"r1","path":"/"},{"id":"r2","parentId":"r1","path":"/me","pathPart":"me","resourceMethods":{"GET":{"httpMethod":"GET","authorizationType":"COGNITO_USER_POOLS","authorizerId":"a1","authorizationScopes":["profile.read"],"apiKeyRequired":false,"methodIntegration":{"type":"AWS_PROXY","uri":"arn:aws:lambda:me"}},"DELETE":{"httpMethod":"DELETE","authorizationType":"CUSTOM","authorizerId":"gone","apiKeyRequired":false},"OPTIONS":{"httpMethod":"OPTIONS","authorizationType":"NONE","apiKeyRequired":false,"methodIntegration":{"type":"MOCK","integrationResponses":{"200":{"statusCode":"200","responseParameters":{"method.response.header.Access-Control-Allow-Origin":"'https://app.example.com'","method.response.header.Access-Control-Allow-Methods":"'GET,DELETE,OPTIONS'"},"responseTemplates":{"application/json":""}}}}}}}],"position":"r2"}""";
      case "/restapis" -> body = query.contains("position=p2")
          ? "{\"item\":[{\"id\":\"rest2\",\"name\":\"back office\"}]}"
          : "{\"item\":[{\"id\":\"rest1\",\"name\":\"payments\"}],\"position\":\"p2\"}";
      case "/v2/apis" -> body = query.contains("nextToken=n2")
          ? "{\"items\":[{\"apiId\":\"ws1\",\"name\":\"chat\",\"protocolType\":\"WEBSOCKET\"}]}"
          : "{\"items\":[{\"apiId\":\"http1\",\"name\":\"b2b\",\"protocolType\":\"HTTP\"}],\"nextToken\":\"n2\"}";
      case "/restapis/rest1/stages" -> body = "{\"item\":[{\"stageName\":\"prod\",\"variables\":{}}]}";
      case "/usageplans" -> body = """
          {"item":[{"id":"u1","name":"partners","apiStages":[{"apiId":"rest1","stage":"prod","throttle":{"/partners/{id}/POST":{"burstLimit":20,"rateLimit":10.0}}}],
            "throttle":{"burstLimit":200,"rateLimit":100.0},"quota":{"limit":1000000,"offset":0,"period":"DAY"}},
           {"id":"u2","name":"other","apiStages":[{"apiId":"elsewhere","stage":"prod"}]}]}""";
      case "/restapis/http1" -> {
        status = 404;
        error = "NotFoundException";
        body = "{\"message\":\"Invalid API identifier specified 111122223333:http1\"}";
      }
      case "/v2/apis/http1" -> body = "{\"apiId\":\"http1\",\"name\":\"b2b\",\"protocolType\":\"HTTP\",\"apiEndpoint\":\"https://http1.execute-api.eu-west-1.amazonaws.com\"}";
      case "/v2/apis/http1/authorizers" -> body = """
          {"items":[{"authorizerId":"j1","name":"bank","authorizerType":"JWT","identitySource":["$request.header.Authorization"],
            "jwtConfiguration":{"issuer":"https://bank.example.com","audience":["payments.example.com"]}}]}""";
      case "/v2/apis/http1/routes" -> body = query.contains("nextToken=t2")
          ? "{\"items\":[{\"routeId\":\"q2\",\"routeKey\":\"GET /b2b/health\",\"authorizationType\":\"NONE\"}]}"
          : "{\"items\":[{\"routeId\":\"q1\",\"routeKey\":\"POST /b2b/settlements\",\"authorizationType\":\"JWT\",\"authorizerId\":\"j1\","
              + "\"authorizationScopes\":[\"settlements:write\"]}],\"nextToken\":\"t2\"}";
      case "/v2/apis/http1/stages" -> body = "{\"items\":[{\"stageName\":\"$default\"}]}";
      default -> {
        status = 404;
        error = "NotFoundException";
        body = "{\"message\":\"no stub for " + path + "\"}";
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    if (error != null) {
      ex.getResponseHeaders().add("x-amzn-ErrorType", error);
    }
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Test
  void readsARestApiPagingEveryListAndNeverOpensAnUnreadableMethod() throws Exception {
    ImportResult r = importer().importSource("aws:eu-west-1/rest1");
    Gateway g = r.workspace().gateways().get(0);
    assertThat(g.flavor()).isEqualTo(Gateway.Flavor.REST);
    assertThat(g.region()).isEqualTo("eu-west-1");
    assertThat(CorpusExpectationsAccess.routes(g)).containsExactlyInAnyOrderEntriesOf(CorpusExpectationsAccess.map(
        "GET /me=COGNITO_USER_POOLS mobile-users [profile.read]", "DELETE /me=CUSTOM unreadable-protection",
        "POST /partners/{id}=CUSTOM partner-gate +key", "POST /internal=AWS_IAM", "OPTIONS /me=NONE"));
    // the console's Enable CORS method answers its static headers locally, as it does on AWS
    assertThat(g.routes().stream().filter(x -> x.key().equals("OPTIONS /me")).findFirst().orElseThrow().integration())
        .isInstanceOfSatisfying(dev.portcullis.engine.model.Integration.Mock.class, m -> assertThat(m.headers())
            .containsEntry("Access-Control-Allow-Origin", "https://app.example.com").containsEntry("Access-Control-Allow-Methods", "GET,DELETE,OPTIONS"));
    assertThat(r.report().unreadable()).singleElement().satisfies(u -> assertThat(u.why()).contains("authoriser id gone"));
    assertThat(g.usagePlans()).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("partners");
      assertThat(p.quota().limit()).isEqualTo(1_000_000);
      assertThat(p.methodThrottles()).containsKey("POST /partners/{id}");
    });
    assertThat(g.resourcePolicy()).isNotNull();
    assertThat(g.resourcePolicy().statements()).hasSize(1);
    assertThat(requests).contains("GET /restapis/rest1/authorizers?position=a2&limit=500 signed=true")
        .anyMatch(q -> q.startsWith("GET /restapis/rest1/resources?") && q.contains("embed=methods") && q.contains("position=r2"));
    assertThat(requests).noneMatch(q -> q.contains("/apikeys"));
    assertThat(r.report().source()).isEqualTo("aws:eu-west-1/rest1");
    assertThat(r.report().kind()).isEqualTo("live account (eu-west-1)");
  }

  @Test
  void anIdThatIsNoRestApiIsReadAsAnHttpApiWithRoutesPagedByNextToken() throws Exception {
    ImportResult r = importer().importSource("aws:eu-west-1/http1");
    Gateway g = r.workspace().gateways().get(0);
    assertThat(g.flavor()).isEqualTo(Gateway.Flavor.HTTP);
    assertThat(CorpusExpectationsAccess.routes(g)).containsExactlyInAnyOrderEntriesOf(CorpusExpectationsAccess.map(
        "POST /b2b/settlements=JWT bank [settlements:write]", "GET /b2b/health=NONE"));
    assertThat(requests).anyMatch(q -> q.startsWith("GET /v2/apis/http1/routes?") && q.contains("nextToken=t2"));
    assertThat(r.workspace().environment("aws").orElseThrow().variables()).containsEntry("baseUrl.b2b", "https://http1.execute-api.eu-west-1.amazonaws.com");
  }

  @Test
  void aDeniedReadIsOneSentenceNamingTheActionAndResource() {
    assertThatThrownBy(() -> importer().importSource("aws:eu-west-1/denied")).isInstanceOf(ImportException.class)
        .hasMessageContaining("AWS refused the read (AccessDeniedException)")
        .hasMessageContaining("apigateway:GET on resource: arn:aws:apigateway:eu-west-1::/restapis/denied")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aRegionAloneListsItsRestAndHttpApisPagingBothLists() {
    assertThatThrownBy(() -> importer().importSource("aws:eu-west-1")).isInstanceOf(ImportException.class)
        .hasMessage("aws:eu-west-1: name one API of the 3 there (id, kind, name), e.g. aws:eu-west-1/rest1:\n"
            + "  aws:eu-west-1/rest1  REST  payments\n  aws:eu-west-1/rest2  REST  back office\n  aws:eu-west-1/http1  HTTP  b2b");
    assertThat(requests).anySatisfy(r -> assertThat(r).startsWith("GET /restapis?").contains("position=p2"))
        .anySatisfy(r -> assertThat(r).startsWith("GET /v2/apis?").contains("nextToken=n2"));
  }

  @Test
  void aMalformedSourceSaysTheForm() {
    assertThatThrownBy(() -> importer().importSource("aws:/nothing")).isInstanceOf(ImportException.class)
        .hasMessageContaining("aws:REGION/API_ID");
  }
}
