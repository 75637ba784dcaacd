package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.engine.handler.Runtimes;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.PipelineFixtures;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trust.TrustRequests;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's importer wiring: a SAM template or serverless.yml whose authoriser function's code is on
 * disk next to it becomes a {@code handler} function (the report says so), and the imported workspace
 * runs that code on the local gateway; otherwise the rules stand-in, with the reason in the report.
 */
class ImportedHandlersTest {

  private static Path fixture(String file) {
    try {
      return Path.of(ImportedHandlersTest.class.getResource("/import-handlers/" + file).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LambdaFunction function(Workspace ws, String authorizer) {
    return ws.gateways().stream().flatMap(g -> g.authorizers().stream()).filter(a -> a.name().equals(authorizer))
        .map(a -> ((Authorizer.Lambda) a).function()).findFirst().orElseThrow();
  }

  private static String everything(ImportResult r) {
    return r.report().text() + r.report().json() + WorkspaceStore.render(r.workspace());
  }

  @Test
  @DisplayName("SAM: CodeUri, Handler, Runtime, Timeout (from Globals), MemorySize and Environment make a handler function")
  void samFunctionOnDiskBecomesAHandler() throws Exception {
    Path template = fixture("sam/template.yaml");
    ImportResult r = Importer.create().importFile(template);
    LambdaFunction.Handler h = (LambdaFunction.Handler) function(r.workspace(), "PartnerGate");
    assertThat(h.functionName()).isEqualTo("PartnerGateFunction");
    assertThat(h.runtime()).isEqualTo("nodejs20.x");
    assertThat(h.onNode()).isTrue();
    assertThat(Path.of(h.codeUri())).isEqualTo(template.getParent().resolve("authorizer").toAbsolutePath().normalize());
    assertThat(h.handler()).isEqualTo("index.handler");
    assertThat(h.timeoutSeconds()).isEqualTo(5);
    assertThat(h.memoryMb()).isEqualTo(256);
    assertThat(h.environment()).containsEntry("STAGE", new SecretRef.Literal("prod"))
        .containsEntry("TENANT_TABLE", new SecretRef.Literal("tenants"))
        .containsEntry("SIGNING_SECRET", new SecretRef.Env("SIGNING_SECRET")).doesNotContainKey("TABLE_ARN");
    assertThat(r.report().mapped()).anySatisfy(i -> assertThat(i.subject() + ": " + i.detail())
        .startsWith("authoriser PartnerGate function: runs your handler index.handler (nodejs20.x) from "));
    assertThat(r.report().localEmulation()).anySatisfy(l -> assertThat(l).contains("SIGNING_SECRET looks like a secret")
        .contains("env:SIGNING_SECRET"));
    assertThat(r.report().localEmulation()).anySatisfy(l -> assertThat(l).contains("TABLE_ARN is computed by CloudFormation"));
    assertThat(everything(r)).doesNotContain("do-not-copy-this-value");
    // an authoriser whose function the template does not define keeps the stand-in, and the report says why
    assertThat(function(r.workspace(), "RemoteGate")).isInstanceOf(LambdaFunction.Rules.class);
    assertThat(r.report().localEmulation()).anySatisfy(l -> assertThat(l).startsWith("authoriser RemoteGate: the function "
        + "arn:aws:lambda:eu-west-1:111122223333:function:remote-gate does not run locally (the source does not define it"));
    // trust: the handler is listed with its folder before anything runs
    assertThat(TrustRequests.of(r.workspace()).programs()).anySatisfy(p -> assertThat(p.workingDirectory()).isEqualTo(h.codeUri()));
  }

  @Test
  @DisplayName("SAM: code not on disk, an unsupported runtime or inline code keep the rules stand-in, each with its reason")
  void samFunctionsThatCannotRunLocallySayWhy() throws Exception {
    ImportResult r = Importer.create().importFile(fixture("sam-elsewhere/template.yaml"));
    assertThat(function(r.workspace(), "MissingGate")).isInstanceOf(LambdaFunction.Rules.class);
    assertThat(function(r.workspace(), "JavaGate")).isInstanceOf(LambdaFunction.Rules.class);
    assertThat(r.report().localEmulation()).anySatisfy(l -> assertThat(l).startsWith("authoriser MissingGate:")
        .contains("code folder").contains("not-here").contains("does not exist"));
    assertThat(r.report().localEmulation()).anySatisfy(l -> assertThat(l).startsWith("authoriser JavaGate:")
        .contains("uses runtime java21; only nodejs and python handlers run locally"));
  }

  @Test
  @DisplayName("serverless.yml: functions.X.handler with the provider's runtime and environment make a Python handler")
  void serverlessFunctionOnDiskBecomesAHandler() throws Exception {
    Path service = fixture("serverless/serverless.yml");
    ImportResult r = Importer.create().importFile(service);
    LambdaFunction.Handler h = (LambdaFunction.Handler) function(r.workspace(), "partnerGate");
    assertThat(h.runtime()).isEqualTo("python3.12");
    assertThat(h.handler()).isEqualTo("gate/app.lambda_handler");
    assertThat(Path.of(h.codeUri())).isEqualTo(service.getParent().toAbsolutePath().normalize());
    assertThat(h.timeoutSeconds()).isEqualTo(4);
    assertThat(h.memoryMb()).as("the Framework's default").isEqualTo(1024);
    assertThat(h.environment()).containsEntry("TENANT_TABLE", new SecretRef.Literal("tenants"))
        .containsEntry("DB_PASSWORD", new SecretRef.Env("DB_PASSWORD"));
    assertThat(everything(r)).doesNotContain("not-to-be-copied");
    assertThat(r.report().mapped()).anySatisfy(i -> assertThat(i.subject()).isEqualTo("authoriser partnerGate function"));
  }

  @Test
  @DisplayName("spec §4.2, §4.4: the imported SAM workspace runs the seed's Node handler on the local gateway: acme in, globex 403")
  void importedSamWorkspaceRunsTheHandler() throws Exception {
    assumeTrue(Runtimes.onPath().find(Runtimes.Family.NODEJS) instanceof Runtimes.Found, "node is not installed");
    Workspace ws = Importer.create().importFile(fixture("sam/template.yaml")).workspace();
    assertRunsSeedGate(ws, "POST", "/partners/p1/transactions");
  }

  @Test
  @DisplayName("spec §4.2, §4.4: the imported serverless.yml workspace runs the seed's Python handler: acme in, globex 403")
  void importedServerlessWorkspaceRunsTheHandler() throws Exception {
    assumeTrue(Runtimes.onPath().find(Runtimes.Family.PYTHON) instanceof Runtimes.Found, "python3 is not installed");
    Workspace ws = Importer.create().importFile(fixture("serverless/serverless.yml")).workspace();
    assertRunsSeedGate(ws, "POST", "/partners/p1/transactions");
  }

  private static void assertRunsSeedGate(Workspace imported, String method, String path) throws Exception {
    Workspace ws = withSecretsSet(imported);
    Gateway g = ws.gateways().get(0);
    try (Session session = Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      Trace acme = session.run(request(g, method, path, PipelineFixtures.ACME_KEY), "anonymous", ChallengeHandler.none());
      assertThat(acme.verdict().actual().status()).as(acme.step(Step.Kind.RULING).orElseThrow().summary()).isEqualTo(200);
      assertThat(((Step.Context) acme.step(Step.Kind.CONTEXT).orElseThrow()).contextJson()).contains("\"tenantId\"")
          .contains("acme-001");
      Trace globex = session.run(request(g, method, path, PipelineFixtures.GLOBEX_KEY), "anonymous", ChallengeHandler.none());
      assertThat(globex.verdict().actual().status()).isEqualTo(403);
    }
  }

  /** The imported handler's env: references, given values as its user would before running it. */
  private static Workspace withSecretsSet(Workspace ws) {
    var gateways = ws.gateways().stream().map(g -> new Gateway(g.name(), g.flavor(), g.region(), g.accountId(), g.apiId(), g.stage(),
        g.baseUrl(), g.localPort(), g.apiKeySource(), g.routes(), g.authorizers().stream().map(a -> a instanceof Authorizer.Lambda l
            && l.function() instanceof LambdaFunction.Handler h ? new Authorizer.Lambda(l.name(), l.eventType(), l.identitySources(),
                l.validationRegex(), l.ttlSeconds(), l.payloadFormat(), l.simpleResponses(), new LambdaFunction.Handler(h.functionName(),
                    h.runtime(), h.codeUri(), h.handler(), Map.of("TENANT_TABLE", new SecretRef.Literal("tenants")), h.timeoutSeconds(),
                    h.memoryMb())) : a).toList(), g.usagePlans(), g.resourcePolicy())).toList();
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), gateways, ws.callers(),
        ws.folders(), ws.requests(), ws.environments(), ws.emulator());
  }

  private static SavedRequest request(Gateway g, String method, String path, String key) {
    return new SavedRequest("partner " + key.substring(0, 10), null, null, g.name(), method, path, Map.of(),
        Map.of("x-api-key", key, "content-type", "application/json"), "{\"amount\": 1}", "anonymous", Map.of(), null, null);
  }
}
