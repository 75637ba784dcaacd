package dev.portcullis.app.ui;

import dev.portcullis.app.ui.advisor.AdvisorViewModel;
import dev.portcullis.app.ui.callers.CallerEditorViewModel;
import dev.portcullis.app.ui.console.ConsoleViewModel;
import dev.portcullis.app.ui.edit.RequestDrafts;
import dev.portcullis.app.ui.edit.WorkspaceEdits;
import dev.portcullis.app.ui.lab.TokenLabViewModel;
import dev.portcullis.app.ui.matrix.MatrixViewModel;
import dev.portcullis.app.ui.request.RequestEditorViewModel;
import dev.portcullis.app.ui.trace.TraceViewModel;
import dev.portcullis.engine.importer.ImportReport.Location;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.SavedRequest;
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
  /** One row of the workspace tree; {@code ref} says what selecting it opens, null for a heading. */
  public record TreeRow(String label, String kind, String detail, List<TreeRow> children, TreeRef ref) {}

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
  private final dev.portcullis.app.ui.history.HistoryViewModel history;
  private final dev.portcullis.app.ui.env.EnvironmentEditorViewModel environments;
  private final dev.portcullis.app.ui.authorizers.AuthorizerEditorViewModel authorizers;

  // Properties
  private final StringProperty title = new SimpleStringProperty("Portcullis");
  private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
  /** The workspace as last opened or saved: edits are what differs from it. */
  private final ObjectProperty<Workspace> saved = new SimpleObjectProperty<>();
  private final ObjectProperty<TreeRef> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<java.util.Set<String>> unsaved = new SimpleObjectProperty<>(java.util.Set.of());
  private final BooleanProperty dirty = new SimpleBooleanProperty();
  private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
  private final ObjectProperty<List<TreeRow>> tree = new SimpleObjectProperty<>(List.of());
  private final ObjectProperty<Caller> selectedCaller = new SimpleObjectProperty<>();
  private final BooleanProperty dark;
  private final ObservableList<String> recent = FXCollections.observableArrayList();
  private final ObjectProperty<ImportPreview> importPreview = new SimpleObjectProperty<>();

  public WorkbenchViewModel(BackgroundTasks tasks) {
    this(tasks, UiPrefs.memory(), SessionModel.Starter.of(true));
  }

  public WorkbenchViewModel(BackgroundTasks tasks, UiPrefs prefs, SessionModel.Starter starter) {
    this.tasks = tasks;
    this.prefs = prefs;
    this.questions = new Questions(tasks);
    this.sessions = new SessionModel(tasks, starter, questions, log);
    this.trace = new TraceViewModel(tasks, log, () -> session() == null ? null : session().masking(), Clock.systemUTC());
    this.history = new dev.portcullis.app.ui.history.HistoryViewModel(tasks, log, () -> session() == null ? null : session().masking(),
        dev.portcullis.app.ui.history.DataFolder.get().resolve("history.json"), trace.traceProperty()::set);
    this.request = new RequestEditorViewModel(tasks, sessions, questions, log, t -> {
      trace.traceProperty().set(t);
      history.record(t);
    });
    this.console = new ConsoleViewModel(tasks, sessions, log);
    this.lab = new TokenLabViewModel(tasks, sessions, log, Clock.systemUTC());
    this.matrix = new MatrixViewModel(tasks, sessions, log, trace.traceProperty()::set);
    this.callers = new CallerEditorViewModel(tasks, sessions, questions, log, this::replaceCaller);
    this.advisor = new AdvisorViewModel(tasks, log, workspace, this::openRoute);
    trace.onResetState(console::resetLocalState);
    request.onCurl(this::addCurl);
    this.environments = new dev.portcullis.app.ui.env.EnvironmentEditorViewModel(log, changed -> {
      change(changed);
      String env = request.environmentProperty().get();
      if (!SessionModel.LOCAL.equals(env)) {
        sessions.start(changed, env, () -> { }); // the running target takes the new values
      }
    });
    this.authorizers = new dev.portcullis.app.ui.authorizers.AuthorizerEditorViewModel(log, changed -> {
      change(changed);
      sessions.start(changed, request.environmentProperty().get(), () -> { }); // the local gateway runs the new function
    });
    lab.onSendWith(token -> request.sendWithBearer(token, workspace.get() == null ? null : workspace.get().callers().stream()
        .filter(c -> c instanceof Caller.Anonymous).map(Caller::name).findFirst().orElse(null)));
    this.dark = new SimpleBooleanProperty(Boolean.parseBoolean(prefs.get("dark", "false")));
    dark.addListener((obs, old, now) -> prefs.put("dark", now.toString()));
    trace.shownProperty().set(Boolean.parseBoolean(prefs.get("traceShown", "true")));
    trace.shownProperty().addListener((obs, old, now) -> prefs.put("traceShown", now.toString()));
    trace.traceProperty().addListener((obs, old, now) -> {
      if (now != null) {
        trace.shownProperty().set(true); // a send or a matrix cell asked to see its trace
      }
    });
    recent.setAll(List.of(prefs.get("recent", "").split("\n")).stream().filter(s -> !s.isBlank()).toList());
    request.dirtyProperty().addListener((obs, was, now) -> refreshDirty());
    workspace.addListener((obs, old, now) -> refreshDirty());
    saved.addListener((obs, old, now) -> refreshDirty());
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
  /** What the tree shows selected; the view selects the matching row after the tree is rebuilt. */
  public ReadOnlyObjectProperty<TreeRef> selectedProperty() { return selected; }
  /** True while the workspace has edits not yet saved (the window title says so too). */
  public javafx.beans.property.ReadOnlyBooleanProperty dirtyProperty() { return dirty; }
  /** Names of the saved requests with unsaved edits: the tree marks them. */
  public ReadOnlyObjectProperty<java.util.Set<String>> unsavedProperty() { return unsaved; }
  /** The open workspace file; null for the demo or an import until saved. */
  public ReadOnlyObjectProperty<Path> fileProperty() { return file; }
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
  public dev.portcullis.app.ui.history.HistoryViewModel history() { return history; }
  public dev.portcullis.app.ui.env.EnvironmentEditorViewModel environments() { return environments; }
  public dev.portcullis.app.ui.authorizers.AuthorizerEditorViewModel authorizers() { return authorizers; }

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
   * An import read and waiting for the person's OK: what would open, and the report's three lists.
   *
   * @param summary one sentence: how many items were mapped, left out, unreadable
   */
  public record ImportPreview(String source, String summary, List<String> mapped, List<String> leftOut, List<String> unreadable,
      Workspace workspace, String reportText) {}

  /**
   * Reads an API definition (OpenAPI, SAM, CloudFormation, serverless.yml) and offers it as a
   * preview ({@link #importPreviewProperty()}): what is mapped, left out and unreadable, before
   * anything opens. {@link #acceptImport()} opens it as a new, unsaved workspace (nothing is written
   * until Save); {@link #cancelImport()} leaves the open workspace as it is.
   */
  public void importDefinition(Path path) {
    log.status("Importing " + path.getFileName() + "…");
    tasks.run(() -> dev.portcullis.engine.importer.Importer.create().importFile(path), result -> {
      if (result.workspace() == null) {
        result.report().text().lines().forEach(log::info);
        log.status("Nothing importable in " + path.getFileName() + "; the open workspace is unchanged.");
        return;
      }
      var report = result.report();
      String summary = "Imported " + path.getFileName() + ": " + report.mapped().size() + " items mapped, " + report.leftOut().size()
          + " left out, " + report.unreadable().size() + " route(s) with unreadable protection imported as protected.";
      importPreview.set(new ImportPreview(path.getFileName().toString(), summary,
          report.mapped().stream().map(i -> i.subject() + ": " + i.detail() + Location.after(i.at())).toList(),
          report.leftOut().stream().map(i -> i.subject() + ": " + i.detail() + Location.after(i.at())).toList(),
          report.unreadable().stream().map(u -> u.gateway() + " " + u.route() + ": " + u.why() + Location.after(u.at())).toList(),
          result.workspace(), report.text()));
      log.status(summary + " Open it, or cancel to keep " + (workspace.get() == null ? "the workbench as it is." : workspace.get().name() + "."));
    }, e -> log.error("Could not import " + path.getFileName(), e));
  }

  /** The import waiting for OK or Cancel; null when none is. */
  public ReadOnlyObjectProperty<ImportPreview> importPreviewProperty() {
    return importPreview;
  }

  /** OK on the preview: the import opens as a new, unsaved workspace, its report in the Log. */
  public void acceptImport() {
    ImportPreview preview = importPreview.get();
    if (preview == null) {
      return;
    }
    importPreview.set(null);
    preview.reportText().lines().forEach(log::info);
    // an imported definition is someone else's file: it runs and sends nothing of yours until trusted (reopen it after Save)
    show(preview.workspace(), null, TrustGate.closed(preview.source()));
    log.info(preview.summary() + " The report is in the Log; Save to keep the workspace.");
    log.status(preview.summary() + " Save (Ctrl+S) to keep it.");
  }

  /** Cancel on the preview: nothing opens, nothing is written. */
  public void cancelImport() {
    ImportPreview preview = importPreview.get();
    if (preview != null) {
      importPreview.set(null);
      log.status("Import of " + preview.source() + " cancelled; nothing was opened or written.");
    }
  }

  /** Saves to {@code path} (the open file when null); false when there is nowhere to save yet. */
  public boolean save(Path path) {
    return save(path, () -> { });
  }

  /**
   * Saves the workspace with the editor's edits in it, atomically, to {@code path} (the open file
   * when null); {@code then} runs once it is written. False when there is nowhere to save yet.
   */
  public boolean save(Path path, Runnable then) {
    Path target = path != null ? path : file.get();
    if (target == null || workspace.get() == null) {
      return false;
    }
    if (!keepEditor(true)) {
      return true; // the editor's sentence is in the status bar; nothing is written half-edited
    }
    Workspace ws = workspace.get();
    boolean trusted = sessions.trusted();
    tasks.run(() -> {
      store.save(ws, target);
      if (trusted) {
        // written here by a trusted session: this path with this content is the user's own
        trustStore.trust(target, Files.readAllBytes(target));
      }
      return target;
    }, written -> {
      file.set(written);
      remember(written);
      saved.set(ws);
      title.set(title(ws));
      log.status("Saved " + ws.name() + " to " + written + (trusted ? "." : "; it stays untrusted until you trust it."));
      then.run();
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

  /**
   * Selecting a saved request fills the editor (the edits of the one it showed are kept in the
   * workspace first); a caller opens its editor; a route opens a new request on it.
   */
  public void select(TreeRow row) {
    if (row != null && row.ref() != null) {
      select(row.ref());
    }
  }

  /** As {@link #select(TreeRow)}, by what the row stands for. */
  public void select(TreeRef ref) {
    Workspace ws = workspace.get();
    if (ref == null || ws == null || ref.equals(selected.get())) {
      return;
    }
    switch (ref) {
      case TreeRef.Request r -> selectRequest(r.name());
      case TreeRef.Caller c -> ws.caller(c.name()).ifPresent(caller -> {
        selected.set(ref);
        selectedCaller.set(caller);
        callers.edit(caller);
      });
      case TreeRef.Route r -> newRequestFromRoute(r.gateway(), r.routeKey());
      case TreeRef.Folder f -> selected.set(ref);
    }
  }

  /** Selects a saved request by name (menus, shortcuts, the screenshot script). */
  public boolean selectRequest(String name) {
    Workspace ws = workspace.get();
    if (ws == null || ws.request(name).isEmpty()) {
      return false;
    }
    keepEditor(false);
    request.load(workspace.get().request(name).orElseThrow());
    selected.set(new TreeRef.Request(name));
    return true;
  }

  // Commands on saved requests (the tree's context menu, Ctrl+N)

  /** Ctrl+N: a new request in the folder of the one selected (or none), selected and ready to edit. */
  public void newRequest() {
    Workspace ws = workspace.get();
    if (ws == null) {
      return;
    }
    keepEditor(false);
    String folder = switch (selected.get()) {
      case TreeRef.Request r -> workspace.get().request(r.name()).map(SavedRequest::folder).orElse(null);
      case TreeRef.Folder f -> f.name().isEmpty() ? null : f.name();
      case null, default -> null;
    };
    add(RequestDrafts.blank(workspace.get(), folder), "New request: pick the API, type the path and press Send (Ctrl+Enter).");
  }

  /** A new request on a route, as a caller that fits the route's authoriser, selected and ready to send. */
  public void newRequestFromRoute(String gateway, String routeKey) {
    if (workspace.get() == null) {
      return;
    }
    keepEditor(false);
    try {
      SavedRequest draft = RequestDrafts.fromRoute(workspace.get(), gateway, routeKey);
      // a second click on the route goes back to the untouched request the first one made
      java.util.Optional<SavedRequest> untouched = workspace.get().requests().stream()
          .filter(r -> saved.get() == null || saved.get().request(r.name()).isEmpty())
          .filter(r -> WorkspaceEdits.copy(r, draft.name(), draft.folder()).equals(draft)).findFirst();
      if (untouched.isPresent()) {
        selectRequest(untouched.get().name());
        return;
      }
      add(draft, "New request on " + gateway + " " + routeKey + (draft.caller() == null ? "" : " as " + draft.caller())
          + ": press Send (Ctrl+Enter).");
    } catch (IllegalArgumentException e) {
      log.error("No request was made", e);
    }
  }

  /** A curl command pasted into the path field: its request (and caller, when new) join the workspace, selected. */
  private void addCurl(dev.portcullis.engine.exchange.ImportedParts parts) {
    keepEditor(false);
    Workspace merged = parts.mergedInto(workspace.get());
    String name = merged.requests().getLast().name();
    change(merged);
    selected.set(null);
    selectRequest(name);
    parts.report().forEach(log::info);
    SavedRequest r = merged.request(name).orElseThrow();
    log.status("The pasted curl command is now request '" + name + "': " + r.method() + " " + r.path() + " on " + r.gateway()
        + (r.caller() == null ? "" : " as " + r.caller()) + (parts.report().isEmpty() ? "." : "; " + parts.report().size()
        + " note(s) in the Log."));
  }

  /**
   * File → Import curl: {@code command} made into a request as pasting it into the path field does;
   * null when it was, else the sentence why not (the workspace is unchanged then).
   */
  public String importCurl(String command) {
    return request.readCurl(command);
  }

  /** The request the editor shows, as edited now, as a curl command handed to {@code clipboard} (secrets as $VARIABLES). */
  public void copyAsCurl(java.util.function.Consumer<String> clipboard) {
    if (workspace.get() == null) {
      log.status("Open a workspace first.");
      return;
    }
    request.copyAsCurl(clipboard);
  }

  /** A copy of the selected request, right after it, selected. */
  public void duplicate() {
    onSelectedRequest("duplicate", name -> {
      String copy = WorkspaceEdits.duplicateName(workspace.get(), name);
      change(WorkspaceEdits.duplicate(workspace.get(), name));
      selectRequest(copy);
      log.status("Duplicated " + name + " as " + copy + ".");
    });
  }

  /** Renames the selected request; a taken or blank name is refused with a sentence. */
  public void rename(String newName) {
    onSelectedRequest("rename", name -> {
      Workspace renamed = WorkspaceEdits.rename(workspace.get(), name, newName);
      String now = newName.strip();
      change(renamed);
      selected.set(null);
      selectRequest(now);
      log.status("Renamed " + name + " to " + now + ".");
    });
  }

  /** Deletes the selected request from the workspace (the file changes when saved). */
  public void delete() {
    onSelectedRequest("delete", name -> {
      request.clear();
      selected.set(null);
      change(WorkspaceEdits.remove(workspace.get(), name));
      log.status("Deleted " + name + " (Ctrl+S saves the workspace without it).");
    });
  }

  /** Moves the selected request into {@code folder} (created when new; empty for none). */
  public void moveTo(String folder) {
    onSelectedRequest("move", name -> {
      change(WorkspaceEdits.move(workspace.get(), name, folder));
      selected.set(null);
      selectRequest(name);
      log.status("Moved " + name + (folder == null || folder.isBlank() ? " out of its folder." : " to " + folder.strip() + "."));
    });
  }

  /**
   * A saved request dragged in the tree and dropped on {@code target}: on another request it goes just
   * before that one (in its folder), on a folder it goes last in it, on "Saved requests" out of any folder.
   */
  public void drop(String name, TreeRef target) {
    Workspace ws = workspace.get();
    if (ws == null || ws.request(name).isEmpty() || !(target instanceof TreeRef.Request || target instanceof TreeRef.Folder)) {
      return;
    }
    keepEditor(false);
    try {
      Workspace placed = switch (target) {
        case TreeRef.Request before -> WorkspaceEdits.place(workspace.get(), name, null, before.name());
        case TreeRef.Folder folder -> WorkspaceEdits.place(workspace.get(), name, folder.name(), null);
        default -> workspace.get();
      };
      if (placed.equals(workspace.get())) {
        return;
      }
      change(placed);
      String folder = placed.request(name).map(SavedRequest::folder).orElse(null);
      log.status("Moved " + name + (target instanceof TreeRef.Request before ? " before " + before.name() : "")
          + (folder == null ? " (no folder)." : " in " + folder + "."));
    } catch (IllegalArgumentException e) {
      log.error("Could not move " + name, e);
    }
  }

  /** A new, empty folder for saved requests. */
  public void newFolder(String name) {
    if (workspace.get() == null) {
      return;
    }
    try {
      change(WorkspaceEdits.addFolder(workspace.get(), name));
      log.status("New folder " + name.strip() + ": move requests into it from their context menu.");
    } catch (IllegalArgumentException e) {
      log.error("No folder was made", e);
    }
  }

  /** Folder names, for the "Move to" menu. */
  public List<String> folders() {
    return workspace.get() == null ? List.of() : workspace.get().folders().stream().map(Workspace.Folder::name).toList();
  }

  private void onSelectedRequest(String what, java.util.function.Consumer<String> action) {
    if (!(selected.get() instanceof TreeRef.Request r) || workspace.get() == null) {
      log.status("Select a saved request to " + what + " first.");
      return;
    }
    if (!keepEditor(false)) {
      return;
    }
    try {
      action.accept(r.name());
    } catch (IllegalArgumentException e) {
      log.error("Could not " + what + " " + r.name(), e);
    }
  }

  private void add(SavedRequest draft, String sentence) {
    change(WorkspaceEdits.put(workspace.get(), draft.name(), draft));
    selected.set(null);
    selectRequest(draft.name());
    log.status(sentence);
  }

  /**
   * Puts the editor's edits into the open workspace (not yet the file). With {@code always} the
   * editor's request is kept even when unchanged. False, with a sentence, when the edits cannot be
   * kept as they are (a half-typed status).
   */
  private boolean keepEditor(boolean always) {
    SavedRequest shown = request.originalProperty().get();
    Workspace ws = workspace.get();
    if (shown == null || ws == null || !(always || request.dirtyProperty().get())) {
      return true;
    }
    try {
      SavedRequest edited = request.edited();
      change(WorkspaceEdits.put(ws, shown.name(), edited));
      request.kept(edited);
      if (selected.get() instanceof TreeRef.Request r && !r.name().equals(edited.name())) {
        selected.set(new TreeRef.Request(edited.name()));
      }
      return true;
    } catch (IllegalArgumentException e) {
      log.error("The edits of " + shown.name() + " were not kept", e);
      return false;
    }
  }

  private void change(Workspace changed) {
    workspace.set(changed);
    tree.set(WorkspaceTree.rows(changed));
    request.useWorkspace(changed);
    environments.useWorkspace(changed);
    authorizers.useWorkspace(changed);
  }

  private void refreshDirty() {
    Workspace ws = workspace.get();
    Workspace before = saved.get();
    java.util.Set<String> names = new java.util.TreeSet<>();
    if (ws != null) {
      ws.requests().stream().filter(r -> before == null || !before.request(r.name()).equals(java.util.Optional.of(r)))
          .forEach(r -> names.add(r.name()));
    }
    SavedRequest shown = request.originalProperty().get();
    if (shown != null && request.dirtyProperty().get()) {
      names.add(shown.name());
    }
    unsaved.set(java.util.Set.copyOf(names));
    dirty.set(ws != null && (!ws.equals(before) || request.dirtyProperty().get()));
    if (ws != null) {
      title.set(title(ws));
    }
  }

  private String title(Workspace ws) {
    return "Portcullis — " + ws.name() + (dirty.get() ? " • unsaved" : "");
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
    change(changed);
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
    request.clear();
    selected.set(null);
    saved.set(ws);
    workspace.set(ws);
    file.set(path);
    if (path != null) {
      remember(path);
    }
    title.set(title(ws));
    tree.set(WorkspaceTree.rows(ws));
    request.useWorkspace(ws);
    environments.useWorkspace(ws);
    authorizers.useWorkspace(ws);
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
