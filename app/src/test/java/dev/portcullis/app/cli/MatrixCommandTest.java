package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portcullis matrix} end to end: the demo passes; a broken copy fails and names the cell. */
class MatrixCommandTest {
  private static final String INTERNAL = "*/internal/*";

  @Test
  void theDemoMatrixPrintsTheGridAndExitsZero() {
    Cli run = Cli.run("matrix");
    assertThat(run.exit()).as(run.err()).isZero();
    String[] lines = run.out().split("\n");
    assertThat(lines[0]).startsWith("route").contains("alice", "refresh-job", "bank-backoffice", "anonymous");
    assertThat(run.out()).contains("payments POST /internal/refresh", "mobile POST /v2/internal/sync", "112 cells in")
        .contains(": 112 as expected").contains("left out: 'transactions: throttled burst'").doesNotContain("UNEXPECTED");
    String refreshRow = run.out().lines().filter(l -> l.startsWith("payments POST /internal/refresh")).findFirst().orElseThrow();
    assertThat(refreshRow.split("\\s{2,}")).containsSubsequence("✓ 403*", "✓ 200", "✓ 403");
    assertThat(run.out()).doesNotContain("\u001b[");
  }

  @Test
  void anIamRouteSetToNoneExitsOneAndNamesTheUnexpectedAllowFirst(@TempDir Path dir) throws Exception {
    Path broken = Cli.demoCopy(dir, Cli.authorization("mobile", "/v2/internal/sync", Route.AuthorizationType.NONE, false));
    Cli run = Cli.run("matrix", "--workspace", broken.toString(), "--routes", INTERNAL);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out().lines().findFirst().orElseThrow())
        .startsWith("UNEXPECTED ALLOW").contains("mobile POST /v2/internal/sync × reporting").contains("saved request 'v2 sync as reporting'");
  }

  @Test
  void refreshSetToNoneFailsAndOnceItsResourcePolicyGoesReportingGetsIn(@TempDir Path dir) throws Exception {
    Path guarded = Cli.demoCopy(dir, Cli.authorization("payments", "/internal/refresh", Route.AuthorizationType.NONE, false));
    Cli stillGuarded = Cli.run("matrix", "--workspace", guarded.toString(), "--routes", INTERNAL, "--callers", "refresh-job,reporting");
    assertThat(stillGuarded.exit()).isEqualTo(1);
    assertThat(stillGuarded.out()).contains("UNEXPECTED DENY  payments POST /internal/refresh × refresh-job");

    Path open = Cli.demoCopy(dir, Cli.authorization("payments", "/internal/refresh", Route.AuthorizationType.NONE, true));
    Cli run = Cli.run("matrix", "--workspace", open.toString(), "--routes", INTERNAL, "--callers", "refresh-job,reporting");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("UNEXPECTED ALLOW").contains("payments POST /internal/refresh × reporting");
  }

  @Test
  void usageAndConfigurationErrorsExitTwoWithASentence(@TempDir Path dir) throws Exception {
    Cli unknownCaller = Cli.run("matrix", "--callers", "mallory");
    assertThat(unknownCaller.exit()).isEqualTo(2);
    assertThat(unknownCaller.err()).contains("caller 'mallory' is not in workspace payments-demo").doesNotContain("Exception");
    assertThat(Cli.run("matrix", "--format", "pdf").err()).contains("'pdf' is not a format");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ not json");
    Cli badFile = Cli.run("matrix", "--workspace", bad.toString());
    assertThat(badFile.exit()).isEqualTo(2);
    assertThat(badFile.err()).startsWith("portcullis: ").doesNotContain("\tat ");
  }
}
