package dev.portcullis.app.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window, the workbench, opened on the embedded demo. */
public final class WorkbenchApp extends Application {

  /** Starts the toolkit and blocks until the window closes. */
  public static void launchAndWait() {
    Application.launch(WorkbenchApp.class);
  }

  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    WorkbenchViewModel model = new WorkbenchViewModel(BackgroundTasks.create());
    WorkbenchView view = new WorkbenchView(model);
    stage.setScene(new Scene(view.root(), 1200, 760));
    stage.titleProperty().bind(model.titleProperty());
    stage.show();
    model.openDemo();
  }
}
