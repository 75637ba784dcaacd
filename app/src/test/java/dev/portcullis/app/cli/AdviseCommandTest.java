package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.advisor.WhatIf;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portcullis advise} end to end: the demo's trap fails the run, formats, and one-sentence errors. */
class AdviseCommandTest {
  @Test
  void theDemoFailsOnTheCachedPolicyTrapAndShowsEverySection() {
    Cli run = Cli.run("advise");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).startsWith("Advice for workspace payments-demo: 1 high finding;")
        .contains("PC104 cached-method-policy  payments / authoriser partner-gate", "at: profiles/payments-demo.json:")
        .contains("Routes (the five filters)", "Callers (the fit of the design's table)", "Cost and latency (prices of 2025-06-01")
        .doesNotContain("PC101", "PC108");
  }

  @Test
  void onlyMediumFindingsExitZero(@TempDir Path dir) throws Exception {
    // TTL 0 springs no trap but invokes the function on every request: a medium finding, not a failing one
    Workspace changed = WhatIf.apply(DemoWorkspace.load(), List.of(new WhatIf.SetTtl("payments", "partner-gate", 0)));
    Path file = dir.resolve("ttl0.json");
    WorkspaceStore.create(Clock.systemUTC()).save(changed, file);
    Cli run = Cli.run("advise", "-w", file.toString(), "--format", "md");
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("### MEDIUM · PC105 ttl-zero-on-busy-route").doesNotContain("PC104");
  }

  @Test
  void sarifAndJsonGoToAFileWithASummaryLine(@TempDir Path dir) throws Exception {
    Path sarif = dir.resolve("advice.sarif");
    Cli run = Cli.run("advise", "--format", "SARIF", "--out", sarif.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("portcullis: payments-demo: 1 high finding; the sarif report is in " + sarif);
    assertThat(Files.readString(sarif)).contains("\"version\": \"2.1.0\"", "\"ruleId\": \"PC104\"", "\"uri\": \"profiles/payments-demo.json\"");
    Cli json = Cli.run("advise", "--format", "json");
    assertThat(json.out()).contains("\"failsBuild\": true", "\"requestsPerInvocation\": 30");
  }

  @Test
  void inputsAndPricesFilesChangeTheCostModel(@TempDir Path dir) throws Exception {
    Path inputs = dir.resolve("inputs.json");
    Files.writeString(inputs, "{\"routes\": {\"payments POST /partners/{id}/transactions\": {\"rps\": 200, \"distinctTokensPerWindow\": 1}}}");
    Cli run = Cli.run("advise", "--format", "json", "--inputs", inputs.toString());
    assertThat(run.out()).contains("\"requestsPerInvocation\": 60000");
  }

  @Test
  void badOptionsAndFilesExitTwoWithOneSentence(@TempDir Path dir) throws Exception {
    Cli format = Cli.run("advise", "--format", "pdf");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).contains("'pdf' is not a format; use text, md, json or sarif");
    Path prices = dir.resolve("prices.json");
    Files.writeString(prices, "{\"schemaVersion\": 1}");
    Cli badPrices = Cli.run("advise", "--prices", prices.toString());
    assertThat(badPrices.exit()).isEqualTo(2);
    assertThat(badPrices.err()).startsWith("portcullis: Price table " + prices + " is not valid:").doesNotContain("\tat ");
    Path inputs = dir.resolve("inputs.json");
    Files.writeString(inputs, "{\"defaults\": {\"lambdaMemoryMb\": 64}}");
    Cli badInputs = Cli.run("advise", "--inputs", inputs.toString());
    assertThat(badInputs.exit()).isEqualTo(2);
    assertThat(badInputs.err()).contains("Cost inputs " + inputs + ": defaults: Lambda memory must be 128 MB to 10,240 MB, not 64");
    Path unknown = dir.resolve("unknown.json");
    Files.writeString(unknown, "{\"routes\": {\"payments GET /nope\": {\"rps\": 5}}}");
    Cli unknownRoute = Cli.run("advise", "--inputs", unknown.toString());
    assertThat(unknownRoute.exit()).isEqualTo(2);
    assertThat(unknownRoute.err()).contains("route 'payments GET /nope' is not in workspace payments-demo");
    Path ws = dir.resolve("bad.json");
    Files.writeString(ws, "{ not json");
    Cli badWorkspace = Cli.run("advise", "-w", ws.toString());
    assertThat(badWorkspace.exit()).isEqualTo(2);
    assertThat(badWorkspace.err()).startsWith("portcullis: ").doesNotContain("\tat ");
  }
}
