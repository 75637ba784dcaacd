package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each report item says where in the source it is, as {@code file:line} (the line of the mapping's
 * key), so that a user with a 2,000-line template opens the route the report talks about. Lines are
 * checked against the file's own text, found here by searching it, not by the importer's parser.
 */
class ReportLocationsTest {
  @TempDir
  Path dir;

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " is not in " + file);
  }

  private static ImportReport.Item item(ImportReport report, String subject) {
    return Stream.concat(report.mapped().stream(), report.leftOut().stream()).filter(i -> i.subject().equals(subject)).findFirst()
        .orElseThrow(() -> new AssertionError("no item " + subject + " in\n" + report.text()));
  }

  @Test
  void openApiRoutesAndAuthorisersPointAtTheirOperationAndScheme() throws Exception {
    Path file = dir.resolve("api.yaml");
    Files.writeString(file, """
        openapi: 3.0.1
        info:
          title: shop
        paths:
          /orders:
            get:
              security:
                - pool: []
            post:
              security:
                - mystery: []
        components:
          securitySchemes:
            pool:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authtype: cognito_user_pools
              x-amazon-apigateway-authorizer:
                type: cognito_user_pools
                providerARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc]
        """);
    ImportReport report = Importer.create().importFile(file).report();

    assertThat(item(report, "route shop GET /orders").at()).hasToString("api.yaml:" + lineOf(file, "get:"));
    assertThat(item(report, "authoriser pool").at()).hasToString("api.yaml:" + lineOf(file, "    pool:"));
    // the worst case a report can hide: a route imported fail-closed, which the user must find and fix
    assertThat(report.unreadable()).singleElement().satisfies(u -> {
      assertThat(u.route()).isEqualTo("POST /orders");
      assertThat(u.at()).hasToString("api.yaml:" + lineOf(file, "post:"));
    });
    assertThat(report.text()).contains("(api.yaml:" + lineOf(file, "post:") + ")");
    assertThat(report.json()).contains("\"file\": \"api.yaml\"");
  }

  @Test
  void samEventsPointAtTheEventAndAnIncludedBodyAtItsOwnFile() throws Exception {
    Files.createDirectories(dir.resolve("spec"));
    Path body = dir.resolve("spec/openapi.json");
    Files.writeString(body, """
        {
          "openapi": "3.0.1",
          "info": {"title": "inner"},
          "paths": {
            "/health": {
              "get": {"security": []}
            }
          }
        }
        """);
    Path template = dir.resolve("template.yaml");
    Files.writeString(template, """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              DefinitionUri: spec/openapi.json
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              Runtime: python3.12
              Events:
                ListThings:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Api
                    Path: /things
                    Method: get
        """);
    ImportReport report = Importer.create().importFile(template).report();

    assertThat(item(report, "route api GET /things").at()).hasToString("template.yaml:" + lineOf(template, "ListThings:"));
    assertThat(item(report, "route api GET /health").at()).hasToString("spec/openapi.json:" + lineOf(body, "\"get\""));
  }

  @Test
  void cloudFormationMethodsPointAtTheirResourceAndServerlessEventsAtTheEvent() throws Exception {
    Path cfn = dir.resolve("stack.json");
    Files.writeString(cfn, """
        {
          "Resources": {
            "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "bank"}},
            "Accounts": {"Type": "AWS::ApiGateway::Resource",
              "Properties": {"RestApiId": {"Ref": "Api"}, "ParentId": {"Fn::GetAtt": ["Api", "RootResourceId"]}, "PathPart": "accounts"}},
            "AccountsGet": {
              "Type": "AWS::ApiGateway::Method",
              "Properties": {"RestApiId": {"Ref": "Api"}, "ResourceId": {"Ref": "Accounts"}, "HttpMethod": "GET",
                "AuthorizationType": "AWS_IAM", "Integration": {"Type": "MOCK"}}
            }
          }
        }
        """);
    assertThat(item(Importer.create().importFile(cfn).report(), "route bank GET /accounts").at())
        .hasToString("stack.json:" + lineOf(cfn, "\"AccountsGet\""));

    Path sls = dir.resolve("serverless.yml");
    Files.writeString(sls, """
        service: orders
        provider:
          name: aws
        functions:
          list:
            handler: handler.list
            events:
              - http:
                  path: orders
                  method: get
                  private: true
                  cors:
                    origin: https://app.example.com
        """);
    ImportReport report = Importer.create().importFile(sls).report();
    assertThat(item(report, "route orders GET /orders").at()).hasToString("serverless.yml:" + lineOf(sls, "- http:"));
    // the OPTIONS method the framework generates is where the event asks for it
    assertThat(item(report, "route orders OPTIONS /orders").at()).hasToString("serverless.yml:" + lineOf(sls, "cors:"));
  }

  /**
   * The real definitions of the corpus (oracles/import-corpus): every route, every authoriser and
   * every fail-closed route has a place (the CORS methods SAM and the Serverless Framework generate at the
   * Cors that asked for them).
   */
  @Test
  void everyRouteOfEveryCorpusFileIsPlacedOnALineOfTheFileItNames() throws Exception {
    List<String> unplaced = new ArrayList<>();
    int routes = 0;
    for (String folder : List.of("openapi", "sam", "cloudformation", "serverless-framework")) {
      try (Stream<Path> files = Files.list(CorpusExpectations.corpus(folder))) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          ImportReport report;
          try {
            report = Importer.create().importFile(file).report();
          } catch (ImportException notImportable) {
            continue; // a file the importer refuses as a whole names no route (ImportCorpusTest covers which)
          }
          for (ImportReport.Item i : Stream.concat(report.mapped().stream(), report.leftOut().stream()).toList()) {
            // routes and authorisers, with what the import said of them later (an authoriser's TTL, its function)
            if (!i.subject().startsWith("route ") && !i.subject().startsWith("authoriser ")) {
              continue;
            }
            routes += i.subject().startsWith("route ") ? 1 : 0;
            if (!placedIn(file, i.at())) {
              unplaced.add(file.getFileName() + " " + i.subject() + " at " + i.at());
            }
          }
          for (ImportReport.UnreadableRoute u : report.unreadable()) {
            if (!placedIn(file, u.at())) {
              unplaced.add(file.getFileName() + " unreadable " + u.route() + " at " + u.at());
            }
          }
        }
      }
    }
    assertThat(routes).as("routes in the corpus").isGreaterThan(100);
    assertThat(unplaced).isEmpty();
  }

  private static boolean placedIn(Path file, ImportReport.Location at) throws IOException {
    if (at == null) {
      return false;
    }
    Path named = file.resolveSibling(at.file());
    return Files.isRegularFile(named) && at.line() >= 1 && at.line() <= Files.readAllLines(named).size();
  }
}
