package dev.portcullis.app.ui;

import dev.portcullis.app.ui.advisor.AdvisorViewModel;
import dev.portcullis.app.ui.callers.CallerEditorViewModel;
import dev.portcullis.app.ui.console.ConsoleViewModel;
import dev.portcullis.app.ui.lab.TokenLabViewModel;
import dev.portcullis.app.ui.matrix.MatrixViewModel;
import dev.portcullis.app.ui.request.RequestEditorViewModel;
import dev.portcullis.app.ui.trace.TraceViewModel;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.WorkspaceExporter;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.trust.TrustDecision;
import dev.portcullis.engine.trust.TrustGate;
import dev.portcullis.engine.trust.TrustRequests;
import dev.portcullis.engine.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The workbench's state and commands; it owns the feature view-models and the running session. */
public final class WorkbenchViewModel {
  /** One row of the workspace tree; {@code ref} says what selecting it opens ({@code request:NAME}, {@code caller:NAME}). */
  public record TreeRow(String label, String kind, String detail, List<TreeRow> children, String ref) {}

  private static final int RECENT = 8;

  private final BackgroundTasks tasks;
  private final UiPrefs prefs;
  private final WorkspaceStore store = WorkspaceStore.create(Clock.systemUTC());
  private final TrustStore trustStore = TrustStore.standard();
  private final LogModel log = new LogModel();
  private final Questions questions;
  private final SessionModel sessions;
  private final TraceViewModel trace;
  private final RequestEditorViewModel request;
  private final ConsoleViewModel console;
  private final TokenLabViewModel lab;
  private final MatrixViewModel matrix;
  private final CallerEditorViewModel callers;
  private final AdvisorViewModel advisor;

  // Properties
  private final StringProperty title = new SimpleStringProperty("Portcullis");
  private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
  private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
  private final ObjectProperty<List<TreeRow>> tree = new SimpleObjectProperty<>(List.of());
  private final ObjectProperty<Caller> selectedCaller = new SimpleObjectProperty<>();
  private final BooleanProperty dark;
  private final ObservableList<String> recent = FXCollections.observableArrayList();

  public WorkbenchViewModel(BackgroundTasks tasks) {
    this(tasks, UiPrefs.memory(), SessionModel.Starter.of(true));
  }

  public WorkbenchViewModel(BackgroundTasks tasks, UiPrefs prefs, SessionModel.Starter starter) {
    this.tasks = tasks;
    this.prefs = prefs;
    this.questions = new Questions(tasks);
    this.sessions = new SessionModel(tasks, starter, questions, log);
    this.trace = new TraceViewModel(tasks, log, () -> session() == null ? null : session().masking(), Clock.systemUTC());
    this.request = new RequestEditorViewModel(tasks, sessions, questions, log, trace.traceProperty()::set);
    this.console = new ConsoleViewModel(tasks, sessions, log);
    this.lab = new TokenLabViewModel(tasks, sessions, log, Clock.systemUTC());
    this.matrix = new MatrixViewModel(tasks, sessions, log, trace.traceProperty()::set);
    this.callers = new CallerEditorViewModel(tasks, sessions, questions, log, this::replaceCaller);
    this.advisor = new AdvisorViewModel(tasks, log, workspace, this::openRoute);
    lab.onSendWith(token -> request.sendWithBearer(token, workspace.get() == null ? null : workspace.get().callers().stream()
        .filter(c -> c instanceof Caller.Anonymous).map(Caller::name).findFirst().orElse(null)));
    this.dark = new SimpleBooleanProperty(Boolean.parseBoolean(prefs.get("dark", "false")));
    dark.addListener((obs, old, now) -> prefs.put("dark", now.toString()));
    recent.setAll(List.of(prefs.get("recent", "").split("\n")).stream().filter(s -> !s.isBlank()).toList());
    request.environmentProperty().addListener((obs, old, env) -> {
      if (workspace.get() != null && env != null && !env.equals(old)) {
        sessions.start(workspace.get(), env, () -> { });
      }
    });
  }

