package dev.portcullis.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way the app runs engine calls: off the FX thread, with the result (or the failure)
 * handed back on it. Engine calls block; the FX thread never does.
 */
public interface BackgroundTasks {
  <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  /** Runs {@code update} on the FX thread: how engine callbacks (rulings, log lines) reach properties. */
  void onUi(Runnable update);

  static BackgroundTasks create() {
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "portcullis-worker");
      t.setDaemon(true);
      return t;
    });
    return new BackgroundTasks() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.submit(() -> {
          try {
            T result = work.call();
            Platform.runLater(() -> onSuccess.accept(result));
          } catch (Exception | Error e) {
            Platform.runLater(() -> onFailure.accept(e));
          }
        });
      }

      @Override
      public void onUi(Runnable update) {
        if (Platform.isFxApplicationThread()) {
          update.run();
        } else {
          Platform.runLater(update);
        }
      }
    };
  }

  /** Runs work at once on the calling thread: for view-model tests without a toolkit. */
  static BackgroundTasks direct() {
    return new BackgroundTasks() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
          onSuccess.accept(work.call());
        } catch (Exception | Error e) {
          onFailure.accept(e);
        }
      }

      @Override
      public void onUi(Runnable update) {
        update.run();
      }
    };
  }
}
