package dev.portcullis.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.cli.PortcullisCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private record Run(int exit, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PortcullisCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    Run run = cli("--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Usage: portcullis").contains("--version").contains("opens the workbench");
  }

  @Test
  void versionNamesPortcullisAndTheJava() {
    Run run = cli("--version");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("Portcullis ").contains("Java ");
  }

  @Test
  void unknownOptionIsOneSentenceAndUsageWithExitTwo() {
    Run run = cli("--frobnicate");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("portcullis: Unknown option: '--frobnicate'").contains("Usage:").doesNotContain("Exception");
  }

  @Test
  void noDisplayOnLinuxSaysSoAndSuggestsHeadlessCommands() {
    String message = Main.missingDisplay(Map.of(), "Linux", null);

    assertThat(message).contains("no display found").contains("./portcullis --help").contains("xvfb-run ./portcullis");
  }

  @Test
  void aDisplayOrMonocleOrAnotherOsNeedsNoMessage() {
    assertThat(Main.missingDisplay(Map.of("DISPLAY", ":99"), "Linux", null)).isNull();
    assertThat(Main.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isNull();
    assertThat(Main.missingDisplay(Map.of(), "Linux", "Monocle")).isNull();
    assertThat(Main.missingDisplay(Map.of(), "Mac OS X", null)).isNull();
  }

  @Test
  void anExistingPcwsFileOpensTheWorkbenchAndAnythingElseIsTheCli(@TempDir Path dir) throws Exception {
    Path workspace = Files.writeString(dir.resolve("payments.pcws"), "{}");

    assertThat(Main.openedWorkspace(workspace.toString())).isEqualTo(workspace);
    assertThat(Main.openedWorkspace(dir.resolve("missing.pcws").toString())).isNull();
    assertThat(Main.openedWorkspace("gateway")).isNull();
    assertThat(Main.openedWorkspace(Files.writeString(dir.resolve("other.json"), "{}").toString())).isNull();
  }
}
