package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Issue 14's "paste a full local URL and an execute-api URL; paste a curl command", an undo, and a drag, in the real window. */
@WindowTest
class PasteAndDragWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  private void pasteIntoUrl(FxRobot robot, String text) {
    robot.interact(() -> {
      ClipboardContent content = new ClipboardContent();
      content.putString(text);
      Clipboard.getSystemClipboard().setContent(content);
    });
    robot.clickOn("#url").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
  }

  @Test
  void aPastedLocalUrlAndAnExecuteApiUrlAreSplitAndSaySo(FxRobot robot) {
    robot.interact(() -> app.model().selectRequest("health (no auth)"));

    pasteIntoUrl(robot, "http://127.0.0.1:9321/prod/me");
    WorkbenchRobot.await(() -> "/me".equals(app.model().request().pathProperty().get()));
    assertThat(app.model().request().gatewayProperty().get()).isEqualTo("payments");
    assertThat(WorkbenchRobot.text(robot, "#statusBar")).contains("API payments, stage prod, path /me");

    pasteIntoUrl(robot, "https://b2blocal.execute-api.eu-west-1.amazonaws.com/b2b/settlements");
    WorkbenchRobot.await(() -> "/b2b/settlements".equals(app.model().request().pathProperty().get()));
    assertThat(app.model().request().gatewayProperty().get()).isEqualTo("b2b");
    assertThat(WorkbenchRobot.text(robot, "#statusBar")).contains("an execute-api URL");

    pasteIntoUrl(robot, "https://nowhere.example.org/me");
    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#statusBar").startsWith("That URL matches no API"));
    assertThat(app.model().request().pathProperty().get()).isEqualTo("/b2b/settlements");
  }

  @Test
  void aPastedCurlCommandBecomesARequestInTheTree(FxRobot robot) {
    robot.interact(() -> app.model().selectRequest("health (no auth)"));

    pasteIntoUrl(robot, "curl -s http://127.0.0.1:9321/prod/health -H 'X-From: curl'");

    WorkbenchRobot.await(() -> robot.lookup("#requestName").queryAs(Label.class).getText().startsWith("curl GET /health"));
    assertThat(robot.lookup("curl GET /health •").tryQuery()).as("the new request, unsaved, in the tree").isPresent();
    assertThat(app.model().request().headersProperty().get()).isEqualTo("X-From: curl");
  }

  @Test
  void ctrlZUndoesTheLastEditOfThePathButNotTheLoadOfTheRequest(FxRobot robot) {
    robot.clickOn("me as bob");
    robot.interact(() -> app.model().selectRequest("health (no auth)")); // the tree scrolls to it
    WorkbenchRobot.await(() -> "/health".equals(app.model().request().pathProperty().get()));

    robot.clickOn("#url").press(KeyCode.END).release(KeyCode.END).write("?x=1");
    WorkbenchRobot.await(() -> "/health?x=1".equals(app.model().request().pathProperty().get()));
    for (int i = 0; i < 3; i++) {
      robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    }

    WorkbenchRobot.await(() -> "/health".equals(app.model().request().pathProperty().get()));
    assertThat(app.model().request().dirtyProperty().get()).isFalse();
    robot.interact(() -> robot.lookup("#requestTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(3));
    robot.clickOn("#expectStatus").press(KeyCode.END).release(KeyCode.END).write("4"); // the saved expectation is 200
    WorkbenchRobot.await(() -> "2004".equals(app.model().request().expectStatusProperty().get()));
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    assertThat(app.model().request().expectStatusProperty().get()).isEqualTo("200");
  }

  @Test
  void aRequestDraggedOntoAFolderMovesIntoIt(FxRobot robot) {
    robot.interact(() -> app.model().selectRequest("health (no auth)")); // the tree scrolls to it

    robot.drag("health (no auth)").dropTo("b2b");

    WorkbenchRobot.await(() -> "b2b".equals(app.model().workspaceProperty().get().request("health (no auth)").orElseThrow().folder()));
    assertThat(WorkbenchRobot.text(robot, "#statusBar")).isEqualTo("Moved health (no auth) in b2b.");
  }
}
