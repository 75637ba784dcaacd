package dev.portcullis.engine.advisor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.portcullis.engine.advisor.Advice;
import dev.portcullis.engine.advisor.Advisor;
import dev.portcullis.engine.advisor.PriceTable;
import dev.portcullis.engine.advisor.WorkspaceLines;
import dev.portcullis.engine.advisor.report.AdviceReport.Format;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reports a user or CI reads: SARIF against the OASIS SARIF 2.1.0 schema, JSON, text and Markdown. */
class AdviceReportTest {
  private static final Path DEMO_FILE = Path.of(System.getProperty("portcullis.root", ".."), "profiles", "payments-demo.json");
  private static Schema sarifSchema;
  private static Advice demo;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = AdviceReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    WorkspaceLines lines = WorkspaceLines.of("profiles/payments-demo.json", Files.readAllBytes(DEMO_FILE));
    demo = Advisor.create(PriceTable.builtIn(), lines).advise(DemoWorkspace.load());
  }

  private static List<Error> validate(String sarif) throws Exception {
    return sarifSchema.validate(Json.mapper().readTree(sarif));
  }

  @Test
  void theDemosSarifIsValidSarif210AndPointsAtThePartnerGatesLine() throws Exception {
    String sarif = AdviceReport.render(Format.SARIF, demo, "profiles/payments-demo.json");
    assertThat(validate(sarif)).isEmpty();
    JsonNode run = Json.mapper().readTree(sarif).path("runs").get(0);
    assertThat(run.at("/tool/driver/rules")).hasSize(dev.portcullis.engine.advisor.Rule.values().length);
    JsonNode result = run.path("results").get(0);
    assertThat(result.path("ruleId").asText()).isEqualTo("PC104");
    assertThat(result.path("level").asText()).isEqualTo("error");
    assertThat(run.at("/tool/driver/rules/" + result.path("ruleIndex").asInt() + "/id").asText()).isEqualTo("PC104");
    JsonNode physical = result.at("/locations/0/physicalLocation");
    assertThat(physical.at("/artifactLocation/uri").asText()).isEqualTo("profiles/payments-demo.json");
    int line = physical.at("/region/startLine").asInt();
    assertThat(Files.readAllLines(DEMO_FILE).get(line)).contains("\"type\": \"lambda\""); // the line after the object's brace
    assertThat(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("payments / authoriser partner-gate");
  }

  @Test
  void sarifWithManyFindingsOrNoneIsValidToo() throws Exception {
    Gateway open = new Gateway("open", Gateway.Flavor.HTTP, null, null, null, null, null, null, null,
        List.of(new Route("GET", "/a/{tenant}", Route.AuthorizationType.NONE, null, null, true, null, null)), null, null, null);
    Workspace many = new Workspace(1, "many", null, null, null, List.of(open), null, null, null, null, null);
    Advice advice = Advisor.create().advise(many);
    assertThat(advice.findings()).extracting(f -> f.rule().id()).containsExactlyInAnyOrder("PC102", "PC113");
    assertThat(validate(AdviceReport.render(Format.SARIF, advice, "many.json"))).isEmpty();
    Workspace none = new Workspace(1, "none", null, null, null, List.of(), null, null, null, null, null);
    assertThat(validate(AdviceReport.render(Format.SARIF, Advisor.create().advise(none), "none.json"))).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatIsNotSarifSoTheCheckMeansSomething() throws Exception {
    ObjectNode broken = (ObjectNode) Json.mapper().readTree(AdviceReport.render(Format.SARIF, demo, "profiles/payments-demo.json"));
    ((ObjectNode) broken.at("/runs/0/results/0")).put("level", "fatal");
    assertThat(sarifSchema.validate(broken)).isNotEmpty();
    ObjectNode noLine = (ObjectNode) Json.mapper().readTree(AdviceReport.render(Format.SARIF, demo, "x.json"));
    ((ObjectNode) noLine.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
    assertThat(sarifSchema.validate(noLine)).isNotEmpty();
  }

  @Test
  void jsonCarriesRuleIdsFiltersCostsAndPriceSources() throws Exception {
    JsonNode json = Json.mapper().readTree(AdviceReport.render(Format.JSON, demo, null));
    assertThat(json.path("failsBuild").asBoolean()).isTrue();
    assertThat(json.at("/findings/0/ruleId").asText()).isEqualTo("PC104");
    assertThat(json.at("/findings/0/location/line").asInt()).isPositive();
    assertThat(json.path("routes")).hasSize(8);
    assertThat(json.at("/routes/1/hotPath/ttlSeconds").asInt()).isEqualTo(300);
    assertThat(json.at("/costs/1/requestsPerInvocation").asLong()).isEqualTo(30);
    assertThat(json.at("/prices/restRequests/source").asText()).isEqualTo("https://aws.amazon.com/api-gateway/pricing/");
  }

  @Test
  void noReportCarriesASecretOfTheWorkspace() throws Exception {
    var emulator = DemoWorkspace.load().emulator();
    List<String> secrets = new java.util.ArrayList<>();
    emulator.apiKeys().forEach(k -> secrets.add(k.value()));
    emulator.accessKeys().forEach(k -> secrets.add(k.secretAccessKey()));
    emulator.userPools().forEach(p -> p.users().forEach(u -> secrets.add(u.password())));
    emulator.userPools().forEach(p -> p.clients().stream().filter(c -> c.clientSecret() != null).forEach(c -> secrets.add(c.clientSecret())));
    emulator.oidcIssuers().forEach(i -> i.clients().forEach(c -> secrets.add(c.clientSecret())));
    assertThat(secrets).hasSizeGreaterThan(8);
    for (Format format : Format.values()) {
      String report = AdviceReport.render(format, demo, "profiles/payments-demo.json");
      assertThat(secrets).as(format.name()).allSatisfy(secret -> assertThat(report).doesNotContain(secret));
    }
  }

  @Test
  void textAndMarkdownShowFindingsFiltersFitsAndCosts() {
    String text = AdviceReport.render(Format.TEXT, demo, null);
    assertThat(text).startsWith("Advice for workspace payments-demo: 1 high finding;")
        .contains("HIGH     PC104 cached-method-policy  payments / authoriser partner-gate")
        .contains("at: profiles/payments-demo.json:")
        .contains("payments POST /partners/{id}/transactions  [REST] Lambda REQUEST + API key")
        .contains("hot-path cost        a Lambda invocation per distinct [method.request.header.x-api-key] per 300 s")
        .contains("acme (third-party partner (API key))")
        .contains("prices of 2025-06-01, us-east-1, USD")
        .contains("API Gateway REST API requests: https://aws.amazon.com/api-gateway/pricing/");
    String md = AdviceReport.render(Format.MD, demo, null);
    assertThat(md).startsWith("# Advice for workspace payments-demo").contains("### HIGH · PC104 cached-method-policy")
        .contains("| route | identity source | hot-path cost |").contains("- Lambda duration: <https://aws.amazon.com/lambda/pricing/>");
  }
}
