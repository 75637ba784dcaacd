package dev.portcullis.engine.importer.sam;

import static dev.portcullis.engine.importer.CorpusExpectationsAccess.authorizers;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.corpus;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.map;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SAM file of the corpus, routes and authorisers written down from reading each template
 * (import-facts §2: event Auth over the API's DefaultAuthorizer over open; ApiKeyRequired for all
 * methods; implicit APIs; HttpApi events without Path/Method are $default).
 */
class SamCorpusTest {

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("sam/01-sessions-http-api-template.yaml", Map.of(
            "httpapi", map("GET /=NONE", "GET /simple=JWT GeneralAuth [email]", "GET /admin=JWT GeneralAuth [Admins-{{Audience}}]",
                "GET /su=JWT GeneralAuth [SU-{{Audience}}]", "GET /both=JWT GeneralAuth [Admins-{{Audience}}, SU-{{Audience}}]"),
            "serverlesshttpapi", map("$default=NONE"))),
        Arguments.of("sam/02-multi-tenant-api-template.yaml", Map.of(
            "myapi", map("GET /{id}=CUSTOM MyLambdaRequestAuthorizer +key", "POST /=CUSTOM MyLambdaRequestAuthorizer +key"))),
        Arguments.of("sam/03-lambda-authorizer-custom-header-template.yaml", Map.of(
            "apigw-lambda-authorizer-mapping-template", map("GET /=CUSTOM MyLambdaTokenAuthorizer"))),
        Arguments.of("sam/04-cognito-httpapi-template.yaml", Map.of("appapi", map("GET /=JWT OAuth2Authorizer [email]"))),
        Arguments.of("sam/05-owasp-payment-private-iam-policy-template.yaml", Map.of("paymentapi", map("POST /makePayment=AWS_IAM",
            "OPTIONS /makePayment=AWS_IAM"))),
        Arguments.of("sam/06-owasp-order-cognito-template.yaml", Map.of(
            "orderapi", map("POST /placeOrder=COGNITO_USER_POOLS CognitoAuthorizer", "GET /listOrders=COGNITO_USER_POOLS CognitoAuthorizer",
                "OPTIONS /placeOrder=COGNITO_USER_POOLS CognitoAuthorizer", "OPTIONS /listOrders=COGNITO_USER_POOLS CognitoAuthorizer"))),
        Arguments.of("sam/08-python-http-sam-template.yaml", Map.of("httpapi", map(
            "GET /locations=CUSTOM LambdaAuthorizer", "PUT /locations=CUSTOM LambdaAuthorizer",
            "GET /locations/{locationid}=CUSTOM LambdaAuthorizer", "DELETE /locations/{locationid}=CUSTOM LambdaAuthorizer",
            "GET /locations/{locationid}/resources=CUSTOM LambdaAuthorizer", "PUT /locations/{locationid}/resources=CUSTOM LambdaAuthorizer",
            "GET /locations/{locationid}/resources/{resourceid}=CUSTOM LambdaAuthorizer",
            "DELETE /locations/{locationid}/resources/{resourceid}=CUSTOM LambdaAuthorizer",
            "GET /locations/{locationid}/resources/{resourceid}/bookings=CUSTOM LambdaAuthorizer",
            "GET /users/{userid}/bookings=CUSTOM LambdaAuthorizer", "PUT /users/{userid}/bookings=CUSTOM LambdaAuthorizer",
            "GET /users/{userid}/bookings/{bookingid}=CUSTOM LambdaAuthorizer",
            "DELETE /users/{userid}/bookings/{bookingid}=CUSTOM LambdaAuthorizer"))),
        Arguments.of("sam/09-apigw-iam-template.yaml", Map.of("appapi", map("GET /=AWS_IAM"))),
        Arguments.of("sam/10-apigw-usage-plans-template.yaml", Map.of("usageplanapi", map("GET /plantest/=NONE +key", "POST /plantest/=NONE +key"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void importsTheRoutesTheTemplateDeclares(String file, Map<String, Map<String, String>> expected) throws Exception {
    ImportResult r = Importer.create().importFile(corpus(file));
    Map<String, Map<String, String>> actual = new LinkedHashMap<>();
    r.workspace().gateways().forEach(g -> actual.put(g.name(), routes(g)));
    assertThat(actual).isEqualTo(expected);
    assertThat(r.report().unreadable()).isEmpty();
    assertThat(r.report().kind()).isEqualTo("SAM template");
  }

  @Test
  void authoriserDetailsComeFromAuthAndIdentity() throws Exception {
    assertThat(authorizers(gateway("sam/02-multi-tenant-api-template.yaml", "myapi")))
        .containsExactly(Map.entry("MyLambdaRequestAuthorizer", "REQUEST method.request.header.x-api-key ttl=0"));
    assertThat(authorizers(gateway("sam/03-lambda-authorizer-custom-header-template.yaml", "apigw-lambda-authorizer-mapping-template")))
        .containsExactly(Map.entry("MyLambdaTokenAuthorizer", "TOKEN method.request.header.AuthorizationToken ttl=300"));
    assertThat(authorizers(gateway("sam/08-python-http-sam-template.yaml", "httpapi")))
        .containsExactly(Map.entry("LambdaAuthorizer", "REQUEST $request.header.Authorization ttl=0 payload=1.0"));
    Gateway order = gateway("sam/06-owasp-order-cognito-template.yaml", "orderapi");
    assertThat(order.authorizer("CognitoAuthorizer")).get().isInstanceOfSatisfying(Authorizer.Cognito.class,
        c -> assertThat(c.userPools()).first().isEqualTo("{{CognitoUserPool.Arn}}"));
  }

  @Test
  void nestedStackOutputsBecomeVariablesWithTheirOrigin() throws Exception {
    ImportResult r = Importer.create().importFile(corpus("sam/04-cognito-httpapi-template.yaml"));
    assertThat(r.report().variables()).anySatisfy(v -> {
      assertThat(v.name()).isEqualTo("AuthStack.Outputs.Issuer");
      assertThat(v.origin()).contains("nested stack AuthStack");
    });
  }

  @Test
  void usagePlansFromTheTemplateAttachToTheirApi() throws Exception {
    Gateway g = gateway("sam/10-apigw-usage-plans-template.yaml", "usageplanapi");
    assertThat(g.usagePlans()).singleElement().satisfies(p -> {
      assertThat(p.quota()).isNotNull();
      assertThat(p.throttle()).isNotNull();
    });
  }

  @Test
  void aMissingIncludeIsSaidAndAPresentOneIsReadWithTheApiKeyRequirement(@TempDir Path dir) throws Exception {
    ImportResult missing = Importer.create().importFile(corpus("sam/07-python-rest-sam-template.yaml"));
    assertThat(missing.report().leftOut()).anySatisfy(i -> assertThat(i.detail()).contains("includes swagger.yaml, which is missing here"));
    // sam/07's include is openapi/09 (SOURCES.md): with it in place the routes come from it, each also needing the API key
    Path template = dir.resolve("template.yaml");
    Files.copy(corpus("sam/07-python-rest-sam-template.yaml"), template);
    Files.createDirectories(dir.resolve("src/api"));
    Files.copy(corpus("openapi/09-serverless-samples-python-rest-swagger.yaml"), dir.resolve("src/api/swagger.yaml"));
    Workspace ws = Importer.create().importFile(template).workspace();
    Gateway g = ws.gateway("restapi").orElseThrow();
    // 13 methods, and Cors adds an OPTIONS method to each of the 7 paths: the body's security is per method, so SAM's
    // preflight methods are open, but they need the API key (AddApiKeyRequiredToCorsPreflight is not set to false)
    assertThat(routes(g)).hasSize(20).containsEntry("GET /locations", "CUSTOM LambdaAuthorizer +key")
        .containsEntry("DELETE /users/{userid}/bookings/{bookingid}", "CUSTOM LambdaAuthorizer +key")
        .containsEntry("OPTIONS /locations", "NONE +key").containsEntry("OPTIONS /users/{userid}/bookings/{bookingid}", "NONE +key");
    assertThat(g.usagePlans()).extracting(p -> p.name()).containsExactlyInAnyOrder("BasicUsagePlan", "EnterpriseUsagePlan");
  }

  private static Gateway gateway(String file, String name) throws Exception {
    return Importer.create().importFile(corpus(file)).workspace().gateway(name).orElseThrow();
  }
}
