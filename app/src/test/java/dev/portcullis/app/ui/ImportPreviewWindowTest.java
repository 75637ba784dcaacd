package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Issue 13: File → Import… shows what the import maps, leaves out and cannot read before anything opens. */
@WindowTest
class ImportPreviewWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();
  private final Path source = Path.of(System.getProperty("portcullis.root"),
      "../shared/oracles/import-corpus/sam/06-owasp-order-cognito-template.yaml");

  @Test
  void theReportIsShownFirstAndTheImportOpensOnlyOnOk(FxRobot robot) {
    robot.interact(() -> app.model().importDefinition(source));
    WorkbenchRobot.await(() -> robot.lookup("#importPreview").tryQuery().isPresent());
    assertThat(robot.lookup("#importMapped .label").queryAllAs(javafx.scene.control.Label.class))
        .anyMatch(l -> l.getText().contains("route orderapi POST /placeOrder: COGNITO_USER_POOLS")
            // where the route is: the CreateOrder event's key, line 387 of the template
            && l.getText().endsWith("(06-owasp-order-cognito-template.yaml:387)"));
    assertThat(((Stage) robot.window(0)).getTitle()).isEqualTo("Portcullis — payments-demo");

    robot.clickOn("Open the import");

    WorkbenchRobot.await(() -> "Portcullis — OrderApi".equals(((Stage) robot.window(0)).getTitle()));
  }

  @Test
  void cancelKeepsTheOpenWorkspace(FxRobot robot) {
    robot.interact(() -> app.model().importDefinition(source));
    WorkbenchRobot.await(() -> robot.lookup("#importPreview").tryQuery().isPresent());
    robot.clickOn("Cancel");

    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#statusBar").startsWith("Import of 06-owasp-order-cognito-template.yaml cancelled"));
    assertThat(app.model().workspaceProperty().get().name()).isEqualTo("payments-demo");
  }
}
