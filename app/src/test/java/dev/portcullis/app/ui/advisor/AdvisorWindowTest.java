package dev.portcullis.app.ui.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WorkbenchRobot;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AdvisorWindowTest {
  private final WorkbenchRobot app = new WorkbenchRobot();

  @Start
  void start(Stage stage) {
    app.start(stage);
  }

  @Stop
  void stop() {
    app.model().close();
  }

  /** The work tabs may overflow a small headless window, so the tab is selected as a menu would. */
  private static void showAdvisor(FxRobot robot) {
    TabPane tabs = robot.lookup("#workTabs").queryAs(TabPane.class);
    robot.interact(() -> tabs.getTabs().stream().filter(t -> "tabAdvisor".equals(t.getId())).findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t)));
  }

  @Test
  void theDemosTrapLinksToItsRouteAndTheFiltersTableHasEveryRoute(FxRobot robot) {
    app.awaitReady(robot);
    showAdvisor(robot);
    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#advisorSummary").startsWith("1 high finding"));
    assertThat(robot.lookup("#advisorFindings").queryAs(ListView.class).getItems()).hasSize(1);

    robot.clickOn(robot.lookup(".advisor-route-link").queryAs(Hyperlink.class));

    WorkbenchRobot.await(() -> "tabRequest".equals(robot.lookup("#workTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId()));
    showAdvisor(robot);
    robot.clickOn("Five filters");
    assertThat(robot.lookup("#advisorFilters").queryAs(TableView.class).getItems()).hasSize(8);
    robot.clickOn("Cost model");
    assertThat(WorkbenchRobot.text(robot, "#advisorCostText")).contains("payments POST /partners/{id}/transactions", "one per 30 requests");
    robot.clickOn("Findings");
    robot.clickOn(".advisor-try-fix");
    WorkbenchRobot.await(() -> robot.lookup("#advisorWhatIfResult").queryAs(javafx.scene.control.TextArea.class).getText()
        .contains("Resolved: PC104 cached-method-policy"));
  }
}
