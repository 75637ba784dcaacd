package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.store.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API key values a source carries reach neither the report nor the workspace: keys are imported by reference only. */
class SecretsStayOutTest {
  @TempDir Path dir;

  @Test
  void keyValuesInCloudFormationAndServerlessAreNeverCopied() throws Exception {
    Path cfn = dir.resolve("template.yaml");
    Files.writeString(cfn, """
        Resources:
          Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: shop}}
          Items: {Type: AWS::ApiGateway::Resource, Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: items}}
          Get: {Type: AWS::ApiGateway::Method, Properties: {RestApiId: !Ref Api, ResourceId: !Ref Items, HttpMethod: GET, AuthorizationType: NONE, ApiKeyRequired: true}}
          Key: {Type: AWS::ApiGateway::ApiKey, Properties: {Name: partner, Value: sEcReT-cfn-key-value-12345, Enabled: true}}
          Plan: {Type: AWS::ApiGateway::UsagePlan, Properties: {ApiStages: [{ApiId: !Ref Api, Stage: prod}]}}
        """);
    Path sls = dir.resolve("serverless.yml");
    Files.writeString(sls, """
        service: shop
        provider:
          name: aws
          apiGateway:
            apiKeys:
              - {value: sEcReT-sls-key-value-67890, description: no name}
        functions:
          f: {events: [{http: {path: items, method: get, private: true}}]}
        """);
    for (Path f : new Path[] {cfn, sls}) {
      ImportResult r = Importer.create().importFile(f);
      String everything = r.report().text() + r.report().json() + WorkspaceStore.render(r.workspace());
      assertThat(everything).doesNotContain("sEcReT").contains("API key");
      assertThat(r.workspace().gateways().get(0).routes()).allMatch(route -> route.apiKeyRequired());
    }
  }
}
