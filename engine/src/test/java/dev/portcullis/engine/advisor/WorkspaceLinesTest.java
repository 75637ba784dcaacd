package dev.portcullis.engine.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.store.DemoWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings point at the line of the workspace file where their subject starts. */
class WorkspaceLinesTest {
  private static final Path DEMO = Path.of(System.getProperty("portcullis.root", ".."), "profiles", "payments-demo.json");

  private static int lineOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in the demo");
  }

  @Test
  void theCachedPolicyTrapPointsAtThePartnerGateAuthoriser() throws Exception {
    byte[] bytes = Files.readAllBytes(DEMO);
    List<String> lines = Files.readAllLines(DEMO, StandardCharsets.UTF_8);
    WorkspaceLines locator = WorkspaceLines.of("profiles/payments-demo.json", bytes);
    Advice advice = Advisor.create(PriceTable.builtIn(), locator).advise(DemoWorkspace.load());
    SourceLocation at = advice.findings().get(0).location();
    assertThat(at.file()).isEqualTo("profiles/payments-demo.json");
    // the authoriser object opens on the line before its "type"
    assertThat(lines.get(at.line())).contains("\"type\": \"lambda\"");
    assertThat(lines.get(at.line() + 1)).contains("\"name\": \"partner-gate\"");
    assertThat(locator.locate(Subject.route("payments", "GET /health")).orElseThrow().line())
        .isEqualTo(lineOf(lines, "\"path\": \"/health\"") - 2);
  }

  @Test
  void aRouteWithoutItsOwnLineFallsBackToItsGatewayAndAnUnreadableFileKnowsNothing() {
    WorkspaceLines locator = WorkspaceLines.of("w.json", "{\"gateways\": [\n  {\"name\": \"api\", \"routes\": []}\n]}".getBytes(StandardCharsets.UTF_8));
    assertThat(locator.locate(Subject.route("api", "GET /x")).orElseThrow().line()).isEqualTo(2);
    assertThat(WorkspaceLines.of("w.json", "{ not json".getBytes(StandardCharsets.UTF_8)).locate(Subject.gateway("api"))).isEmpty();
  }
}
