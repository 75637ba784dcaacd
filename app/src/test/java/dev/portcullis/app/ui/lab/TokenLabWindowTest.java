package dev.portcullis.app.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.WindowTest;
import dev.portcullis.app.ui.WorkbenchRobot;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

@WindowTest
class TokenLabWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();

  @Test
  void aPastedNonJwtIsExplained(FxRobot robot) {
    robot.clickOn("Token lab");

    robot.clickOn("#labToken").write("not-a-token");

    assertThat(WorkbenchRobot.text(robot, "#labSummary")).startsWith("This is not a JWT");
    assertThat(WorkbenchRobot.text(robot, "#labFix")).isNotEmpty();
  }

  @Test
  void decodesATokenThenTamperingMakesVerificationFail(FxRobot robot) {
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
