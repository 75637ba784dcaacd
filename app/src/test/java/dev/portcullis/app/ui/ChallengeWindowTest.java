package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.cognito.Totp;
import dev.portcullis.engine.model.Workspace;
import java.time.Instant;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Bob without his MFA secret: the login asks for the TOTP code in a dialog, answered as a person would. */
@WindowTest
class ChallengeWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot();
  private final Workspace workspace = DemoWorkspaces.bobWithoutMfaSecret();

  @Test
  void theTotpDialogAnswersBobsMfaChallenge(FxRobot robot) {
    robot.interact(() -> app.model().openWorkspace(workspace));
    WorkbenchRobot.await(() -> app.model().session() != null && app.model().session().workspace() == workspace);
    robot.clickOn("me as bob");
    WorkbenchRobot.await(() -> !robot.lookup("#send").queryAs(Button.class).isDisabled());

    robot.clickOn("#send");

    WorkbenchRobot.await(() -> robot.lookup("#questionAnswer").tryQuery().isPresent());
    assertThat(robot.lookup("Authenticator code").tryQuery()).isPresent();
    robot.clickOn("#questionAnswer").write(Totp.cognito().code(DemoWorkspaces.bobTotpSecret(workspace), Instant.now()));
    robot.clickOn("OK");

    WorkbenchRobot.await(() -> robot.lookup("#verdictSentence").queryAs(Label.class).getText().contains("as expected"));
    assertThat(robot.lookup("#questionAnswer").tryQuery()).isEmpty();
  }
}
