package dev.portcullis.app.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real workbench for window tests (in-memory preferences, free ports), as a JUnit extension
 * held in a {@code @RegisterExtension} field of a {@link WindowTest}: before each test it starts on
 * TestFX's stage and is waited on until the demo is open and its local gateway answers; after each
 * its model (sessions, local gateway) is closed.
 */
public final class WorkbenchRobot implements BeforeEachCallback, AfterEachCallback {
  private final WorkbenchApp app = new WorkbenchApp();
  private final UiPrefs prefs;

  private static volatile String lastStatus = "";

  public WorkbenchRobot() {
    this(UiPrefs.memory());
  }

  /** Starts with these preferences, as if a previous run had left them. */
  public WorkbenchRobot(UiPrefs prefs) {
    this.prefs = prefs;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    // runs after TestFX's own extension (declared on the class, so registered first) has registered its stage
    FxToolkit.setupStage(this::start);
    awaitReady();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    // on the FX thread, where TestFX's @Stop ran it before
    FxToolkit.setupFixture(() -> {
      if (app.model() != null) {
        app.model().close();
      }
    });
  }

  private void start(Stage stage) {
    app.start(stage, prefs, true);
    app.model().statusProperty().addListener((obs, old, now) -> lastStatus = now);
  }

  public WorkbenchViewModel model() {
    return app.model();
  }

  /** Waits until the demo is open and its local gateway answers. */
  private void awaitReady() {
    await(() -> model().session() != null && !model().treeProperty().get().isEmpty());
  }

  /** Selects {@code request}, clicks Send once it is enabled and waits for the new trace. */
  public void send(FxRobot robot, String request) {
    robot.interact(() -> model().selectRequest(request));
    await(() -> !robot.lookup("#send").queryAs(Button.class).isDisabled());
    Object before = model().trace().traceProperty().get();
    robot.clickOn("#send");
    await(() -> model().trace().traceProperty().get() != before);
  }

  /** Selects the work tab with {@code id} as its overflow menu would: a small headless window may not show every tab. */
  public static void selectTab(FxRobot robot, String id) {
    TabPane tabs = robot.lookup("#workTabs").queryAs(TabPane.class);
    robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
        .orElseThrow(() -> new AssertionError("no work tab " + id))));
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
