package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portcullis advise --from DEFINITION}: a real SAM template of the corpus (nobody here wrote it) advised as
 * imported, its findings at the template's own lines, so code scanning annotates the template a user keeps.
 */
class AdviseFromDefinitionTest {
  private static final Path TEMPLATE = Path.of(System.getProperty("portcullis.root"),
      "../shared/oracles/import-corpus/sam/06-owasp-order-cognito-template.yaml").normalize();

  @Test
  void sarifPointsEachRouteFindingAtTheTemplateLineOfItsEvent() throws Exception {
    Cli run = Cli.run("advise", "--from", TEMPLATE.toString(), "--format", "sarif");

    assertThat(run.err()).contains("advising on " + TEMPLATE + " as imported (SAM template): 1 gateway(s), 4 route(s)");
    JsonNode results = Json.mapper().readTree(run.out()).path("runs").path(0).path("results");
    List<String> lines = Files.readAllLines(TEMPLATE);
    JsonNode placeOrder = result(results, "PC108", "POST /placeOrder");
    JsonNode listOrders = result(results, "PC108", "GET /listOrders");
    // the events that define the routes, as the template has them (CreateOrder: POST /placeOrder, ListOrders: GET /listOrders)
    assertThat(lineOf(placeOrder, lines)).isEqualTo("CreateOrder:");
    assertThat(lineOf(listOrders, lines)).isEqualTo("ListOrders:");
    assertThat(placeOrder.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .endsWith("import-corpus/sam/06-owasp-order-cognito-template.yaml");
    // the SAM Cors preflights the import adds are placed at the API's Cors setting
    assertThat(lineOf(result(results, "PC108", "OPTIONS /placeOrder"), lines)).startsWith("Cors:");
  }

  @Test
  void notBothAWorkspaceAndADefinitionAndNeverAStackTrace(@TempDir Path dir) throws Exception {
    Cli both = Cli.run("advise", "--from", TEMPLATE.toString(), "-w", "x.pcws");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("give --workspace or --from, not both");

    Path notes = Files.writeString(dir.resolve("notes.yaml"), "shopping:\n  - milk\n");
    Cli odd = Cli.run("advise", "--from", notes.toString());
    assertThat(odd.exit()).isEqualTo(2);
    assertThat(odd.err()).contains("is not a definition Portcullis imports").doesNotContain("\tat ");
    assertThat(odd.out()).isEmpty();
  }

  private static JsonNode result(JsonNode results, String rule, String route) {
    return StreamSupport.stream(results.spliterator(), false)
        .filter(r -> r.path("ruleId").asText().equals(rule) && r.at("/message/text").asText().contains(route))
        .findFirst().orElseThrow(() -> new AssertionError("no " + rule + " result for " + route + " in " + results));
  }

  private static String lineOf(JsonNode result, List<String> lines) {
    int line = result.at("/locations/0/physicalLocation/region/startLine").asInt();
    assertThat(line).isPositive();
    return lines.get(line - 1).strip();
  }
}
