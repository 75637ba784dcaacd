package dev.portcullis.engine.importer.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.trace.Trace;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SAM's {@code Auth.ResourcePolicy} shorthands become the policy the SAM translator writes into the
 * API's {@code x-amazon-apigateway-policy} (its SwaggerEditor.add_resource_policy): each input here
 * imports to the same statements as the CloudFormation the translator makes of it, and the local
 * gateway enforces the result (spec §2, resource policy evaluation).
 */
class SamResourcePolicyTest {
  @TempDir Path dir;

  private static Path fixture(String file) {
    try {
      return Path.of(SamResourcePolicyTest.class.getResource("/import-policies/" + file).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"accounts", "network"})
  void shorthandsImportAsTheTranslatorWritesThem(String name) throws Exception {
    ImportResult sam = Importer.create().importFile(fixture(name + ".input.yaml"));
    ImportResult cfn = Importer.create().importFile(fixture(name + ".output.json"));
    List<PolicyDocument.PolicyStatement> expected = statements(cfn);
    assertThat(statements(sam)).isNotEmpty().containsExactlyElementsOf(expected);
    assertThat(sam.report().leftOut()).noneSatisfy(i -> assertThat(i.subject()).contains("ResourcePolicy"));
    assertThat(sam.report().mapped()).anySatisfy(i -> assertThat(i.detail()).contains("from Auth.ResourcePolicy"));
  }

  /** The statements with each resource's API part ({@code arn:...:API}) cut, since each source names its API its own way. */
  private static List<PolicyDocument.PolicyStatement> statements(ImportResult r) {
    return r.workspace().gateways().get(0).resourcePolicy().statements().stream().map(s -> new PolicyDocument.PolicyStatement(
        s.sid(), s.effect(), s.principal(), s.actions(), s.notActions(),
        s.resources().stream().map(x -> x.replaceFirst("^arn:aws:execute-api:[^:]+:[^:]+:[^/]+", "")).toList(),
        s.notResources(), s.conditions(), s.notPrincipal())).toList();
  }

  @Test
  void theLocalGatewayEnforcesAnIpRangeWhitelist() throws Exception {
    assertThat(status("127.0.0.1/32")).as("loopback is in the whitelist").isEqualTo(200);
    assertThat(status("203.0.113.0/24")).as("spec: an explicit Deny in the resource policy answers 403").isEqualTo(403);
  }

  private int status(String range) throws Exception {
    Path template = dir.resolve("ip-" + range.replace('/', '_') + ".yaml");
    Files.writeString(template, """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Open:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                ResourcePolicy:
                  IpRangeWhitelist: ['%s']
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              InlineCode: "exports.handler = async () => ({ statusCode: 200 })"
              Handler: index.handler
              Runtime: nodejs20.x
              Events:
                Get: {Type: Api, Properties: {RestApiId: !Ref Open, Path: /things, Method: get}}
        """.formatted(range));
    Workspace ws = Importer.create().importFile(template).workspace();
    Gateway g = ws.gateways().get(0);
    try (Session session = Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      Trace t = session.run(new SavedRequest("get things", null, null, g.name(), "GET", "/things", Map.of(), Map.of(), null,
          "anonymous", Map.of(), null, null), "anonymous", ChallengeHandler.none());
      return t.verdict().actual().status();
    }
  }
}
