package dev.portcullis.engine.send;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A person's "stop" for a running send: checked between the steps of a run and by each repeat of a
 * burst, and handed to what blocks (an HTTP call is cancelled at once). Thread-safe: the FX thread
 * cancels while a worker runs.
 */
public final class Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

  private Cancellation() {}

  /** A hook's registration; closing it removes the hook. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  public static Cancellation create() {
    return new Cancellation();
  }

  /** A cancellation nobody will ever cancel, for runs that cannot be stopped (the CLI, tests). */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Stops the run: hooks run once, on the calling thread. */
  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      hooks.forEach(Runnable::run);
    }
  }

  public boolean cancelled() {
    return cancelled.get();
  }

  /**
   * Runs {@code hook} on cancel (at once when already cancelled) until the returned handle is
   * closed: how a blocking call (an OkHttp call) is interrupted.
   */
  public Registration onCancel(Runnable hook) {
    hooks.add(hook);
    if (cancelled.get()) {
      hook.run();
    }
    return () -> hooks.remove(hook);
  }
}
