package dev.portcullis.engine.importer.openapi;

import static dev.portcullis.engine.importer.CorpusExpectationsAccess.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.store.WorkspaceStore;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every OpenAPI file of the corpus, with the routes and authorisers written down by reading each
 * file (import-facts §1.2: operation security replaces root security, [] is none, an authoriser
 * plus api_key is both, the legacy x-amazon-apigateway-auth, awsSigv4).
 */
class OpenApiCorpusTest {

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("openapi/01-localstack-openapi.cognito-auth.json", Gateway.Flavor.REST,
            map("GET /default-no-scope=COGNITO_USER_POOLS cognito-test-identity-source",
                "GET /default-scope-override=COGNITO_USER_POOLS cognito-test-identity-source [openid]",
                "GET /non-default-authorizer=COGNITO_USER_POOLS extra-test-identity-source [email, openid]",
                "GET /pets=COGNITO_USER_POOLS cognito-test-identity-source [email]"),
            map("cognito-test-identity-source=COGNITO method.request.header.TestHeaderAuth",
                "extra-test-identity-source=COGNITO method.request.header.TestHeaderAuth")),
        Arguments.of("openapi/02-localstack-openapi.spec.global-auth.json", Gateway.Flavor.REST,
            map("GET /pets=CUSTOM GatewayAuthorizer", "ANY /echo/{data}=CUSTOM GatewayAuthorizer"),
            map("GatewayAuthorizer=REQUEST method.request.header.Custom-Authorization ttl=300")),
        Arguments.of("openapi/03-localstack-openapi.spec.pulumi.json", Gateway.Flavor.REST,
            map("OPTIONS /{proxy+}=NONE +key", "GET /just_do_it=CUSTOM Auth0 +key"),
            map("Auth0=TOKEN method.request.header.Authorization ttl=300")),
        Arguments.of("openapi/04-localstack-petstore-authorizer.swagger.json", Gateway.Flavor.REST,
            map("GET /=CUSTOM test-authorizer", "GET /pets=CUSTOM test-authorizer", "POST /pets=NONE", "OPTIONS /pets=NONE",
                "GET /pets/{petId}=NONE", "OPTIONS /pets/{petId}=NONE"),
            map("test-authorizer=TOKEN method.request.header.Authorization ttl=60",
                "test-authorizer-not-used=TOKEN method.request.header.Authorization ttl=300")),
        Arguments.of("openapi/05-tdr-create_keycloak_users.json.tpl", Gateway.Flavor.HTTP,
            map("DELETE /users/{userId}=JWT UserAdminAuthoriser [email]", "POST /users=JWT UserAdminAuthoriser [email]"),
            map("UserAdminAuthoriser=JWT $request.header.Authorization")),
        Arguments.of("openapi/06-sessions-s12d-api.yaml", Gateway.Flavor.REST,
            map("GET /{linkId}=NONE", "GET /app=COGNITO_USER_POOLS UserAuthorizer", "POST /app=COGNITO_USER_POOLS UserAuthorizer",
                "OPTIONS /app=NONE", "DELETE /app/{linkId}=COGNITO_USER_POOLS UserAuthorizer",
                "PUT /app/{linkId}=COGNITO_USER_POOLS UserAuthorizer", "OPTIONS /app/{linkId}=NONE"),
            map("UserAuthorizer=COGNITO method.request.header.Authorization")),
        Arguments.of("openapi/07-ecommerce-orders-openapi.yaml", Gateway.Flavor.REST,
            map("GET /backend/{orderId}=AWS_IAM"), map()),
        Arguments.of("openapi/08-ecommerce-products-openapi.yaml", Gateway.Flavor.REST,
            map("POST /backend/validate=AWS_IAM"), map()),
        Arguments.of("openapi/09-serverless-samples-python-rest-swagger.yaml", Gateway.Flavor.REST,
            map("GET /locations=CUSTOM LambdaAuthorizer", "PUT /locations=CUSTOM LambdaAuthorizer",
                "GET /locations/{locationid}=CUSTOM LambdaAuthorizer", "DELETE /locations/{locationid}=CUSTOM LambdaAuthorizer",
                "GET /locations/{locationid}/resources=CUSTOM LambdaAuthorizer", "PUT /locations/{locationid}/resources=CUSTOM LambdaAuthorizer",
                "GET /locations/{locationid}/resources/{resourceid}=CUSTOM LambdaAuthorizer",
                "DELETE /locations/{locationid}/resources/{resourceid}=CUSTOM LambdaAuthorizer",
                "GET /locations/{locationid}/resources/{resourceid}/bookings=CUSTOM LambdaAuthorizer",
                "GET /users/{userid}/bookings=CUSTOM LambdaAuthorizer", "PUT /users/{userid}/bookings=CUSTOM LambdaAuthorizer",
                "GET /users/{userid}/bookings/{bookingid}=CUSTOM LambdaAuthorizer",
                "DELETE /users/{userid}/bookings/{bookingid}=CUSTOM LambdaAuthorizer"),
            map("LambdaAuthorizer=TOKEN method.request.header.Authorization ttl=300")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void importsTheRoutesAndAuthorisersTheFileDeclares(String file, Gateway.Flavor flavor, Map<String, String> routes,
      Map<String, String> authorizers) throws Exception {
    ImportResult result = Importer.create().importFile(corpus(file));

    Gateway g = only(result.workspace());
    assertThat(g.flavor()).isEqualTo(flavor);
    assertThat(routes(g)).containsExactlyInAnyOrderEntriesOf(routes);
    assertThat(authorizers(g)).containsExactlyInAnyOrderEntriesOf(authorizers);
    assertThat(result.report().unreadable()).isEmpty();
    // the workspace it writes loads back through the store, validation included
    var again = WorkspaceStore.create(java.time.Clock.systemUTC()).parse(corpus(file), WorkspaceStore.render(result.workspace())
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(again).isEqualTo(result.workspace());
  }
}
