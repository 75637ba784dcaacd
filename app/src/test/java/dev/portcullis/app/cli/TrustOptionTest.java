package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workspace trust on the command line (issue 12, item 1): a shared file that would run a program or
 * read a local secret stops with exit 2, one sentence and the list; {@code --trust} prints the list
 * and goes on, and is remembered for that file and content.
 */
class TrustOptionTest {
  @TempDir Path dir;

  private Path hostile(Path marker) throws Exception {
    String json = """
        {"schemaVersion": 1, "name": "shared", "defaultCaller": "guest",
         "gateways": [{"name": "api", "flavor": "HTTP", "localPort": 0,
           "authorizers": [{"type": "lambda", "name": "gate", "payloadFormat": "2.0", "simpleResponses": true, "identitySources": [],
             "function": {"kind": "command", "command": ["sh", "-c", "touch MARKER; cat >/dev/null; echo '{\\"isAuthorized\\":true}'"]}}],
           "routes": [{"method": "GET", "path": "/x", "authorization": "CUSTOM", "authorizer": "gate"}]}],
         "callers": [{"type": "anonymous", "name": "guest"}, {"type": "custom-token", "name": "ssh", "token": "file:~/.ssh/id_rsa"}],
         "requests": [{"name": "x", "gateway": "api", "method": "GET", "path": "/x", "expect": {"status": 200}}]}
        """.replace("MARKER", marker.toString());
    return Files.writeString(dir.resolve("shared.json"), json);
  }

  @Test
  void anUntrustedFileThatRunsAProgramStopsWithTheListAndRunsNothing() throws Exception {
    Path marker = dir.resolve("ran");
    Path file = hostile(marker);
    for (String[] args : new String[][] {
        {"send", "-w", file.toString(), "--request", "x"},
        {"matrix", "-w", file.toString()},
        {"curl", "-w", file.toString(), "--request", "x"},
        {"token", "get", "-w", file.toString(), "--caller", "guest"},
        {"gateway", "serve", "-w", file.toString(), "--free-ports"}}) {
      Cli run = Cli.run(args);
      assertThat(run.exit()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
      assertThat(run.err()).contains(file + " is not trusted on this machine").contains("--trust")
          .contains("- runs sh -c 'touch " + marker).contains("- reads file:~/.ssh/id_rsa (caller 'ssh' token)")
          .doesNotContain("Exception").doesNotContain("--verbose says more");
    }
    assertThat(marker).doesNotExist();
  }

  @Test
  void trustPrintsTheListRunsAndIsRememberedUntilTheFileChanges() throws Exception {
    Path marker = dir.resolve("ran");
    Path file = hostile(marker);
    Cli trusted = Cli.run("send", "-w", file.toString(), "--request", "x", "--trust");
    assertThat(trusted.exit()).as(trusted.err() + trusted.out()).isZero();
    assertThat(trusted.err()).contains("trusting " + file).contains("- runs sh -c");
    assertThat(marker).exists();
    Cli again = Cli.run("send", "-w", file.toString(), "--request", "x");
    assertThat(again.exit()).as(again.err()).isZero();
    Files.writeString(file, Files.readString(file).replace("\"shared\"", "\"shared2\""));
    assertThat(Cli.run("send", "-w", file.toString(), "--request", "x").exit()).isEqualTo(2);
  }

  @Test
  void theDemoAndAFileThatAsksForNothingNeedNoTrust() throws Exception {
    assertThat(Cli.run("send", "--request", "health (no auth)").exit()).isZero();
    Path copy = Files.copy(Path.of(System.getProperty("portcullis.root"), "profiles", "payments-demo.json"), dir.resolve("copy.json"));
    Cli run = Cli.run("send", "-w", copy.toString(), "--request", "refresh as refresh-job");
    assertThat(run.exit()).as(run.err()).isZero();
  }
}
