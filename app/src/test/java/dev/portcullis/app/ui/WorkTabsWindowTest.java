package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** The work tabs at 1024×700 with the trace shown: every tab is in view, none in the overflow menu. */
@WindowTest
class WorkTabsWindowTest {
  private static final List<String> NAMES = List.of("Request", "Token lab", "Console", "Matrix", "Caller", "Authoriser", "Advisor",
      "History", "Envs");

  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  @Test
  void at1024PixelsEveryTabIsInViewAndTheSelectedOneSaysItsName(FxRobot robot) {
    robot.interact(() -> app.model().trace().shownProperty().set(true));
    resize(robot, 1024, 700);

    assertThat(outOfView(robot)).as("tab headers past the header area's right edge").isEmpty();
    assertThat(namesShown(robot)).containsExactly("Request");
    assertThat(tabs(robot).getTabs()).extracting(t -> t.getTooltip().getText()).containsExactlyElementsOf(NAMES);

    WorkbenchRobot.selectTab(robot, "tabLab");
    WorkbenchRobot.await(() -> true);
    assertThat(namesShown(robot)).containsExactly("Token lab");
    assertThat(outOfView(robot)).isEmpty();

    resize(robot, 1280, 800);
    assertThat(namesShown(robot)).as("room for every name again").containsExactlyElementsOf(NAMES);
    assertThat(outOfView(robot)).isEmpty();
  }

  private static void resize(FxRobot robot, int width, int height) {
    robot.interact(() -> {
      Stage stage = (Stage) robot.window(0);
      stage.setWidth(width);
      stage.setHeight(height);
    });
    WorkbenchRobot.await(() -> true); // a layout pulse, and the one the fitted names ask for
  }

  private static TabPane tabs(FxRobot robot) {
    return robot.lookup("#workTabs").queryAs(TabPane.class);
  }

  private static Region headerArea(FxRobot robot) {
    return (Region) child(tabs(robot), "tab-header-area");
  }

  /** The headers as drawn: one per tab, with the tab's id. */
  private static List<Node> headers(FxRobot robot) {
    return ((Parent) child(headerArea(robot), "headers-region")).getChildrenUnmodifiable();
  }

  private static List<String> outOfView(FxRobot robot) {
    Region area = headerArea(robot);
    double right = area.getWidth() - area.snappedRightInset();
    return headers(robot).stream().filter(h -> {
      Bounds b = area.sceneToLocal(h.localToScene(h.getLayoutBounds()));
      return b.getMaxX() > right + 0.5 || b.getMinX() < -0.5;
    }).map(Node::getId).toList();
  }

  /** The names a person can read on the headers, in tab order. */
  private static List<String> namesShown(FxRobot robot) {
    List<String> ids = tabs(robot).getTabs().stream().map(Tab::getId).toList();
    return headers(robot).stream().filter(h -> ids.contains(h.getId()))
        .flatMap(h -> h.lookupAll(".text").stream()).filter(n -> n instanceof Text t && n.isVisible() && !t.getText().isEmpty())
        .map(n -> ((Text) n).getText()).toList();
  }

  private static Node child(Parent parent, String styleClass) {
    return parent.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains(styleClass)).findFirst().orElseThrow();
  }
}
