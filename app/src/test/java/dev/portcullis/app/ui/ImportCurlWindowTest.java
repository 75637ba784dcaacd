package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Issue 14's File → Import curl… and Copy as curl, in the real window. */
@WindowTest
class ImportCurlWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  @Test
  void aBadCommandSaysWhyInTheDialogAndAGoodOneBecomesARequest(FxRobot robot) {
    int before = app.model().workspaceProperty().get().requests().size();

    robot.clickOn("File").clickOn("Import curl…");
    WorkbenchRobot.await(() -> robot.lookup("#curlCommand").tryQuery().isPresent());
    robot.interact(() -> robot.lookup("#curlCommand").queryAs(TextArea.class).setText("curl -X"));
    robot.clickOn("#curlOk");

    WorkbenchRobot.await(() -> !WorkbenchRobot.text(robot, "#curlRefusal").isEmpty());
    assertThat(WorkbenchRobot.text(robot, "#curlRefusal")).startsWith("That did not become a request: ");
    assertThat(robot.lookup("#curlCommand").queryAs(TextArea.class).getText()).as("the command as typed stays").isEqualTo("curl -X");
    assertThat(app.model().workspaceProperty().get().requests()).hasSize(before);

    robot.interact(() -> robot.lookup("#curlCommand").queryAs(TextArea.class)
        .setText("curl -s http://127.0.0.1:9321/prod/health -H 'X-From: dialog'"));
    robot.clickOn("#curlOk");

    WorkbenchRobot.await(() -> robot.lookup("#curlCommand").tryQuery().isEmpty());
    WorkbenchRobot.await(() -> robot.lookup("#requestName").queryAs(Label.class).getText().startsWith("curl GET /health"));
    assertThat(app.model().workspaceProperty().get().requests()).hasSize(before + 1);
    assertThat(app.model().request().headersProperty().get()).isEqualTo("X-From: dialog");
  }

  @Test
  void copyAsCurlPutsTheEditedRequestOnTheClipboardAndSaysSo(FxRobot robot) {
    robot.interact(() -> {
      app.model().selectRequest("health (no auth)");
      app.model().request().headersProperty().set("X-Edited: yes");
    });

    robot.clickOn("#copyCurl");

    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#statusBar").startsWith("Copied GET /health"));
    String[] copied = new String[1];
    robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
    assertThat(copied[0]).contains("curl -sS -X GET").contains("/prod/health").contains("-H 'X-Edited: yes'");
  }

  @Test
  void theTreesContextMenuCopiesARequestAsCurl(FxRobot robot) {
    robot.interact(() -> app.model().selectRequest("health (no auth)")); // the tree scrolls to it

    javafx.scene.control.Cell<?> row = robot.lookup("#workspaceTree .tree-cell")
        .match(org.testfx.matcher.control.LabeledMatchers.hasText("health (no auth)")).query(); // the row, not the editor's title
    // the row's own context menu item, fired as a click on it would (a popup's position under Xvfb is not what is tested)
    robot.interact(() -> row.getContextMenu().getItems().stream().filter(i -> "menuCopyCurl".equals(i.getId())).findFirst()
        .orElseThrow().fire());

    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#statusBar").startsWith("Copied GET /health"));
    String[] copied = new String[1];
    robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
    assertThat(copied[0]).startsWith("# against the local gateway").contains("curl -sS -X GET").contains("/prod/health");
  }
}
