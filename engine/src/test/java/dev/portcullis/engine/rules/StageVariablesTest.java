package dev.portcullis.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.MutableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stage variables an authoriser or integration names. As an identity source the spec says what AWS
 * does (§4.1, §4.5: absent means 401 without calling the function); in a function name or an
 * integration URL it does not, and the evidence says that and which variable.
 */
class StageVariablesTest {
  private final MutableClock clock = new MutableClock(PipelineFixtures.START);
  private final List<String> invokedFunctions = new ArrayList<>();

  private Workspace workspace(String stageVariables) throws Exception {
    String json = """
        {
          "schemaVersion": 1, "name": "sv",
          "gateways": [
            {"name": "rest", "flavor": "REST", "apiId": "sv1", "stage": "dev", "stageVariables": %1$s,
             "routes": [
               {"method": "GET", "path": "/proxy", "authorization": "NONE",
                "integration": {"type": "http", "url": "http://127.0.0.1:9/${stageVariables.backend}/x"}},
               {"method": "GET", "path": "/fn", "authorization": "CUSTOM", "authorizer": "fn-gate"},
               {"method": "GET", "path": "/tenant", "authorization": "CUSTOM", "authorizer": "tenant-gate"}
             ],
             "authorizers": [
               {"type": "lambda", "name": "fn-gate", "eventType": "REQUEST", "identitySources": ["method.request.header.x-t"],
                "ttlSeconds": 0, "function": {"kind": "invoke", "functionName": "gate-${stageVariables.fnSuffix}", "region": "us-east-1"}},
               {"type": "lambda", "name": "tenant-gate", "eventType": "REQUEST", "ttlSeconds": 0,
                "identitySources": ["method.request.header.x-t", "stageVariables.tenantMode"],
                "function": {"kind": "rules", "rules": [{"match": {}, "effect": "ALLOW", "principalId": "u"}]}}
             ]},
            {"name": "http", "flavor": "HTTP", "apiId": "sv2", "stageVariables": %1$s,
             "routes": [{"method": "GET", "path": "/tenant", "authorization": "CUSTOM", "authorizer": "tenant-gate",
                         "integration": {"type": "echo"}}],
             "authorizers": [
               {"type": "lambda", "name": "tenant-gate", "eventType": "REQUEST", "payloadFormat": "2.0", "simpleResponses": true,
                "ttlSeconds": 0, "identitySources": ["$request.header.x-t", "$stageVariables.tenantMode"],
                "function": {"kind": "rules", "rules": [{"match": {}, "effect": "ALLOW", "principalId": "u"}]}}
             ]}
          ],
          "emulator": {"localOnly": true}
        }
        """.formatted(stageVariables);
    return WorkspaceStore.create(clock).parse(Path.of("sv.json"), json.getBytes());
  }

  /** Functions of kind invoke never reach AWS here: the name they were called by is kept, and the call fails. */
  private Ruling send(Workspace ws, String gateway, String path) {
    try (Pipeline pipeline = Pipeline.builder(ws).clock(clock).requestIds(PipelineFixtures.numberedIds())
        .lambdaInvokers(fn -> fn instanceof LambdaFunction.Invoke invoke ? call -> {
          invokedFunctions.add(invoke.functionName());
          return new LambdaInvoker.Result.Unreachable("no such function " + invoke.functionName(), "", "");
        } : LambdaInvoker.forFunction(fn, SecretResolver.create(ws.emulator(), (where, label) -> Optional.empty()))).build()) {
      return pipeline.decide(PipelineFixtures.request(clock, "GET", path, "x-t", "abc"), ws.gateway(gateway).orElseThrow());
    }
  }

  private static String evidence(Ruling ruling, String check) {
    return ruling.check(check).orElseThrow(() -> new AssertionError("no " + check + " check: " + ruling.checks())).evidence();
  }

  @ParameterizedTest(name = "spec §4.1/§4.5: {0} with tenantMode defined reaches the authoriser")
  @CsvSource({"rest, /dev/tenant", "http, /tenant"})
  void aStageVariableTheStageDefinesIsAnIdentitySourceWithItsValue(String gateway, String path) throws Exception {
    Ruling ruling = send(workspace("{\"tenantMode\": \"strict\"}"), gateway, path);

    assertThat(ruling.outcome().status()).as(ruling.checks().toString()).isEqualTo(200);
    assertThat(ruling.check("lambda.identitySource").orElseThrow().passed()).isTrue();
  }

  @ParameterizedTest(name = "spec §4.1/§4.5: {0} with tenantMode undefined answers 401 without calling the authoriser")
  @CsvSource({"rest, /dev/tenant, stageVariables.tenantMode", "http, /tenant, $stageVariables.tenantMode"})
  void aStageVariableTheStageDoesNotDefineIsAMissingIdentitySource(String gateway, String path, String source) throws Exception {
    Ruling ruling = send(workspace("{\"env\": \"blue\"}"), gateway, path);

    assertThat(ruling.outcome()).isInstanceOfSatisfying(Ruling.Outcome.Denied.class, d -> {
      assertThat(d.status()).isEqualTo(401);
      assertThat(d.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
      assertThat(d.decidedBy()).isEqualTo("lambda.identitySource");
    });
    assertThat(evidence(ruling, "lambda.identitySource")).contains("identity source " + source)
        .contains("does not define stage variable tenantMode").contains("without invoking authoriser 'tenant-gate'");
  }

  @Test
  void anIntegrationUrlNamingAnUndefinedVariableAnswers500AndTheTraceNamesItAndSaysAwsDoesNotDocumentIt() throws Exception {
    Ruling ruling = send(workspace("{\"env\": \"blue\"}"), "rest", "/dev/proxy");

    assertThat(ruling.outcome()).isInstanceOfSatisfying(Ruling.Outcome.Denied.class, d -> {
      assertThat(d.status()).isEqualTo(500);
      assertThat(d.body()).isEqualTo("{\"message\":\"Internal server error\"}");
      assertThat(d.decidedBy()).isEqualTo("stageVariables");
    });
    assertThat(evidence(ruling, "stageVariables")).contains("stage dev does not define stage variable backend")
        .contains("undocumented by AWS").contains("without calling the integration");
    assertThat(ruling.check(Pipeline.FAULT_CHECK)).as("not a fault of the local gateway").isEmpty();
  }

  @Test
  void anAuthoriserFunctionNamingAnUndefinedVariableIsCalledAsWrittenAndTheTraceNamesIt() throws Exception {
    Ruling ruling = send(workspace("{\"env\": \"blue\"}"), "rest", "/dev/fn");

    assertThat(invokedFunctions).containsExactly("gate-${stageVariables.fnSuffix}");
    assertThat(ruling.outcome().status()).isEqualTo(500);
    assertThat(evidence(ruling, "stageVariables")).contains("stage dev does not define stage variable fnSuffix")
        .contains("undocumented by AWS");
  }

  @Test
  void anAuthoriserFunctionNamingADefinedVariableIsCalledByItsValue() throws Exception {
    send(workspace("{\"fnSuffix\": \"blue\"}"), "rest", "/dev/fn");

    assertThat(invokedFunctions).containsExactly("gate-blue");
  }

  @Test
  void resolveLeavesAnUndefinedReferenceAsWrittenAndUndefinedNamesIt() {
    Map<String, String> vars = Map.of("env", "blue");
    assertThat(StageVariables.resolve("${stageVariables.env}/${stageVariables.x}", vars)).isEqualTo("blue/${stageVariables.x}");
    assertThat(StageVariables.undefined("${stageVariables.env}/${stageVariables.x}/${stageVariables.x}", vars)).containsExactly("x");
  }
}