  public ReadOnlyStringProperty titleProperty() { return title; }
  public ReadOnlyStringProperty statusProperty() { return log.statusProperty(); }
  public ReadOnlyObjectProperty<Workspace> workspaceProperty() { return workspace; }
  public ReadOnlyObjectProperty<List<TreeRow>> treeProperty() { return tree; }
  public ReadOnlyObjectProperty<Caller> selectedCallerProperty() { return selectedCaller; }
  public BooleanProperty darkProperty() { return dark; }
  public ObservableList<String> recent() { return recent; }
  public LogModel log() { return log; }
  public Questions questions() { return questions; }
  public SessionModel sessions() { return sessions; }
  public TraceViewModel trace() { return trace; }
  public RequestEditorViewModel request() { return request; }
  public ConsoleViewModel console() { return console; }
  public TokenLabViewModel lab() { return lab; }
  public MatrixViewModel matrix() { return matrix; }
  public CallerEditorViewModel callers() { return callers; }
  public AdvisorViewModel advisor() { return advisor; }
  public UiPrefs prefs() { return prefs; }

  public Session session() {
    return sessions.current();
  }

  // Commands

  /** Opens the embedded demo and starts its local gateway and identity providers. */
  public void openDemo() {
    load("the demo workspace", () -> new Opened(DemoWorkspace.load(), TrustGate.open()), null);
  }

  /**
   * Opens a workspace file; a file that fails to load leaves the open workspace as it was. A file
   * not saved here that asks for programs, local secrets or outside hosts is opened only after the
   * trust question; answered no, it opens behind a closed gate (its local fixtures still work).
   */
  public void open(Path path) {
    load(path.getFileName().toString(), () -> openTrusting(path), path);
  }

  /** Opens a workspace already in memory (tests, and workspaces built by the app itself). */
  public void openWorkspace(Workspace ws) {
    show(ws, null, TrustGate.open());
  }

  /** Opens a shared copy as a new, unsaved workspace: Save then asks where to keep it. */
  public void importShared(Path path) {
    load(path.getFileName().toString(), () -> openTrusting(path), null);
  }

  private record Opened(Workspace workspace, TrustGate gate) {}

  /** On a worker: reads, parses and judges the same bytes, asking the person when trust is needed. */
  private Opened openTrusting(Path path) throws Exception {
    byte[] bytes = Files.readAllBytes(path);
    Workspace ws = store.parse(path, bytes);
    TrustDecision decision = TrustDecision.forFile(path, bytes, TrustRequests.everything(ws), trustStore);
    if (decision.needsTrust() && questions.trust(path.getFileName().toString(), decision.request())) {
      decision = decision.trust(trustStore);
      tasks.onUi(() -> log.info("Trusted " + path + " on this machine."));
    }
    return new Opened(ws, decision.gate());
  }

  /**
   * Imports an API definition (OpenAPI, SAM, CloudFormation, serverless.yml) as a new, unsaved
   * workspace: nothing is written until Save, and the import report goes to the log pane first, so
   * what was mapped, left out or unreadable can be read before keeping it.
   */
  public void importDefinition(Path path) {
    log.status("Importing " + path.getFileName() + "…");
    tasks.run(() -> dev.portcullis.engine.importer.Importer.create().importFile(path), result -> {
      result.report().text().lines().forEach(log::info);
      String summary = "Imported " + path.getFileName() + ": " + result.report().mapped().size() + " items mapped, "
          + result.report().leftOut().size() + " left out, " + result.report().unreadable().size()
          + " route(s) with unreadable protection imported as protected. The report is in the Log; Save to keep the workspace.";
      if (result.workspace() == null) {
        log.status("Nothing importable in " + path.getFileName() + "; the open workspace is unchanged.");
        return;
      }
      // an imported definition is someone else's file: it runs and sends nothing of yours until trusted (reopen it after Save)
      show(result.workspace(), null, TrustGate.closed(path.getFileName().toString()));
      log.info(summary);
    }, e -> log.error("Could not import " + path.getFileName(), e));
  }

  /** Saves to {@code path} (the open file when null); false when there is nowhere to save yet. */
  public boolean save(Path path) {
    Path target = path != null ? path : file.get();
    Workspace ws = workspace.get();
    if (target == null || ws == null) {
      return false;
    }
    boolean trusted = sessions.trusted();
    tasks.run(() -> {
      store.save(ws, target);
      if (trusted) {
        // written here by a trusted session: this path with this content is the user's own
        trustStore.trust(target, Files.readAllBytes(target));
      }
      return target;
    }, saved -> {
      file.set(saved);
      remember(saved);
      log.status("Saved " + ws.name() + " to " + saved + (trusted ? "." : "; it stays untrusted until you trust it."));
    }, e -> log.error("The workspace could not be saved to " + target, e));
    return true;
  }

