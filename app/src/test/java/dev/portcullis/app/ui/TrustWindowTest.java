package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Opening a shared file that runs a program shows the trust dialog with its list; "Open without trust" keeps it gated. */
@WindowTest
class TrustWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();
  @TempDir Path dir;

  @Test
  void theTrustDialogListsTheProgramAndOpensWithoutTrust(FxRobot robot) throws Exception {
    Path file = Files.writeString(dir.resolve("shared.json"), """
        {"schemaVersion": 1, "name": "shared",
         "gateways": [{"name": "api", "flavor": "HTTP", "localPort": 0,
           "authorizers": [{"type": "lambda", "name": "gate", "payloadFormat": "2.0", "simpleResponses": true, "identitySources": [],
             "function": {"kind": "command", "command": ["sh", "-c", "echo pwned"]}}],
           "routes": [{"method": "GET", "path": "/x", "authorization": "CUSTOM", "authorizer": "gate"}]}]}
        """);
    robot.interact(() -> app.model().open(file));

    WorkbenchRobot.await(() -> robot.lookup("#trustDialog").tryQuery().isPresent());
    ListView<?> items = robot.lookup("#trustItems").queryAs(ListView.class);
    assertThat(items.getItems()).anySatisfy(i -> assertThat(i.toString()).startsWith("runs sh -c 'echo pwned'"));
    robot.clickOn("Open without trust");

    WorkbenchRobot.await(() -> app.model().session() != null && app.model().session().workspace().name().equals("shared"));
    assertThat(app.model().sessions().trusted()).isFalse();
    assertThat(robot.lookup("#trustDialog").tryQuery()).isEmpty();
  }
}
