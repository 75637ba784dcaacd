package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** The first window fits the screen even when the size remembered from the last run does not. */
@WindowTest
class FirstWindowTest {
  @RegisterExtension final WorkbenchRobot app = new WorkbenchRobot(leftOnAWideMonitor());

  @Test
  void aWindowRememberedLargerThanTheScreenOpensWhollyOnIt(FxRobot robot) {
    Window window = robot.window(0);
    Rectangle2D usable = Screen.getPrimary().getVisualBounds();

    assertThat(window.getWidth()).isLessThanOrEqualTo(usable.getWidth()).isGreaterThan(usable.getWidth() / 2);
    assertThat(window.getHeight()).isLessThanOrEqualTo(usable.getHeight()).isGreaterThan(usable.getHeight() / 2);
    assertThat(window.getX()).isBetween(usable.getMinX(), usable.getMaxX() - window.getWidth());
    assertThat(window.getY()).isBetween(usable.getMinY(), usable.getMaxY() - window.getHeight());
  }

  private static UiPrefs leftOnAWideMonitor() {
    UiPrefs prefs = UiPrefs.memory();
    prefs.put("width", "3840");
    prefs.put("height", "2160");
    return prefs;
  }
}
