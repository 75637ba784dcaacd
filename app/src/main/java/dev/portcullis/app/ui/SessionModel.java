package dev.portcullis.app.ui;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.trust.TrustGate;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The running session (the local gateway and identity providers of the open workspace), shared by
 * the request editor, the console and the token lab. Starting and stopping happen off the FX thread;
 * the session property changes on it.
 */
public final class SessionModel {
  /** The environment name that means "the embedded local gateway" rather than real AWS. */
  public static final String LOCAL = "local gateway";

  /**
   * How a session starts: {@code environment} null for the local world, else real AWS with that
   * environment's variables. The app starts on configured ports; tests choose free ones.
   */
  @FunctionalInterface
  public interface Starter {
    Session start(Workspace workspace, String environment, SecretResolver.Prompter prompter, Consumer<String> log)
        throws IOException;

    /** Behind the workspace's trust gate; the usual starter obeys it, a test's fixed starter may ignore it. */
    default Session start(Workspace workspace, String environment, SecretResolver.Prompter prompter, Consumer<String> log,
        TrustGate gate) throws IOException {
      return start(workspace, environment, prompter, log);
    }

    /** The usual starter: {@link Session#local} or {@link Session#remote} on the system clock. */
    static Starter of(boolean freePorts) {
      return of(freePorts, java.time.Clock.systemUTC());
    }

    /** As {@link #of(boolean)}, on {@code clock}: it drives the local world's token buckets, quotas and token times. */
    static Starter of(boolean freePorts, java.time.Clock clock) {
      java.util.Objects.requireNonNull(clock, "session starter: clock is required");
      return new Starter() {
        @Override
        public Session start(Workspace ws, String env, SecretResolver.Prompter prompter, Consumer<String> log) throws IOException {
          return start(ws, env, prompter, log, TrustGate.open());
        }

        @Override
        public Session start(Workspace ws, String env, SecretResolver.Prompter prompter, Consumer<String> log, TrustGate gate)
            throws IOException {
          return env == null
              ? Session.local(ws, clock, freePorts, prompter, log, gate)
              : Session.remote(ws, env).clock(clock).prompter(prompter).trust(gate).build();
        }
      };
    }
  }

  private final BackgroundTasks tasks;
  private final Starter starter;
  private final Questions questions;
  private final LogModel log;
  private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private Workspace workspace;
  private TrustGate gate = TrustGate.open();
  /** Counts starts: a start that finishes after a later one began is closed, not shown (the later one wins). */
  private long generation;

  public SessionModel(BackgroundTasks tasks, Starter starter, Questions questions, LogModel log) {
    this.tasks = tasks;
    this.starter = starter;
    this.questions = questions;
    this.log = log;
  }

  // Properties

  public ReadOnlyObjectProperty<Session> sessionProperty() {
    return session;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  /** Whether the open workspace is trusted (its gate open). */
  public boolean trusted() {
    return gate.isOpen();
  }

  public Session current() {
    return session.get();
  }

  // Commands

  /**
   * Stops any running session and starts one on {@code workspace}: the local world when
   * {@code environment} is null or {@link #LOCAL}, else real AWS. {@code then} runs on success.
   */
  public void start(Workspace workspace, String environment, Runnable then) {
    start(workspace, gate, environment, then);
  }

  /** As {@link #start(Workspace, String, Runnable)}, with the workspace's trust gate, kept for later restarts. */
  public void start(Workspace workspace, TrustGate gate, String environment, Runnable then) {
    this.gate = java.util.Objects.requireNonNull(gate, "gate");
    Session old = session.get();
    String env = LOCAL.equals(environment) ? null : environment;
    this.workspace = workspace;
    session.set(null);
    busy.set(true);
    long mine = ++generation;
    log.info(env == null ? "Starting the local gateway and identity providers of " + workspace.name() + "…"
        : "Sending to real AWS with environment " + env + ".");
    tasks.run(() -> {
      if (old != null) {
        old.close();
      }
      return starter.start(workspace, env, questions, line -> tasks.onUi(() -> log.info(line)), gate);
    }, started -> {
      if (mine != generation) {
        tasks.run(() -> {
          started.close();
          return started;
        }, closed -> { }, e -> { });
        return;
      }
      busy.set(false);
      session.set(started);
      log.info("Local gateway ready: " + started.world().map(w -> w.apiUrls().toString()).orElse("remote target"));
      then.run();
    }, e -> {
      if (mine == generation) {
        busy.set(false);
        log.error("The local gateway could not start", e);
      }
    });
  }

  /** Starts the local world of the last workspace again (the console's Start). */
  public void restart() {
    if (workspace != null && session.get() == null) {
      start(workspace, LOCAL, () -> { });
    }
  }

  /** Stops the running session, if any (the local gateway stops answering). */
  public void stop() {
    Session old = session.get();
    if (old == null) {
      return;
    }
    session.set(null);
    busy.set(true);
    tasks.run(() -> {
      old.close();
      return old;
    }, closed -> {
      busy.set(false);
      log.info("Local gateway stopped.");
    }, e -> {
      busy.set(false);
      log.error("Stopping the local gateway failed", e);
    });
  }

  /** On exit: closes at once on the calling thread, so no port outlives the window. */
  public void closeNow() {
    Session old = session.get();
    session.set(null);
    if (old != null) {
      old.close();
    }
  }
}
