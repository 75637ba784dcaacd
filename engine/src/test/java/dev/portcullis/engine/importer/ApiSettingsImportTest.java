package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS, gateway responses, stage variables and endpoint types are mapped from OpenAPI extensions
 * (spec §8), SAM and CloudFormation, and the report says "mapped" where it used to say "left out".
 */
class ApiSettingsImportTest {
  private static final Path CORPUS = Path.of(System.getProperty("portcullis.shared"), "oracles/import-corpus");

  private static ImportResult imported(Path file) throws Exception {
    return Importer.create().importFile(file);
  }

  private static List<String> subjects(List<ImportReport.Item> items) {
    return items.stream().map(ImportReport.Item::subject).toList();
  }

  @Test
  void openApiGatewayResponsesAreMapped() throws Exception {
    ImportResult r = imported(CORPUS.resolve("openapi/09-serverless-samples-python-rest-swagger.yaml"));
    Gateway g = r.workspace().gateways().getFirst();

    assertThat(g.gatewayResponses()).containsKeys("BAD_REQUEST_BODY", "DEFAULT_4XX");
    Gateway.GatewayResponse body = g.gatewayResponses().get("BAD_REQUEST_BODY");
    assertThat(body.statusCode()).isEqualTo(400);
    assertThat(body.responseParameters()).containsEntry("gatewayresponse.header.Access-Control-Allow-Origin", "'*'");
    assertThat(body.responseTemplates().get("application/json")).contains("$context.error.messageString");
    assertThat(subjects(r.report().mapped())).anyMatch(s -> s.contains("x-amazon-apigateway-gateway-responses"));
    assertThat(subjects(r.report().leftOut())).noneMatch(s -> s.contains("gateway-responses"));
  }

  @Test
  void samCorsAndPrivateEndpointAreMapped() throws Exception {
    ImportResult r = imported(CORPUS.resolve("sam/05-owasp-payment-private-iam-policy-template.yaml"));
    Gateway g = r.workspace().gateways().getFirst();

    assertThat(g.cors()).isNotNull().satisfies(c -> assertThat(c.allowOrigins()).containsExactly("*"));
    assertThat(g.privateApi()).isTrue();
    assertThat(subjects(r.report().mapped())).anyMatch(s -> s.endsWith(" Cors")).anyMatch(s -> s.endsWith(" EndpointConfiguration"));
    assertThat(subjects(r.report().leftOut())).noneMatch(s -> s.endsWith(" Cors") || s.endsWith(" EndpointConfiguration"));
  }

  @Test
  void cloudFormationGatewayResponsesStageVariablesAndHttpCorsAreMapped(@TempDir Path dir) throws Exception {
    Path template = dir.resolve("template.yaml");
    Files.writeString(template, """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Name: shop
              EndpointConfiguration:
                Types: [PRIVATE]
                VpcEndpointIds: [vpce-0a1b2c3d]
          Health:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !GetAtt Api.RootResourceId
              HttpMethod: GET
              AuthorizationType: NONE
          Unauthorized:
            Type: AWS::ApiGateway::GatewayResponse
            Properties:
              RestApiId: !Ref Api
              ResponseType: UNAUTHORIZED
              StatusCode: "401"
              ResponseParameters:
                gatewayresponse.header.Access-Control-Allow-Origin: "'https://app.example.com'"
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              StageName: prod
              Variables:
                env: blue
          Http:
            Type: AWS::ApiGatewayV2::Api
            Properties:
              Name: web
              ProtocolType: HTTP
              CorsConfiguration:
                AllowOrigins: [https://app.example.com]
                AllowMethods: [GET, POST]
                AllowHeaders: [authorization]
                MaxAge: 600
                AllowCredentials: true
        """);
    ImportResult r = imported(template);
    Workspace ws = r.workspace();
    Gateway shop = ws.gateway("shop").orElseThrow();
    Gateway web = ws.gateway("web").orElseThrow();

    assertThat(shop.gatewayResponses().get("UNAUTHORIZED").responseParameters())
        .containsEntry("gatewayresponse.header.Access-Control-Allow-Origin", "'https://app.example.com'");
    assertThat(shop.stageVariables()).containsEntry("env", "blue");
    assertThat(shop.endpointConfiguration().vpcEndpointIds()).containsExactly("vpce-0a1b2c3d");
    assertThat(web.cors()).isEqualTo(new Gateway.Cors(List.of("https://app.example.com"), List.of("GET", "POST"),
        List.of("authorization"), List.of(), 600, true));
    assertThat(subjects(r.report().mapped())).contains("gateway response Unauthorized", "Http CorsConfiguration");
  }
}