  /** Writes a copy to share: refused, with each offending field named, while literal secrets remain. */
  public void exportShareable(Path path) {
    Workspace ws = workspace.get();
    if (ws == null) {
      return;
    }
    tasks.run(() -> {
      new WorkspaceExporter(store).export(ws, path);
      return path;
    }, done -> log.status("Exported a shareable copy (secret references only) to " + done + "."),
        e -> log.error("The shareable copy was not written", e));
  }

  /** Selecting a saved request fills the editor; a caller opens its editor. */
  public void select(TreeRow row) {
    Workspace ws = workspace.get();
    if (row == null || row.ref() == null || ws == null) {
      return;
    }
    String name = row.ref().substring(row.ref().indexOf(':') + 1);
    if (row.ref().startsWith("request:")) {
      ws.request(name).ifPresent(request::load);
    } else if (row.ref().startsWith("caller:")) {
      ws.caller(name).ifPresent(c -> {
        selectedCaller.set(c);
        callers.edit(c);
      });
    }
  }

  /** Selects a saved request by name (menus, shortcuts, the screenshot script). */
  public boolean selectRequest(String name) {
    Workspace ws = workspace.get();
    return ws != null && ws.request(name).map(r -> {
      request.load(r);
      return true;
    }).orElse(false);
  }

  /** A link to a route (from the advisor) opens the first saved request that goes to it. */
  private boolean openRoute(dev.portcullis.engine.advisor.RouteRef route) {
    Workspace ws = workspace.get();
    boolean opened = ws != null && dev.portcullis.engine.advisor.Advisor.requestsFor(ws, route).stream().findFirst().map(this::selectRequest).orElse(false);
    if (!opened) {
      log.status("No saved request goes to " + route + " yet; add one to send to it.");
    }
    return opened;
  }

  /** The workspace with {@code edited} in place of the caller of the same name; the session restarts on it. */
  private void replaceCaller(Caller edited) {
    Workspace ws = workspace.get();
    List<Caller> list = ws.callers().stream().map(c -> c.name().equals(edited.name()) ? edited : c).toList();
    Workspace changed = ws.newBuilder().callers(list).build();
    workspace.set(changed);
    tree.set(WorkspaceTree.rows(changed));
    request.useWorkspace(changed);
    sessions.start(changed, request.environmentProperty().get(), () -> { }); // keeps the workspace's trust gate
  }

  /** On exit: the local gateway stops with the window. */
  public void close() {
    sessions.closeNow();
  }

  private void load(String what, Callable<Opened> loader, Path path) {
    log.status("Opening " + what + "…");
    tasks.run(loader, opened -> show(opened.workspace(), path, opened.gate()), e -> log.error("Could not open " + what, e));
  }

  private void show(Workspace ws, Path path, TrustGate gate) {
    workspace.set(ws);
    file.set(path);
    if (path != null) {
      remember(path);
    }
    title.set("Portcullis — " + ws.name());
    tree.set(WorkspaceTree.rows(ws));
    request.useWorkspace(ws);
    request.environmentProperty().set(SessionModel.LOCAL);
    log.status(ws.gateways().size() + " APIs, " + ws.callers().size() + " callers, " + ws.requests().size()
        + " saved requests. Pick a request on the left.");
    sessions.start(ws, gate, SessionModel.LOCAL, () -> log.status(gate.isOpen()
        ? "Local gateway ready: pick a saved request and press Send (Ctrl+Enter)."
        : "Local gateway ready, untrusted: only local fixtures work; reopen the file and trust it for the rest."));
  }

  private void remember(Path path) {
    List<String> list = new ArrayList<>(recent);
    list.remove(path.toString());
    list.add(0, path.toString());
    recent.setAll(list.subList(0, Math.min(RECENT, list.size())));
    prefs.put("recent", String.join("\n", recent));
  }
}
