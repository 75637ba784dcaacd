package dev.portcullis.app.ui;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window, the workbench, opened on the embedded demo or on a workspace file. */
public final class WorkbenchApp extends Application {
  /**
   * Set to true, the app prints when its first frame is drawn and exits: the installer's startup
   * measurement and its class-data-sharing training run (installer/README), nothing else.
   */
  static final String EXIT_AFTER_SHOWN = "portcullis.exitAfterShown";

  /** Starts the toolkit and blocks until the window closes. */
  public static void launchAndWait() {
    Application.launch(WorkbenchApp.class);
  }

  /** As {@link #launchAndWait()}, opening {@code workspace} instead of the demo. */
  public static void launchAndWait(Path workspace) {
    Application.launch(WorkbenchApp.class, workspace.toString());
  }

  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    WorkbenchViewModel model = new WorkbenchViewModel(BackgroundTasks.create());
    WorkbenchView view = new WorkbenchView(model);
    Scene scene = new Scene(view.root(), 1200, 760);
    stage.setScene(scene);
    stage.titleProperty().bind(model.titleProperty());
    if (Boolean.getBoolean(EXIT_AFTER_SHOWN)) {
      exitAfterFirstFrame(scene);
    }
    stage.show();
    // No parameters when the app is not started by Application.launch (UI tests construct it).
    List<String> files = getParameters() == null ? List.of() : getParameters().getRaw();
    if (files.isEmpty()) {
      model.openDemo();
    } else {
      model.open(Path.of(files.getFirst()));
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
