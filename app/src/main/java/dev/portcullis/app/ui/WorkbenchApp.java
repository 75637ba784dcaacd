package dev.portcullis.app.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: one window, the workbench, opened on the embedded demo with its local gateway. */
public final class WorkbenchApp extends Application {
  /** JVM uptime when {@link #start} began and when the window was shown: the launch measurement's milestones. */
  static long startedAtMillis;
  static long shownAtMillis;

  private WorkbenchViewModel model;

  /**
   * Set to true, the app prints when its first frame is drawn and exits: the installer's startup
   * measurement and its class-data training run (installer/README), nothing else.
   */
  static final String EXIT_AFTER_SHOWN = "portcullis.exitAfterShown";

  /** Starts the toolkit and blocks until the window closes. */
  public static void launchAndWait() {
    Application.launch(WorkbenchApp.class);
  }

  /** As {@link #launchAndWait()}, opening {@code workspace} instead of the demo (a double-clicked .pcws file). */
  public static void launchAndWait(Path workspace) {
    Application.launch(WorkbenchApp.class, workspace.toString());
  }

  @Override
  public void start(Stage stage) {
    start(stage, UiPrefs.system(), Boolean.getBoolean("portcullis.freePorts"));
  }

  /** Tests pass in-memory preferences and free ports, so they neither touch the user's settings nor clash on ports. */
  public void start(Stage stage, UiPrefs prefs, boolean freePorts) {
    startedAtMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    model = new WorkbenchViewModel(BackgroundTasks.create(), prefs, SessionModel.Starter.of(freePorts));
    // reading the workspace (Jackson's first use) runs on a worker while this thread builds the window;
    // no parameters when the app is not started by Application.launch (UI tests construct it)
    List<String> files = getParameters() == null ? List.of() : getParameters().getRaw();
    if (files.isEmpty()) {
      model.openDemo();
    } else {
      model.open(Path.of(files.getFirst()));
    }
    WorkbenchView view = new WorkbenchView(model);
    Rectangle2D usable = Screen.getPrimary().getVisualBounds();
    WindowSize size = WindowSize.remembered(prefs).fittedTo(usable);
    Scene scene = new Scene(view.root(), size.width(), size.height());
    stage.setScene(scene);
    stage.titleProperty().bind(model.titleProperty());
    stage.setOnCloseRequest(e -> {
      if (!view.confirmClose(stage)) {
        e.consume();
      }
    });
    stage.setOnHidden(e -> {
      new WindowSize(scene.getWidth(), scene.getHeight()).remember(prefs);
      model.close();
    });
    if (Boolean.getBoolean(EXIT_AFTER_SHOWN)) {
      exitAfterFirstFrame(scene);
    }
    stage.show();
    keepOnScreen(stage, usable);
    shownAtMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    DemoScript.runIfAsked(model, view, stage);
  }

  @Override
  public void stop() {
    if (model != null) {
      model.close();
    }
  }

  WorkbenchViewModel model() {
    return model;
  }

  // Centred by JavaFX, a window whose frame (the window manager's decorations) is taller than the
  // usable area starts above it, its title bar out of reach: moved down and, if need be, shrunk.
  private static void keepOnScreen(Stage stage, Rectangle2D usable) {
    Rectangle2D kept = WindowSize.keptOn(usable, stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    stage.setX(kept.getMinX());
    stage.setY(kept.getMinY());
    if (kept.getWidth() < stage.getWidth()) {
      stage.setWidth(kept.getWidth());
    }
    if (kept.getHeight() < stage.getHeight()) {
      stage.setHeight(kept.getHeight());
    }
  }

  // The first pulse after show() lays out and draws the window; the frame is on screen when it ends.
  private static void exitAfterFirstFrame(Scene scene) {
    Runnable once = new Runnable() {
      @Override
      public void run() {
        scene.removePostLayoutPulseListener(this);
        Platform.runLater(() -> {
          System.out.println("portcullis: first window shown at " + System.currentTimeMillis());
          Platform.exit();
        });
      }
    };
    scene.addPostLayoutPulseListener(once);
  }
}
