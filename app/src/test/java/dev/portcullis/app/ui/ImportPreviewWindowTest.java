package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Issue 13: File → Import… shows what the import maps, leaves out and cannot read before anything opens. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImportPreviewWindowTest {
  private final WorkbenchRobot app = new WorkbenchRobot();
  private final Path source = Path.of(System.getProperty("portcullis.root"),
      "../shared/oracles/import-corpus/sam/06-owasp-order-cognito-template.yaml");

  @Start
  void start(Stage stage) {
    app.start(stage);
  }

  @Stop
  void stop() {
    app.model().close();
  }

  @Test
  void theReportIsShownFirstAndTheImportOpensOnlyOnOk(FxRobot robot) {
    app.awaitReady(robot);

    robot.interact(() -> app.model().importDefinition(source));
    WorkbenchRobot.await(() -> robot.lookup("#importPreview").tryQuery().isPresent());
    assertThat(robot.lookup("#importMapped .label").queryAllAs(javafx.scene.control.Label.class))
        .anyMatch(l -> l.getText().contains("route orderapi POST /placeOrder: COGNITO_USER_POOLS"));
    assertThat(((Stage) robot.window(0)).getTitle()).isEqualTo("Portcullis — payments-demo");

    robot.clickOn("Open the import");

    WorkbenchRobot.await(() -> "Portcullis — OrderApi".equals(((Stage) robot.window(0)).getTitle()));
  }

  @Test
  void cancelKeepsTheOpenWorkspace(FxRobot robot) {
    app.awaitReady(robot);

    robot.interact(() -> app.model().importDefinition(source));
    WorkbenchRobot.await(() -> robot.lookup("#importPreview").tryQuery().isPresent());
    robot.clickOn("Cancel");

    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#statusBar").startsWith("Import of 06-owasp-order-cognito-template.yaml cancelled"));
    assertThat(app.model().workspaceProperty().get().name()).isEqualTo("payments-demo");
  }
}
