package dev.portcullis.app.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real workbench for UI tests (in-memory preferences, free ports) and waits on it. */
public final class WorkbenchRobot {
  private final WorkbenchApp app = new WorkbenchApp();

  private static volatile String lastStatus = "";

  public void start(Stage stage) {
    app.start(stage, UiPrefs.memory(), true);
    app.model().statusProperty().addListener((obs, old, now) -> lastStatus = now);
  }

  public WorkbenchViewModel model() {
    return app.model();
  }

  /** Waits until the demo is open and its local gateway answers. */
  public void awaitReady(FxRobot robot) {
    await(() -> model().session() != null && !model().treeProperty().get().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
  }

  public static void await(BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out waiting; the status bar said: " + lastStatus, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  public static String text(FxRobot robot, String query) {
    Node node = robot.lookup(query).query();
    return ((Label) node).getText();
  }
}
