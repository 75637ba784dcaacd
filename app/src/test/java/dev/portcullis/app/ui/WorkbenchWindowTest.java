package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
  @Start
  void start(Stage stage) {
    new WorkbenchApp().start(stage);
  }

  @Test
  void opensOnTheDemoWithItsApisInTheTree(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
        () -> robot.lookup("#workspaceTree").queryAs(TreeView.class).getRoot() != null);

    TreeView<?> tree = robot.lookup("#workspaceTree").queryAs(TreeView.class);
    assertThat(tree.getRoot().getChildren()).hasSize(3);
    assertThat(robot.lookup("payments").tryQuery()).isPresent();
    assertThat(robot.lookup("#statusBar").queryAs(Label.class).getText()).contains("3 APIs");
    assertThat(robot.window(0).getScene().getWindow()).isInstanceOf(Stage.class);
    assertThat(((Stage) robot.window(0)).getTitle()).isEqualTo("Portcullis — payments-demo");
  }
}
