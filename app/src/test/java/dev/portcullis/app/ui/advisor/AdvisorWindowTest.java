package dev.portcullis.app.ui.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WindowTest;
import dev.portcullis.app.ui.WorkbenchRobot;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

@WindowTest
class AdvisorWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  @Test
  void theDemosTrapLinksToItsRouteAndTheFiltersTableHasEveryRoute(FxRobot robot) {
    WorkbenchRobot.selectTab(robot, "tabAdvisor");
    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#advisorSummary").startsWith("1 high finding"));
    javafx.scene.layout.VBox findings = robot.lookup("#advisorFindings").queryAs(javafx.scene.layout.VBox.class);
    assertThat(findings.getChildren()).hasSize(1);
    // the first card starts inside the scrolled area, not above it (a ListView of wrapping cells clipped it)
    javafx.scene.control.ScrollPane scroll = robot.lookup("#advisorFindingsScroll").queryAs(javafx.scene.control.ScrollPane.class);
    double viewportTop = scroll.localToScene(scroll.getBoundsInLocal()).getMinY();
    javafx.scene.Node first = findings.getChildren().getFirst();
    assertThat(first.localToScene(first.getBoundsInLocal()).getMinY()).isGreaterThanOrEqualTo(viewportTop);
    javafx.scene.Node heading = ((javafx.scene.layout.VBox) first).getChildren().getFirst();
    assertThat(heading.localToScene(heading.getBoundsInLocal()).getMinY()).as("the heading has the card's padding above it")
        .isGreaterThan(viewportTop + 4);

    robot.clickOn(robot.lookup(".advisor-route-link").queryAs(Hyperlink.class));

    WorkbenchRobot.await(() -> "tabRequest".equals(robot.lookup("#workTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId()));
    WorkbenchRobot.selectTab(robot, "tabAdvisor");
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
