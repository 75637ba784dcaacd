package dev.portcullis.app.ui;

import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.TitledPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * A hidden driver for screenshots and measurements: {@code -Dportcullis.demoScript=wait:session,
 * select:me as bob,send,expand:inspect,theme:dark,snapshot:/tmp/x.png,measure,quit}; also {@code size:1024x700},
 * {@code route:payments|GET /me} (a new request on a route), {@code new}, {@code path:/health}. It drives the
 * view-models as a person would and polls every 100 ms until each step is done.
 */
final class DemoScript {
  private final WorkbenchViewModel model;
  private final WorkbenchView view;
  private final Stage stage;
  private final Deque<String> steps;
  private final Timeline poll = new Timeline();
  private Trace before;
  private long waitingSince;

  private DemoScript(WorkbenchViewModel model, WorkbenchView view, Stage stage, List<String> steps) {
    this.model = model;
    this.view = view;
    this.stage = stage;
    this.steps = new ArrayDeque<>(steps);
  }

  static void runIfAsked(WorkbenchViewModel model, WorkbenchView view, Stage stage) {
    String script = System.getProperty("portcullis.demoScript");
    if (script == null || script.isBlank()) {
      return;
    }
    // @FILE reads one step per line, so steps may hold spaces and commas (request names do)
    List<String> steps = List.of(script.split(","));
    if (script.startsWith("@")) {
      try {
        steps = java.nio.file.Files.readAllLines(java.nio.file.Path.of(script.substring(1))).stream().filter(l -> !l.isBlank()).toList();
      } catch (IOException e) {
        System.err.println("portcullis demo script: cannot read " + script.substring(1) + ": " + e.getMessage());
        return;
      }
    }
    new DemoScript(model, view, stage, steps).start();
  }

  private void start() {
    waitingSince = System.nanoTime();
    poll.getKeyFrames().setAll(new KeyFrame(Duration.millis(100), e -> advance()));
    poll.setCycleCount(Timeline.INDEFINITE);
    poll.play();
  }

  private void advance() {
    while (!steps.isEmpty()) {
      if (!run(steps.peek().strip())) {
        if (System.nanoTime() - waitingSince > 60_000_000_000L) {
          System.err.println("portcullis demo script: gave up waiting at " + steps.peek());
          poll.stop();
          Platform.exit();
        }
        return;
      }
      steps.pop();
      waitingSince = System.nanoTime();
    }
    poll.stop();
  }

  /** Runs one step; false means "not done yet, ask again in 100 ms". */
  private boolean run(String step) {
    int colon = step.indexOf(':');
    String verb = colon < 0 ? step : step.substring(0, colon);
    String arg = colon < 0 ? "" : step.substring(colon + 1);
    switch (verb) {
      case "wait" -> {
        return arg.equals("tree") ? !model.treeProperty().get().isEmpty() : model.session() != null;
      }
      case "select" -> model.selectRequest(arg);
      case "caller" -> model.request().callerProperty().set(arg);
      case "send" -> {
        before = model.trace().traceProperty().get();
        model.request().send();
        steps.pop();
        steps.push("sent");
        return false;
      }
      case "sent" -> {
        return model.trace().traceProperty().get() != before;
      }
      case "expand" -> {
        // the step may not be on screen yet; ask again until it is, and open it
        var found = view.root().lookupAll("#step-" + arg);
        found.forEach(n -> ((TitledPane) n).setExpanded(true));
        return !found.isEmpty();
      }
      case "collapse" -> view.root().lookupAll("#step-" + arg).forEach(n -> ((TitledPane) n).setExpanded(false));
      case "tab" -> view.showTab(arg);
      case "theme" -> model.darkProperty().set(arg.equals("dark"));
      case "size" -> {
        String[] wh = arg.split("x");
        stage.setWidth(Double.parseDouble(wh[0]));
        stage.setHeight(Double.parseDouble(wh[1]));
      }
      case "route" -> {
        String[] parts = arg.split("\\|", 2);
        model.select(new TreeRef.Route(parts[0], parts[1]));
        view.showTab("tabRequest");
      }
      case "new" -> model.newRequest();
      case "path" -> model.request().pathProperty().set(arg);
      case "lab" -> model.lab().tokenProperty().set(lastToken());
      case "matrix" -> {
        model.matrix().run();
        steps.pop();
        steps.push("matrixdone");
        return false;
      }
      case "matrixdone" -> {
        return !model.matrix().runningProperty().get();
      }
      case "labverify" -> model.lab().verify();
      case "sleep" -> {
        return System.nanoTime() - waitingSince > Long.parseLong(arg) * 1_000_000L;
      }
      case "snapshot" -> snapshot(stage.getScene(), new File(arg));
      case "authoriser" -> {
        String[] parts = arg.split("\\|", 2);
        model.authorizers().codeUriProperty().set(parts[0]);
        model.authorizers().handlerProperty().set(parts[1]);
        model.authorizers().apply();
      }
      case "trace" -> model.trace().shownProperty().set(arg.equals("show"));
      case "import" -> model.importDefinition(java.nio.file.Path.of(arg));
      case "snapshotdialog" -> {
        // the dialog showing over the window (the import preview): waits until there is one
        var dialog = javafx.stage.Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst();
        dialog.ifPresent(w -> snapshot(w.getScene(), new File(arg)));
        return dialog.isPresent();
      }
      case "closedialog" -> javafx.stage.Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).toList()
          .forEach(javafx.stage.Window::hide);
      case "measure" -> measure();
      case "quit" -> Platform.exit();
      default -> System.err.println("portcullis demo script: unknown step " + step);
    }
    return true;
  }

  private String lastToken() {
    Trace trace = model.trace().traceProperty().get();
    return trace == null ? "" : trace.steps().stream().filter(s -> s instanceof Step.Inspect i && i.token() != null)
        .map(s -> ((Step.Inspect) s).token().token()).findFirst().orElse("");
  }

  /** Launch to demo on screen (JVM uptime) and the heap after a collection, as the issue asks to report. */
  private static void measure() {
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long used = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    System.err.printf(Locale.ROOT, "portcullis measure: FX start at %d ms, window shown at %d ms, demo on screen %d ms after JVM start;"
        + " heap used after GC %d MB%n", WorkbenchApp.startedAtMillis, WorkbenchApp.shownAtMillis, uptime, used);
  }

  /** The window's scene as PNG, converted pixel by pixel so no Swing bridge is needed. */
  private void snapshot(javafx.scene.Scene scene, File file) {
    WritableImage image = scene.snapshot(null);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    try {
      ImageIO.write(out, "png", file);
      System.err.println("portcullis demo script: wrote " + file);
    } catch (IOException e) {
      System.err.println("portcullis demo script: could not write " + file + ": " + e.getMessage());
    }
  }
}
