package dev.portcullis.engine.importer.serverless;

import static dev.portcullis.engine.importer.CorpusExpectationsAccess.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.gateway.LocalGateway;
import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Serverless Framework's {@code cors}: on {@code http} events, the OPTIONS mock method per path that
 * {@code lib/cors.js} compiles (AuthorizationType NONE, headers merged across the path's events); on the HTTP API,
 * {@code provider.httpApi.cors} as the CorsConfiguration {@code http-api.js} writes, answered before authorisers.
 */
class ServerlessCorsTest {
  private static final String ORIGIN = "https://app.example.com";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private LocalGateway gateway;

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private ImportResult imported(String yaml) throws Exception {
    Path file = dir.resolve("serverless.yml");
    Files.writeString(file, yaml);
    ImportResult r = Importer.create().importFile(file);
    assertThat(r.report().kind()).isEqualTo("Serverless Framework");
    return r;
  }

  private static final String REST = """
      service: shop
      provider:
        name: aws
        stage: dev
      functions:
        auth:
          handler: auth.handler
        items:
          handler: items.handler
          events:
            - http:
                path: items
                method: get
                cors: true
                authorizer: auth
            - http:
                path: items
                method: post
                private: true
                cors:
                  origin: 'https://app.example.com'
                  headers: [Content-Type, Authorization]
                  allowCredentials: true
                  maxAge: 86400
            - http:
                path: orders
                method: get
      """;

  @Test
  void restCorsAddsAnOpenOptionsMockMethodWithTheMergedHeaders() throws Exception {
    ImportResult r = imported(REST);
    Gateway g = r.workspace().gateway("shop").orElseThrow();

    // the framework's OPTIONS method has no authoriser and no API key, whatever the path's other methods have
    assertThat(routes(g)).containsEntry("GET /items", "CUSTOM auth").containsEntry("POST /items", "NONE +key")
        .containsEntry("OPTIONS /items", "NONE").doesNotContainKey("OPTIONS /orders");
    Route options = g.routes().stream().filter(x -> x.key().equals("OPTIONS /items")).findFirst().orElseThrow();
    assertThat(options.integration()).isInstanceOfSatisfying(Integration.Mock.class, m -> assertThat(m.headers())
        // the later event's settings first, then the earlier one's, as lodash's union merges them; its origin wins
        .containsEntry("Access-Control-Allow-Origin", ORIGIN)
        .containsEntry("Access-Control-Allow-Headers", "Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token,"
            + "X-Amz-User-Agent,X-Amzn-Trace-Id")
        .containsEntry("Access-Control-Allow-Methods", "OPTIONS,POST,GET")
        .containsEntry("Access-Control-Allow-Credentials", "true")
        .containsEntry("Access-Control-Max-Age", "86400"));
    assertThat(r.report().leftOut()).noneMatch(i -> i.subject().contains("cors"));

    start(r.workspace());
    HttpResponse<String> preflight = preflight("shop", "/dev/items");
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("OPTIONS,POST,GET");
    // no cors on /orders, so no OPTIONS method there: API Gateway's answer to a method it does not have
    assertThat(preflight("shop", "/dev/orders").statusCode()).isEqualTo(403);
  }

  @Test
  void severalOriginsAreSaidToBeAnsweredByTheFirstLocally() throws Exception {
    ImportResult r = imported("""
        service: shop
        provider: {name: aws}
        functions:
          items:
            handler: items.handler
            events:
              - http: {path: items, method: any, cors: {origins: ['https://a.example.com', 'https://b.example.com']}}
        """);
    Route options = r.workspace().gateway("shop").orElseThrow().routes().stream()
        .filter(x -> x.key().equals("OPTIONS /items")).findFirst().orElseThrow();

    assertThat(((Integration.Mock) options.integration()).headers())
        .containsEntry("Access-Control-Allow-Origin", "https://a.example.com")
        .containsEntry("Access-Control-Allow-Methods", "OPTIONS,DELETE,GET,HEAD,PATCH,POST,PUT");
    assertThat(r.report().leftOut()).anySatisfy(i -> assertThat(i.detail()).contains("request's Origin")
        .contains("https://b.example.com"));
  }

  @Test
  void httpApiCorsTrueFillsTheMethodsFromTheRoutesAndIsAnsweredBeforeTheAuthoriser() throws Exception {
    ImportResult r = imported("""
        service: shop
        provider:
          name: aws
          httpApi:
            cors: true
            authorizers:
              users:
                type: jwt
                identitySource: $request.header.Authorization
                issuerUrl: https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc
                audience: [client1]
        functions:
          items:
            handler: items.handler
            events:
              - httpApi: {method: GET, path: /items, authorizer: {name: users}}
              - httpApi: 'POST /items'
        """);
    Gateway g = r.workspace().gateway("shop-httpapi").orElseThrow();

    assertThat(g.cors()).isNotNull();
    assertThat(g.cors().allowOrigins()).containsExactly("*");
    assertThat(g.cors().allowMethods()).containsExactly("OPTIONS", "GET", "POST");
    assertThat(g.cors().allowHeaders()).containsExactlyElementsOf(ServerlessCors.DEFAULT_HEADERS);
    assertThat(g.cors().allowCredentials()).isFalse();
    assertThat(r.report().mapped()).anyMatch(i -> i.subject().equals("provider.httpApi.cors"));

    start(r.workspace());
    HttpResponse<String> preflight = preflight("shop-httpapi", "/items");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
  }

  @Test
  void httpApiCorsObjectKeepsItsOriginsCredentialsExposedHeadersAndMaxAge() throws Exception {
    ImportResult r = imported("""
        service: shop
        provider:
          name: aws
          httpApi:
            cors:
              allowedOrigins: ['https://app.example.com']
              allowedHeaders: [Content-Type]
              allowedMethods: [GET]
              allowCredentials: true
              exposedResponseHeaders: [X-Request-Id]
              maxAge: 600
        functions:
          items:
            handler: items.handler
            events:
              - httpApi: 'GET /items'
        """);
    Gateway.Cors c = r.workspace().gateway("shop-httpapi").orElseThrow().cors();

    assertThat(c).isEqualTo(new Gateway.Cors(java.util.List.of(ORIGIN), java.util.List.of("GET"), java.util.List.of("Content-Type"),
        java.util.List.of("X-Request-Id"), 600, true));
  }

  private void start(Workspace ws) throws Exception {
    gateway = dev.portcullis.engine.testing.FreePortGateway.start(ws);
  }

  private HttpResponse<String> preflight(String gatewayName, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port(gatewayName) + path))
        .timeout(Duration.ofSeconds(10)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST").build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
