package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send --aws} and {@code matrix --aws} name a DNS failure with its host and fix (no real network: .invalid hosts). */
class NamedFailuresCommandTest {
  private static final String HOST = "zz9plural9.execute-api.us-east-1.amazonaws.com.invalid";

  private static Path unresolvable(Path dir) throws Exception {
    return Cli.demoCopy(dir, g -> g.newBuilder().baseUrl("https://" + HOST + "/" + g.stage()).build());
  }

  @Test
  void sendPrintsTheDnsFailureAndItsFix(@TempDir Path dir) throws Exception {
    Cli run = Cli.run("send", "--workspace", unresolvable(dir).toString(), "--trust", "--request", "health (no auth)", "--aws", "aws-dev");

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("DNS failed: the host " + HOST + " could not be resolved.")
        .contains("API id 'zz9plural9' or region 'us-east-1' in the URL is likely wrong").doesNotContain("got no answer");
  }

  @Test
  void theMatrixCellSaysDnsFailedNotJustNoAnswer(@TempDir Path dir) throws Exception {
    Cli run = Cli.run("matrix", "--workspace", unresolvable(dir).toString(), "--trust", "--aws", "aws-dev", "--routes", "payments GET /health",
        "--callers", "anonymous");

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("ERROR            payments GET /health × anonymous: got no answer")
        .contains("No answer to judge: DNS failed: the host " + HOST + " could not be resolved. Fix: API id 'zz9plural9'");
  }
}
