package dev.portcullis.app.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window, the workbench, opened on the embedded demo with its local gateway. */
public final class WorkbenchApp extends Application {
  /** JVM uptime when {@link #start} began and when the window was shown: the launch measurement's milestones. */
  static long startedAtMillis;
  static long shownAtMillis;

  private WorkbenchViewModel model;

  /** Starts the toolkit and blocks until the window closes. */
  public static void launchAndWait() {
    Application.launch(WorkbenchApp.class);
  }

  @Override
  public void start(Stage stage) {
    start(stage, UiPrefs.system(), Boolean.getBoolean("portcullis.freePorts"));
  }

  /** Tests pass in-memory preferences and free ports, so they neither touch the user's settings nor clash on ports. */
  public void start(Stage stage, UiPrefs prefs, boolean freePorts) {
    startedAtMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    model = new WorkbenchViewModel(BackgroundTasks.create(), prefs, SessionModel.Starter.of(freePorts));
    // reading the demo (Jackson's first use) runs on a worker while this thread builds the window
    model.openDemo();
    WorkbenchView view = new WorkbenchView(model);
    Scene scene = new Scene(view.root(), Double.parseDouble(prefs.get("width", "1280")), Double.parseDouble(prefs.get("height", "800")));
    stage.setScene(scene);
    stage.titleProperty().bind(model.titleProperty());
    stage.setOnHidden(e -> {
      prefs.put("width", String.valueOf(scene.getWidth()));
      prefs.put("height", String.valueOf(scene.getHeight()));
      model.close();
    });
    stage.show();
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
}
