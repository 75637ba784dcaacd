package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.store.WorkspaceStore;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Issue 14's first "done when": a new request from a route, edited, Ctrl+S, and the edit is in the file. */
@WindowTest
class WorkbenchRequestsWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();
  private final WorkspaceStore store = WorkspaceStore.create(Clock.systemUTC());

  @TempDir
  Path dir;

  @Test
  void aNewRequestFromARouteEditedAndSavedWithCtrlSIsInTheFileWhenReopened(FxRobot robot) throws Exception {
    Path file = dir.resolve("mine.json");
    store.save(DemoWorkspaces.demo(), file);
    // written outside the workbench, so untrusted until the user says so; this user did, before opening it
    dev.portcullis.engine.trust.TrustStore.standard().trust(file, java.nio.file.Files.readAllBytes(file));
    robot.interact(() -> app.model().open(file));
    WorkbenchRobot.await(() -> file.equals(app.model().fileProperty().get()) && app.model().session() != null);

    robot.clickOn("GET /health");
    WorkbenchRobot.await(() -> robot.lookup("#requestName").queryAs(Label.class).getText().startsWith("GET /health"));
    assertThat(app.model().request().callerProperty().get()).isEqualTo("anonymous");
    robot.clickOn("#url").press(KeyCode.END).release(KeyCode.END).write("?probe=1");
    WorkbenchRobot.await(() -> robot.lookup("#requestName").queryAs(Label.class).getText().endsWith("• edited"));
    assertThat(((Stage) robot.window(0)).getTitle()).endsWith("• unsaved");
    assertThat(robot.lookup("GET /health •").tryQuery()).as("the tree marks the unsaved request").isPresent();

    robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

    WorkbenchRobot.await(() -> !app.model().dirtyProperty().get());
    assertThat(((Stage) robot.window(0)).getTitle()).isEqualTo("Portcullis — payments-demo");
    var reopened = store.load(file).request("GET /health").orElseThrow();
    assertThat(reopened.path()).isEqualTo("/health?probe=1");
    assertThat(reopened.caller()).isEqualTo("anonymous");
  }

  @Test
  void ctrlNMakesANewRequestThatSendsWhatTheEditorShows(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
    WorkbenchRobot.await(() -> robot.lookup("#url").query().isFocused());
    robot.write("/health");
    robot.interact(() -> app.model().request().callerProperty().set("anonymous"));
    WorkbenchRobot.await(() -> !robot.lookup("#send").queryAs(Button.class).isDisabled());
    robot.clickOn("#send");

    WorkbenchRobot.await(() -> app.model().trace().traceProperty().get() != null);
    assertThat(app.model().trace().traceProperty().get().request().name()).isEqualTo("New request");
    assertThat(app.model().trace().traceProperty().get().verdict().actual().status()).isEqualTo(200);
    assertThat(robot.lookup("New request •").tryQuery()).isPresent();
  }
}
