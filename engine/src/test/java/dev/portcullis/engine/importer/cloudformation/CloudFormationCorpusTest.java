package dev.portcullis.engine.importer.cloudformation;

import static dev.portcullis.engine.importer.CorpusExpectationsAccess.authorizers;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.corpus;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.map;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.model.Gateway;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CloudFormation file of the corpus (import-facts §3), routes written down from reading each:
 * paths found by walking ParentId, AuthorizationType and AuthorizerId per method or route, inline
 * OpenAPI bodies, CDK synth output with hashed logical ids.
 */
class CloudFormationCorpusTest {

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("cloudformation/01-cognito-restapi-vpclink-template.yml", Map.of("serverless-pattern-private-rest-api", map(
            "ANY /=COGNITO_USER_POOLS CognitoAuthorizer", "ANY /{proxy+}=COGNITO_USER_POOLS CognitoAuthorizer", "OPTIONS /{proxy+}=NONE"))),
        Arguments.of("cloudformation/02-apigw-rest-api-dynamodb-apikey-usageplan.yml", Map.of("api-music", map(
            "POST /music=NONE +key", "GET /music/{artist}=NONE +key"))),
        Arguments.of("cloudformation/03-oauth-cognito-scopes-prerequisite.yaml", Map.of("mycogauthapi", map(
            "POST /=COGNITO_USER_POOLS CognitoAuthorizer [petstore-api.example.com/domestic.read]"))),
        Arguments.of("cloudformation/04-sam-cli-cfn-apigw-v1.yaml", Map.of("restapi", map(
            "GET /requestauthorizertoken=CUSTOM TokenAuthorizer", "GET /requestauthorizerrequest=CUSTOM RequestAuthorizer"))),
        Arguments.of("cloudformation/05-sam-cli-cfn-apigw-v2.yaml", Map.of("http", map(
            "GET /requestauthorizerv2=CUSTOM RequestAuthorizerV2", "GET /requestauthorizerv2simple=CUSTOM RequestAuthorizerV2Simple",
            "GET /requestauthorizerv1=CUSTOM RequestAuthorizerV1"))),
        Arguments.of("cloudformation/06-sam-cli-swagger-http-inline-body.yaml", Map.of("httpapiopenapi", map(
            "GET /requestauthorizer=CUSTOM RegularAuth", "GET /requestauthorizersimple=CUSTOM SimpleAuth"))),
        Arguments.of("cloudformation/07-sam-cli-swagger-api-inline-body.yaml", Map.of(
            "restapiswagger", map("GET /=CUSTOM ApiKeyAuthRequest", "GET /requestauthorizerswaggerrequest=CUSTOM ApiKeyAuthRequest",
                "GET /requestauthorizerswaggertoken=CUSTOM ApiKeyAuthToken",
                "GET /requestauthorizerswaggerrequest/{status}=CUSTOM ApiKeyAuthRequest",
                "GET /requestauthorizerswaggertoken/{status}=CUSTOM ApiKeyAuthToken"),
            "restapiopenapi", map("GET /requestauthorizeropenapi=CUSTOM ApiKeyAuth"))),
        Arguments.of("cloudformation/08-cdk-synth-httpapi-lambda-authorizer.template.json", Map.of(
            "myhttpapi", map("GET /=CUSTOM my-simple-authorizer"),
            "myhttpapiwithdefaultauthorizer", map("ANY /v1/mything/{proxy+}=CUSTOM my-simple-authorizer"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void importsTheRoutesTheTemplateDeclares(String file, Map<String, Map<String, String>> expected) throws Exception {
    ImportResult r = Importer.create().importFile(corpus(file));
    Map<String, Map<String, String>> actual = new LinkedHashMap<>();
    r.workspace().gateways().forEach(g -> actual.put(g.name(), routes(g)));
    assertThat(actual).isEqualTo(expected);
    assertThat(r.report().unreadable()).isEmpty();
    assertThat(r.report().kind()).startsWith("CloudFormation");
  }

  @Test
  void authoriserPropertiesAreReadAsWritten() throws Exception {
    assertThat(authorizers(gateway("cloudformation/04-sam-cli-cfn-apigw-v1.yaml", "restapi"))).containsExactly(
        Map.entry("TokenAuthorizer", "TOKEN method.request.header.header ttl=300"),
        Map.entry("RequestAuthorizer", "REQUEST method.request.header.header,method.request.querystring.query ttl=300"));
    assertThat(authorizers(gateway("cloudformation/05-sam-cli-cfn-apigw-v2.yaml", "http"))).containsExactly(
        Map.entry("RequestAuthorizerV2", "REQUEST $request.header.header,$request.querystring.query ttl=0 payload=2.0"),
        Map.entry("RequestAuthorizerV2Simple", "REQUEST $request.header.header,$request.querystring.query ttl=0 payload=2.0 simple"),
        Map.entry("RequestAuthorizerV1", "REQUEST $request.header.header,$request.querystring.query ttl=0 payload=1.0"));
    assertThat(authorizers(gateway("cloudformation/08-cdk-synth-httpapi-lambda-authorizer.template.json", "myhttpapi")))
        .containsExactly(Map.entry("my-simple-authorizer", "REQUEST $request.header.X-API-Key ttl=300 payload=2.0 simple"));
  }

  @Test
  void usagePlansAndResourcePoliciesAttachToTheirApi() throws Exception {
    Gateway music = gateway("cloudformation/02-apigw-rest-api-dynamodb-apikey-usageplan.yml", "api-music");
    assertThat(music.usagePlans()).singleElement().satisfies(p -> {
      assertThat(p.throttle()).isNotNull();
      assertThat(p.quota()).isNotNull();
    });
    Gateway vpc = gateway("cloudformation/01-cognito-restapi-vpclink-template.yml", "serverless-pattern-private-rest-api");
    assertThat(vpc.resourcePolicy()).isNotNull();
    assertThat(vpc.resourcePolicy().statements()).isNotEmpty();
  }

  private static Gateway gateway(String file, String name) throws Exception {
    return Importer.create().importFile(corpus(file)).workspace().gateway(name).orElseThrow();
  }
}
