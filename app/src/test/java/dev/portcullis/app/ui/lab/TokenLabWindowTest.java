package dev.portcullis.app.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WorkbenchRobot;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TokenLabWindowTest {
  private final WorkbenchRobot app = new WorkbenchRobot();

  @Start
  void start(Stage stage) {
    app.start(stage);
  }

  @Stop
  void stop() {
    app.model().close();
  }

  @Test
  void aPastedNonJwtIsExplained(FxRobot robot) {
    app.awaitReady(robot);
    robot.clickOn("Token lab");

    robot.clickOn("#labToken").write("not-a-token");

    assertThat(WorkbenchRobot.text(robot, "#labSummary")).startsWith("This is not a JWT");
    assertThat(WorkbenchRobot.text(robot, "#labFix")).isNotEmpty();
  }

  @Test
  void decodesATokenThenTamperingMakesVerificationFail(FxRobot robot) {
    app.awaitReady(robot);
    String token = app.model().session().world().orElseThrow().identityProviders()
        .mint("bank", Map.of("actor", "ops"), "payments.example.com", Duration.ofMinutes(30), false);
    robot.clickOn("Token lab");
    robot.interact(() -> robot.lookup("#labToken").queryAs(javafx.scene.control.TextArea.class).setText(token));

    assertThat(robot.lookup("#labClaims").queryAs(TableView.class).getItems()).hasSizeGreaterThan(4);
    robot.clickOn("#labVerify");
    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#labSummary").startsWith("JWT, expires in"));
    WorkbenchRobot.await(() -> app.model().lab().inspectionProperty().get().signatureCheck().name().equals("VERIFIED"));

    CodeArea editor = robot.lookup("#labClaimsEditor").queryAs(CodeArea.class);
    robot.interact(() -> editor.replaceText(editor.getText().replace("\"ops\"", "\"root\"")));
    robot.clickOn("#labTamper");
    robot.clickOn("#labVerify");

    WorkbenchRobot.await(() -> WorkbenchRobot.text(robot, "#labSummary").contains("signature does not match"));
    assertThat(robot.lookup("root").tryQuery()).isPresent(); // the tampered claim, shown in the claims table
    assertThat(robot.lookup("#labSummary").queryAs(Label.class).getGraphic().getStyleClass()).contains("outcome-fail");
  }
}
