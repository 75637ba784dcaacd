package dev.portcullis.engine.importer.sam;

import static dev.portcullis.engine.importer.CorpusExpectationsAccess.corpus;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.gateway.LocalGateway;
import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.model.Gateway;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SAM's REST {@code Cors} becomes the OPTIONS mock methods SAM adds (samtranslator {@code add_cors}), and SAM's
 * {@code Auth} goes on them as it does on every method: the DefaultAuthorizer unless
 * {@code AddDefaultAuthorizerToCorsPreflight: false}, the API key unless {@code AddApiKeyRequiredToCorsPreflight: false}.
 * A browser preflight carries no credentials, so on AWS it is refused by default; the local gateway must agree.
 */
class SamCorsPreflightTest {
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

  private static String template(String cors, String auth) {
    return """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          ItemsApi:
            Type: AWS::Serverless::Api
            Properties:
              StageName: Prod
              Cors: %s
              Auth:
        %s
          ItemsFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              Runtime: python3.12
              Events:
                List:
                  Type: Api
                  Properties: {RestApiId: !Ref ItemsApi, Path: /items, Method: get}
                Create:
                  Type: Api
                  Properties: {RestApiId: !Ref ItemsApi, Path: /items, Method: post}
                Anything:
                  Type: Api
                  Properties: {RestApiId: !Ref ItemsApi, Path: "/items/{id}", Method: any, Auth: {Authorizer: NONE}}
        """.formatted(cors, auth.indent(8).stripTrailing());
  }

  private static final String COGNITO = """
      DefaultAuthorizer: Pool
      Authorizers:
        Pool:
          UserPoolArn: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc""";

  private Workspace imported(String yaml) throws Exception {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, yaml);
    ImportResult r = Importer.create().importFile(file);
    assertThat(r.report().unreadable()).isEmpty();
    return r.workspace();
  }

  private HttpResponse<String> preflight(Workspace ws, String path) throws Exception {
    return preflight(ws, "itemsapi", path);
  }

  private HttpResponse<String> preflight(Workspace ws, String gatewayName, String path) throws Exception {
    gateway = dev.portcullis.engine.testing.FreePortGateway.start(ws);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port(gatewayName) + "/Prod" + path))
        .timeout(Duration.ofSeconds(10)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization").build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest(name = "AddDefaultAuthorizerToCorsPreflight {0}: preflight {2}")
  @CsvSource({"absent, COGNITO_USER_POOLS Pool, 401", "true, COGNITO_USER_POOLS Pool, 401", "false, NONE, 200"})
  void theDefaultAuthorizerGuardsThePreflightUnlessTheFlagSaysFalse(String flag, String expected, int status) throws Exception {
    String auth = COGNITO + (flag.equals("absent") ? "" : "\nAddDefaultAuthorizerToCorsPreflight: " + flag);
    Workspace ws = imported(template("\"'" + ORIGIN + "'\"", auth));
    Gateway g = ws.gateway("itemsapi").orElseThrow();

    assertThat(routes(g)).containsEntry("OPTIONS /items", expected).containsEntry("GET /items", "COGNITO_USER_POOLS Pool")
        // the event's Authorizer: NONE is for its own method; SAM's OPTIONS on that path still gets the default
        .containsEntry("ANY /items/{id}", "NONE").containsEntry("OPTIONS /items/{id}", expected);
    HttpResponse<String> answer = preflight(ws, "/items");
    assertThat(answer.statusCode()).isEqualTo(status);
    if (status == 200) {
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
      assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).contains("GET,OPTIONS,POST");
    } else {
      // the UNAUTHORIZED gateway response carries no CORS headers, so the browser reports a CORS error
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }

  @ParameterizedTest(name = "AddApiKeyRequiredToCorsPreflight {0}: preflight {2}")
  @CsvSource({"absent, true, 403", "false, false, 200"})
  void theApiKeyGuardsThePreflightUnlessTheFlagSaysFalse(String flag, boolean keyed, int status) throws Exception {
    String auth = "ApiKeyRequired: true" + (flag.equals("absent") ? "" : "\nAddApiKeyRequiredToCorsPreflight: " + flag);
    Workspace ws = imported(template("{AllowOrigin: \"'*'\", AllowHeaders: \"'Content-Type,X-Api-Key'\", MaxAge: 600}", auth));
    Route options = ws.gateway("itemsapi").orElseThrow().routes().stream().filter(r -> r.key().equals("OPTIONS /items")).findFirst().orElseThrow();

    assertThat(options.authorization()).isEqualTo(Route.AuthorizationType.NONE);
    assertThat(options.apiKeyRequired()).isEqualTo(keyed);
    HttpResponse<String> answer = preflight(ws, "/items");
    assertThat(answer.statusCode()).isEqualTo(status);
    if (status == 200) {
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
      assertThat(answer.headers().firstValue("Access-Control-Allow-Headers")).contains("Content-Type,X-Api-Key");
      assertThat(answer.headers().firstValue("Access-Control-Max-Age")).contains("600");
    }
  }

  @Test
  void aPathWithAnyAllowsEveryMethodAndAPathsOwnOptionsMethodIsKept() throws Exception {
    String yaml = template("\"'*'\"", "AddDefaultAuthorizerToCorsPreflight: false\n" + COGNITO) + """
                Preflight:
                  Type: Api
                  Properties: {RestApiId: !Ref ItemsApi, Path: /items, Method: options}
        """;
    Workspace ws = imported(yaml);
    Gateway g = ws.gateway("itemsapi").orElseThrow();

    // the template's own OPTIONS /items stands (SAM skips a path that has one), and the flag keeps the default off it too
    Route own = g.routes().stream().filter(r -> r.key().equals("OPTIONS /items")).findFirst().orElseThrow();
    assertThat(own.authorization()).isEqualTo(Route.AuthorizationType.NONE);
    assertThat(own.integration()).isInstanceOf(dev.portcullis.engine.model.Integration.Echo.class);
    HttpResponse<String> answer = preflight(ws, "/items/42");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).contains("DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT");
  }

  @Test
  void theCorpusCognitoApiRefusesABrowsersPreflightAsAwsDoes() throws Exception {
    ImportResult r = Importer.create().importFile(corpus("sam/06-owasp-order-cognito-template.yaml"));

    assertThat(preflight(r.workspace(), "orderapi", "/placeOrder").statusCode()).isEqualTo(401);
    assertThat(r.report().mapped()).anySatisfy(i -> assertThat(i.detail()).contains("OPTIONS mock method SAM adds to 2 path(s) behind the DefaultAuthorizer"));
  }
}
