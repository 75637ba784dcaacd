package dev.portcullis.engine.importer.openapi;

import static dev.portcullis.engine.importer.CorpusExpectationsAccess.corpus;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.store.Json;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four corpus files real AWS imported (import-facts §0 LS-SNAP: GetRestApi, GetAuthorizers,
 * GetResources and GetMethod recorded against AWS): the importer must read them as AWS did —
 * authoriser names, kinds, identity sources, TTLs, validation expressions, the API key source,
 * each method's authorisation type, authoriser and scopes (root security inherited, operation
 * security replacing it).
 */
class AwsRecordedImportTest {
  private static final String PREFIX = "tests/aws/services/apigateway/test_apigateway_import.py::TestApiGatewayImportRestApi::";

  static Stream<Arguments> recorded() {
    return Stream.of(
        Arguments.of("openapi/01-localstack-openapi.cognito-auth.json", "test_import_with_cognito_auth_identity_source"),
        Arguments.of("openapi/02-localstack-openapi.spec.global-auth.json", "test_import_with_global_api_key_authorizer"),
        Arguments.of("openapi/03-localstack-openapi.spec.pulumi.json", "test_import_rest_api"),
        Arguments.of("openapi/04-localstack-petstore-authorizer.swagger.json", "test_import_swagger_api"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recorded")
  void readsTheFileAsAwsDid(String file, String test) throws Exception {
    JsonNode snapshot = Json.mapper().readTree(Files.readAllBytes(corpus("openapi/expected/localstack-test_apigateway_import.snapshot.json")));
    JsonNode aws = snapshot.get(PREFIX + test).get("recorded-content");
    Gateway g = only(Importer.create().importFile(corpus(file)).workspace());

    JsonNode api = aws.has("import-swagger") ? aws.get("import-swagger") : aws.get("import_rest_api");
    assertThat(g.apiKeySource().name()).isEqualTo(api.get("apiKeySource").asText());

    Map<String, String> authorizerNames = new HashMap<>();
    JsonNode authorizers = aws.path("get-authorizers");
    JsonNode items = authorizers.isArray() ? authorizers : authorizers.path("items");
    for (JsonNode a : items) {
      // the recording masks some names (<name:2>); with one authoriser the masked name can only be that one
      String name = a.get("name").asText().startsWith("<") && items.size() == 1 && g.authorizers().size() == 1
          ? g.authorizers().get(0).name() : a.get("name").asText();
      authorizerNames.put(a.get("id").asText(), name);
      checkAuthorizer(g, name, a);
    }
    if (!aws.path("get-authorizers").isMissingNode()) {
      assertThat(g.authorizers()).extracting(Authorizer::name).containsExactlyInAnyOrderElementsOf(authorizerNames.values());
    }

    Set<String> awsMethods = new HashSet<>();
    for (JsonNode resource : aws.path("resources").path("items")) {
      resource.path("resourceMethods").fieldNames().forEachRemaining(verb -> awsMethods.add(verb + " " + resource.get("path").asText()));
    }
    if (!awsMethods.isEmpty()) {
      assertThat(g.routes()).extracting(Route::key).containsExactlyInAnyOrderElementsOf(awsMethods);
    }
    int compared = 0;
    for (Route r : g.routes()) {
      String key = "method-" + (r.path().equals("/") ? "root" : r.path().substring(1)) + "-" + r.method().toLowerCase(Locale.ROOT);
      JsonNode m = aws.get(key);
      if (m == null) {
        continue;
      }
      compared++;
      assertThat(r.authorization().name()).as(key).isEqualTo(m.get("authorizationType").asText());
      assertThat(r.authorizer()).as(key).isEqualTo(m.has("authorizerId") ? authorizerNames.get(m.get("authorizerId").asText()) : null);
      assertThat(r.scopes()).as(key).containsExactlyElementsOf(
          m.has("authorizationScopes") ? Json.mapper().convertValue(m.get("authorizationScopes"), java.util.List.class) : java.util.List.of());
      assertThat(r.apiKeyRequired()).as(key).isEqualTo(m.get("apiKeyRequired").asBoolean());
    }
    assertThat(compared).as("methods AWS recorded for " + file).isEqualTo(aws.fieldNames().hasNext()
        ? (int) Stream.of(aws.fieldNames()).flatMap(it -> { java.util.List<String> l = new java.util.ArrayList<>(); it.forEachRemaining(l::add); return l.stream(); })
            .filter(k -> k.startsWith("method-") && !k.startsWith("method-response")).count() : 0);
  }

  private static void checkAuthorizer(Gateway g, String name, JsonNode a) {
    Authorizer mine = g.authorizer(name).orElseThrow(() -> new AssertionError("no authoriser " + name + " in " + g.authorizers()));
    String type = a.get("type").asText();
    switch (mine) {
      case Authorizer.Cognito c -> {
        assertThat(type).isEqualTo("COGNITO_USER_POOLS");
        assertThat(c.identitySource()).isEqualTo(a.get("identitySource").asText());
      }
      case Authorizer.Lambda l -> {
        assertThat(l.eventType().name()).isEqualTo(type);
        assertThat(l.identitySources()).containsExactly(a.get("identitySource").asText().split(",\\s*"));
        // absent in GetAuthorizers: the document gave none, and API Gateway caches for its default of 300 s
        assertThat(l.ttlSeconds()).isEqualTo(a.has("authorizerResultTtlInSeconds") ? a.get("authorizerResultTtlInSeconds").asInt() : 300);
        assertThat(l.validationRegex()).isEqualTo(a.has("identityValidationExpression") ? a.get("identityValidationExpression").asText() : null);
      }
      case Authorizer.Jwt j -> throw new AssertionError("REST APIs have no JWT authorisers: " + j.name());
    }
  }
}
