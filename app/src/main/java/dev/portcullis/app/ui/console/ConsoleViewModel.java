package dev.portcullis.app.ui.console;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.LogModel;
import dev.portcullis.app.ui.SessionModel;
import dev.portcullis.engine.gateway.LocalWorld;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.run.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The local gateway console: start and stop, where each API and identity provider answers, and the
 * rulings as requests arrive (from the workbench or from curl), newest first.
 */
public final class ConsoleViewModel {
  /** The console keeps the newest rulings; the gateway itself keeps 10,000 for lookups. */
  public static final int KEEP = 2_000;

  /** A name and where it answers. */
  public record Endpoint(String name, String url) {}

  /** One ruling as a row: what came in, what the gateway said, and the checks behind it. */
  public record RulingRow(Instant at, String gateway, String method, String path, int status, boolean allowed,
      String decidedBy, List<Ruling.Check> checks, String requestId) {
    static RulingRow of(Ruling r) {
      return new RulingRow(r.receivedAt(), r.gateway(), r.method(), r.path(), r.outcome().status(), r.allowed(), r.decidedBy(),
          r.checks(), r.requestId());
    }

    /**
     * How the user's own handler ran for this ruling, in a few words ("cold · start 84.2 + run 1.3 ms",
     * "warm · 0.9 ms", "not run"), from the {@code lambda.handler} check; empty when no handler ran.
     */
    public String handler() {
      return checks.stream().filter(c -> c.id().equals("lambda.handler")).findFirst().map(c -> HandlerRun.summary(c.evidence())).orElse("");
    }
  }

  private final BackgroundTasks tasks;
  private final SessionModel sessions;
  private final LogModel log;
  private AutoCloseable subscription;

  // Properties
  private final ObservableList<Endpoint> apis = FXCollections.observableArrayList();
  private final ObservableList<Endpoint> identityProviders = FXCollections.observableArrayList();
  private final ObservableList<RulingRow> rulings = FXCollections.observableArrayList();
  private final ObjectProperty<RulingRow> selected = new SimpleObjectProperty<>();
  private final ObservableList<String> localState = FXCollections.observableArrayList();
  private final BooleanBinding running;

  public ConsoleViewModel(BackgroundTasks tasks, SessionModel sessions, LogModel log) {
    this.tasks = tasks;
    this.sessions = sessions;
    this.log = log;
    this.running = Bindings.createBooleanBinding(() -> sessions.current() != null && sessions.current().world().isPresent(),
        sessions.sessionProperty());
    sessions.sessionProperty().addListener((obs, old, now) -> follow(now));
  }

  public ObservableList<Endpoint> apis() {
    return apis;
  }

  public ObservableList<Endpoint> identityProviders() {
    return identityProviders;
  }

  public ObservableList<RulingRow> rulings() {
    return rulings;
  }

  public ObjectProperty<RulingRow> selectedProperty() {
    return selected;
  }

  /**
   * What earlier requests left in the local gateway that decides later ones, one sentence each: a
   * cached authoriser policy (which call stored it, when it expires), a key's quota and tokens.
   */
  public ObservableList<String> localState() {
    return localState;
  }

  public BooleanBinding runningProperty() {
    return running;
  }

  /** True while the gateway starts or stops. */
  public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
    return sessions.busyProperty();
  }

  // Commands

  public void start() {
    sessions.restart();
  }

  public void stop() {
    sessions.stop();
  }

  /** Empties the local gateway's authoriser cache, token buckets and quotas: the next send is decided afresh. */
  public void resetLocalState() {
    Session session = sessions.current();
    if (session == null || session.world().isEmpty()) {
      log.status("There is no local gateway whose state could be reset (real AWS keeps its own).");
      return;
    }
    tasks.run(() -> {
      int before = session.localState().cachedPolicies().size();
      session.resetLocalState();
      return before;
    }, cached -> {
      log.status("Local state reset: " + cached + (cached == 1 ? " cached policy" : " cached policies")
          + " forgotten, token buckets full and quotas unused again.");
      refreshState();
    }, e -> log.error("The local state could not be reset", e));
  }

  /** Reads the state again (after each ruling, and on demand). */
  public void refreshState() {
    Session session = sessions.current();
    if (session == null) {
      localState.clear();
      return;
    }
    tasks.run(() -> describe(session.localState(), session.clock().instant()), localState::setAll,
        e -> log.error("The local state could not be read", e));
  }

  /** The state as sentences a person reads, times relative to {@code now}. */
  static List<String> describe(dev.portcullis.engine.rules.LocalState state, Instant now) {
    List<String> lines = new java.util.ArrayList<>();
    state.cachedPolicies().forEach(p -> lines.add("Cached policy of " + p.authorizer() + " (" + p.gateway() + ") for " + p.key()
        + ": stored " + seconds(p.storedAt(), now) + " ago by the call to " + call(p.storedFor()) + "; used for every method this key calls"
        + " until it expires in " + seconds(now, p.expiresAt()) + "."));
    state.usage().forEach(c -> {
      StringBuilder line = new StringBuilder("Usage plan " + c.plan() + " (" + c.gateway() + "), key " + c.apiKeyId() + ":");
      if (c.quotaLimit() != null) {
        line.append(" quota ").append(c.quotaUsed() == null ? 0 : c.quotaUsed()).append(" of ").append(c.quotaLimit())
            .append(" used, resets at ").append(c.quotaResetsAt());
      }
      if (c.tokensLeft() != null) {
        line.append(c.quotaLimit() != null ? ";" : "").append(" ").append((long) Math.floor(c.tokensLeft())).append(" of ")
            .append(c.burst()).append(" burst tokens left");
      }
      lines.add(line.append('.').toString());
    });
    return lines;
  }

  private static String seconds(Instant from, Instant to) {
    return Math.max(0, java.time.Duration.between(from, to).toSeconds()) + " s";
  }

  /** {@code POST /partners/x} of an execute-api method ARN. */
  private static String call(String arn) {
    String[] parts = arn.split("/", 4);
    return parts.length == 4 ? parts[2] + " /" + parts[3] : arn;
  }

  public void clear() {
    rulings.clear();
    selected.set(null);
  }

  /** Lists the new world's endpoints and listens to its rulings; the old world's listener goes. */
  private void follow(Session session) {
    closeSubscription();
    LocalWorld world = session == null ? null : session.world().orElse(null);
    if (world == null) {
      apis.clear();
      identityProviders.clear();
      return;
    }
    apis.setAll(endpoints(world.apiUrls()));
    identityProviders.setAll(endpoints(world.issuerUrls()));
    // rulings arrive on the gateway's request threads; the list changes on the FX thread
    subscription = world.gateway().onRuling(r -> {
      RulingRow row = RulingRow.of(r);
      tasks.onUi(() -> {
        add(row);
        refreshState();
      });
    });
    refreshState();
  }

  private void add(RulingRow row) {
    rulings.add(0, row);
    if (rulings.size() > KEEP) {
      rulings.remove(KEEP, rulings.size());
    }
  }

  private static List<Endpoint> endpoints(Map<String, java.net.URI> urls) {
    return urls.entrySet().stream().map(e -> new Endpoint(e.getKey(), e.getValue().toString())).toList();
  }

  private void closeSubscription() {
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        log.info("The old gateway's ruling listener did not close: " + LogModel.message(e));
      }
      subscription = null;
    }
  }
}
