package dev.portcullis.engine.importer.serverless;

import static dev.portcullis.engine.importer.CorpusExpectationsAccess.authorizers;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.corpus;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.map;
import static dev.portcullis.engine.importer.CorpusExpectationsAccess.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.Importer;
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

/** The corpus's serverless.yml files (import-facts §4), routes and authorisers written down from reading each. */
class ServerlessCorpusTest {

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("serverless-framework/01-sls-offline-jwt-authorizer-serverless.yml", Map.of("jwt-authorizer-httpapi", map(
            "GET /user1=JWT jwtAuth", "GET /user2=JWT jwtAuth [email]", "GET /user3=JWT oktaJwtAuthorizer [openid, profile, email]"))),
        Arguments.of("serverless-framework/02-sls-offline-request-authorizer-serverless.yml", Map.of("request-authorizer-httpapi", map(
            "GET /user1-header=CUSTOM requestAuthorizer1FormatHeader", "GET /user1-no-authorizer=NONE",
            "GET /user2-header=CUSTOM requestAuthorizer2FormatHeader", "GET /user2simple-header=CUSTOM requestAuthorizer2FormatSimpleHeader",
            "GET /user2simple-header-alternative=CUSTOM requestAuthorizer2FormatSimpleHeaderAlternative",
            "GET /user1-querystring=CUSTOM requestAuthorizer1FormatQueryString", "GET /user2-querystring=CUSTOM requestAuthorizer2FormatQueryString",
            "GET /user2simple-querystring=CUSTOM requestAuthorizer2FormatSimpleQueryString", "GET /user2-no-authorizer=NONE"))),
        Arguments.of("serverless-framework/03-sls-offline-restApi-authorizers-serverless.yml", Map.of("restapi-authorizers", map(
            "GET /single-header-method=CUSTOM authorizer-single-header", "GET /multi-header-method=CUSTOM authorizer-multi-header",
            "GET /single-header-dollar=CUSTOM authorizer-single-header", "GET /multi-header-dollar=CUSTOM authorizer-multi-header"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void importsTheRoutesTheFileDeclares(String file, Map<String, Map<String, String>> expected) throws Exception {
    ImportResult r = Importer.create().importFile(corpus(file));
    Map<String, Map<String, String>> actual = new LinkedHashMap<>();
    r.workspace().gateways().forEach(g -> actual.put(g.name(), routes(g)));
    assertThat(actual).isEqualTo(expected);
    assertThat(r.report().kind()).isEqualTo("Serverless Framework");
    assertThat(r.report().unreadable()).isEmpty();
  }

  @Test
  void authorisersKeepPayloadSimpleResponsesTtlAndTheRestIdentitySyntax() throws Exception {
    var http = Importer.create().importFile(corpus("serverless-framework/02-sls-offline-request-authorizer-serverless.yml")).workspace().gateways().get(0);
    assertThat(authorizers(http)).containsEntry("requestAuthorizer1FormatHeader", "REQUEST $request.header.Authorization ttl=0 payload=1.0")
        .containsEntry("requestAuthorizer2FormatSimpleQueryString", "REQUEST $request.querystring.query2simple ttl=0 payload=2.0 simple");
    ImportResult rest = Importer.create().importFile(corpus("serverless-framework/03-sls-offline-restApi-authorizers-serverless.yml"));
    assertThat(authorizers(rest.workspace().gateways().get(0)))
        .containsEntry("authorizer-multi-header", "REQUEST method.request.header.Authorization,method.request.header.UserId ttl=3600");
    // the same authoriser named again with the HTTP API's $request syntax is said, not silently merged
    assertThat(rest.report().leftOut()).anySatisfy(i -> assertThat(i.detail()).contains("again with identity [$request.header.Authorization]"));
  }

  @Test
  void privateRoutesNeedTheKeyAndTheUsagePlanIsRead(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("serverless.yml");
    Files.writeString(f, """
        service: shop
        provider:
          name: aws
          stage: ${opt:stage, 'dev'}
          apiGateway:
            apiKeys: [partner]
            usagePlan: {quota: {limit: 5000, period: MONTH}, throttle: {burstLimit: 200, rateLimit: 100}}
        functions:
          list:
            events:
              - http: {path: items, method: get, private: true}
              - http: {path: admin, method: post, authorizer: aws_iam_placeholder}
              - http: {path: iam, method: get, authorizer: {type: aws_iam}}
        """);
    ImportResult r = Importer.create().importFile(f);
    var g = r.workspace().gateways().get(0);
    assertThat(routes(g)).containsExactlyInAnyOrderEntriesOf(map("GET /items=NONE +key", "POST /admin=CUSTOM aws_iam_placeholder", "GET /iam=AWS_IAM"));
    assertThat(g.usagePlans()).singleElement().satisfies(p -> {
      assertThat(p.quota().limit()).isEqualTo(5000);
      assertThat(p.throttle().rateLimit()).isEqualTo(100.0);
    });
    assertThat(r.report().variables()).anySatisfy(v -> assertThat(v.name()).startsWith("opt_stage"));
  }
}
