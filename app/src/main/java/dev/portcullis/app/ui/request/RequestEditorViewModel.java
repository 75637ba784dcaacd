package dev.portcullis.app.ui.request;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.LogModel;
import dev.portcullis.app.ui.Questions;
import dev.portcullis.app.ui.SessionModel;
import dev.portcullis.engine.exchange.CurlImport;
import dev.portcullis.engine.exchange.ImportedParts;
import dev.portcullis.engine.exchange.UrlResolution;
import dev.portcullis.engine.exchange.UrlResolver;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.Expectation;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.CurlReproduction;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.store.Variables;
import dev.portcullis.engine.trace.Trace;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The request being edited and sent: a saved request's fields, the caller and the expectation. */
public final class RequestEditorViewModel {
  public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  private final BackgroundTasks tasks;
  private final SessionModel sessions;
  private final Questions questions;
  private final LogModel log;
  private final Consumer<Trace> onTrace;
  /** The request as it was loaded (or last kept in the workspace); null when the editor is empty. */
  private final ObjectProperty<SavedRequest> original = new SimpleObjectProperty<>();
  /** The caller the loaded request inherits from its folder or the workspace; kept as inherited unless changed. */
  private String inheritedCaller;

  // Properties
  private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty gateway = new SimpleStringProperty();
  private final StringProperty method = new SimpleStringProperty("GET");
  private final StringProperty path = new SimpleStringProperty("");
  private final StringProperty query = new SimpleStringProperty("");
  private final StringProperty headers = new SimpleStringProperty("");
  private final StringProperty body = new SimpleStringProperty("");
  private final StringProperty caller = new SimpleStringProperty();
  private final StringProperty expectStatus = new SimpleStringProperty("");
  private final StringProperty expectErrorType = new SimpleStringProperty("");
  private final StringProperty expectDecidedBy = new SimpleStringProperty("");
  private final ObservableList<String> gateways = FXCollections.observableArrayList();
  private final ObservableList<String> callers = FXCollections.observableArrayList();
  private final ObservableList<String> environments = FXCollections.observableArrayList();
  private final StringProperty environment = new SimpleStringProperty(SessionModel.LOCAL);
  private final StringProperty description = new SimpleStringProperty("");
  private final BooleanProperty sending = new SimpleBooleanProperty();
  private dev.portcullis.engine.send.Cancellation running;
  private final BooleanBinding canSend;
  private final BooleanBinding dirty;
  private final KeyValueTable queryTable = new KeyValueTable(query, '=', "=");
  private final KeyValueTable headerTable = new KeyValueTable(headers, ':', ": ");
  private final ObservableList<KeyValueRow> callerHeaders = FXCollections.observableArrayList();
  private Consumer<ImportedParts> onCurl = parts -> { };

  public RequestEditorViewModel(BackgroundTasks tasks, SessionModel sessions, Questions questions, LogModel log,
      Consumer<Trace> onTrace) {
    this.tasks = tasks;
    this.sessions = sessions;
    this.questions = questions;
    this.log = log;
    this.onTrace = onTrace;
    // what the editor shows is what is sent, saved or not: an API and a path are enough
    this.canSend = Bindings.createBooleanBinding(() -> sessions.current() != null && !sending.get() && gateway.get() != null
        && path.get() != null && !path.get().isBlank(), sessions.sessionProperty(), sending, gateway, path);
    this.dirty = Bindings.createBooleanBinding(this::differs, original, name, gateway, method, path, query, headers, body, caller,
        expectStatus, expectErrorType, expectDecidedBy);
    caller.addListener((obs, old, now) -> refreshCallerHeaders());
    workspace.addListener((obs, old, now) -> refreshCallerHeaders());
  }

  private void refreshCallerHeaders() {
    Workspace ws = workspace.get();
    callerHeaders.setAll(CallerHeaders.of(ws == null || caller.get() == null ? null : ws.caller(caller.get()).orElse(null)));
  }

  public StringProperty nameProperty() { return name; }
  public StringProperty gatewayProperty() { return gateway; }
  public StringProperty methodProperty() { return method; }
  public StringProperty pathProperty() { return path; }
  public StringProperty queryProperty() { return query; }
  public StringProperty headersProperty() { return headers; }
  public StringProperty bodyProperty() { return body; }
  public StringProperty callerProperty() { return caller; }
  public StringProperty environmentProperty() { return environment; }
  public StringProperty expectStatusProperty() { return expectStatus; }
  public StringProperty expectErrorTypeProperty() { return expectErrorType; }
  public StringProperty expectDecidedByProperty() { return expectDecidedBy; }
  public ObservableList<String> gateways() { return gateways; }
  public ObservableList<String> callers() { return callers; }
  public ObservableList<String> environments() { return environments; }
  public ReadOnlyBooleanProperty sendingProperty() { return sending; }
  public BooleanBinding canSendProperty() { return canSend; }
  /** The query as rows with an on/off switch each; its text is {@link #queryProperty()}. */
  public KeyValueTable queryTable() { return queryTable; }
  /** The headers as rows with an on/off switch each; its text is {@link #headersProperty()}. */
  public KeyValueTable headerTable() { return headerTable; }
  /** What the chosen caller adds on the way out (Authorization, x-api-key, SigV4 headers): shown, not edited. */
  public ObservableList<KeyValueRow> callerHeaders() { return callerHeaders; }
  /** True while the editor shows edits not yet kept in the workspace. */
  public BooleanBinding dirtyProperty() { return dirty; }
  /** The saved request's description (what it demonstrates, what to send first); empty when it has none. */
  public javafx.beans.property.ReadOnlyStringProperty descriptionProperty() { return description; }
  /** The request as loaded or last kept; null when the editor is empty. */
  public javafx.beans.property.ReadOnlyObjectProperty<SavedRequest> originalProperty() { return original; }

  // Commands

  /**
   * What the Target picker shows for an entry: the embedded local gateway, or an environment's
   * deployed gateways (their baseUrl), so a workspace environment named "local" is never mistaken
   * for the embedded gateway.
   */
  public static String targetLabel(String entry) {
    if (entry == null) {
      return "";
    }
    return SessionModel.LOCAL.equals(entry) ? "Local gateway" : entry + " · real AWS";
  }

  /** A workspace was opened: the pickers list its gateways, callers and environments. */
  public void useWorkspace(Workspace ws) {
    workspace.set(ws);
    // only when they changed: a combo box whose items are replaced may drop its value, which would read as an edit
    replace(gateways, ws.gateways().stream().map(Gateway::name).toList());
    replace(callers, ws.callers().stream().map(Caller::name).toList());
    List<String> targets = new java.util.ArrayList<>(List.of(SessionModel.LOCAL));
    targets.addAll(ws.environments().stream().map(Environment::name).toList());
    replace(environments, targets);
  }

  /** Fills the editor from a saved request; the caller picker shows the one it inherits. */
  public void load(SavedRequest request) {
    inheritedCaller = request.caller() != null ? null
        : workspace.get() == null ? null : workspace.get().effectiveCaller(request).orElse(null);
    original.set(request);
    description.set(request.description() == null ? "" : request.description());
    name.set(request.name());
    gateway.set(request.gateway());
    method.set(request.method());
    path.set(request.path());
    query.set(KeyValueLines.render(request.query(), "="));
    headers.set(KeyValueLines.render(request.headers(), ": "));
    body.set(request.body() == null ? "" : request.body());
    caller.set(request.caller() != null ? request.caller() : inheritedCaller);
    Expectation e = request.expect();
    expectStatus.set(e == null || e.status() == null ? "" : e.status().toString());
    expectErrorType.set(e == null || e.errorType() == null ? "" : e.errorType());
    expectDecidedBy.set(e == null || e.decidedBy() == null ? "" : e.decidedBy());
  }

  /** The editor emptied (the request it showed was deleted). */
  public void clear() {
    original.set(null);
    inheritedCaller = null;
    description.set("");
    name.set("");
    path.set("");
    query.set("");
    headers.set("");
    body.set("");
    expectStatus.set("");
    expectErrorType.set("");
    expectDecidedBy.set("");
  }

  /** The edits are now kept in the workspace as {@code kept}: the editor is clean again, its fields as they are. */
  public void kept(SavedRequest kept) {
    if (kept.caller() == null && inheritedCaller == null && workspace.get() != null) {
      inheritedCaller = workspace.get().effectiveCaller(kept).orElse(null);
    }
    original.set(kept);
  }

  /**
   * The request as edited now; what Send sends and what Save keeps. Without a loaded request it is
   * a new one named "Untitled request".
   *
   * @throws IllegalArgumentException when a field cannot be sent as it is (one sentence)
   */
  public SavedRequest edited() {
    SavedRequest o = original.get();
    String text = body.get() == null || body.get().isBlank() ? null : body.get();
    String who = caller.get();
    if (o != null && o.caller() == null && java.util.Objects.equals(who, inheritedCaller)) {
      who = null; // still inherited: saving must not pin the folder's caller onto the request
    }
    if (gateway.get() == null) {
      throw new IllegalArgumentException("pick the API to send to");
    }
    String named = name.get() == null || name.get().isBlank() ? "Untitled request" : name.get();
    String route = path.get() == null || path.get().isBlank() ? "/" : path.get();
    SavedRequest.Builder built = o == null ? SavedRequest.builder(named, gateway.get(), method.get(), route)
        : o.newBuilder().name(named).gateway(gateway.get()).method(method.get()).path(route);
    return built.query(KeyValueLines.parse(query.get(), '=')).headers(KeyValueLines.parse(headers.get(), ':')).body(text)
        .caller(who).expect(expectation(o == null ? null : o.expect())).build();
  }

  private boolean differs() {
    SavedRequest o = original.get();
    if (o == null) {
      return false;
    }
    try {
      return !edited().equals(o);
    } catch (IllegalArgumentException e) {
      return true; // a half-typed expected status is an edit too
    }
  }

  /** Sends the edited request in the background; the trace arrives through {@code onTrace}. */
  public void send() {
    Session session = sessions.current();
    if (session == null || sending.get()) {
      log.status(session == null ? "Wait for the local gateway to start, then send." : "A send is already running.");
      return;
    }
    if (PastedText.isUrl(path.get()) && !takeUrl(path.get())) {
      return; // a typed URL that names no API: the sentence is in the status bar, nothing is sent to "/prod/https://…"
    }
    SavedRequest request;
    try {
      request = edited();
    } catch (IllegalArgumentException e) {
      log.error("The request cannot be sent", e);
      return;
    }
    sending.set(true);
    log.status("Sending " + request.method() + " " + request.path() + " as " + caller.get() + "…");
    String as = caller.get();
    dev.portcullis.engine.send.Cancellation cancel = dev.portcullis.engine.send.Cancellation.create();
    running = cancel;
    tasks.run(() -> session.run(request, as, questions, cancel), trace -> {
      sending.set(false);
      running = null;
      // the trace's headline says what was decided and why; the status bar only says the send is done
      dev.portcullis.engine.trace.Verdict.Actual got = trace.verdict().actual();
      log.status("Sent " + request.method() + " " + request.path() + " as " + as + ": "
          + (got == null ? "no answer" : "answered " + got.status()) + "; the trace says why.");
      onTrace.accept(trace);
    }, e -> {
      sending.set(false);
      running = null;
      log.error("Sending failed", e);
    });
  }

  /**
   * Text pasted into the path field. A full URL (the local gateway's own, an execute-api URL, an
   * environment's base URL) is split into API, stage and path, the target picked from it, and the
   * status bar says so; a curl command becomes a saved request (through {@link #onCurl}). False for
   * anything else, which is pasted as text.
   */
  public boolean paste(String text) {
    if (PastedText.isCurl(text)) {
      importCurl(text);
      return true;
    }
    if (PastedText.isUrl(text)) {
      takeUrl(text.strip());
      return true;
    }
    return false;
  }

  /** Where a pasted curl command goes once read: the workbench adds it to the workspace as a request. */
  public void onCurl(Consumer<ImportedParts> handler) {
    this.onCurl = handler;
  }

  private boolean takeUrl(String url) {
    Workspace ws = workspace.get();
    if (ws == null) {
      return false;
    }
    Session session = sessions.current();
    Map<String, java.net.URI> running = session == null ? Map.of()
        : session.world().map(dev.portcullis.engine.gateway.LocalWorld::apiUrls).orElse(Map.of());
    UrlResolution resolution = UrlResolver.create(ws, running).resolve(url, method.get());
    if (resolution instanceof UrlResolution.Unresolved u) {
      log.status("That URL matches no API of " + ws.name() + ": " + u.sentence());
      return false;
    }
    UrlResolution.Resolved r = (UrlResolution.Resolved) resolution;
    String target = switch (r.origin()) {
      case LOCAL_WORLD -> SessionModel.LOCAL;
      case ENVIRONMENT -> r.environment() != null ? r.environment() : environment.get();
      case EXECUTE_API -> PastedText.environmentServing(ws, r.gateway(), url).orElse(environment.get());
      case NAMED, PATH -> environment.get();
    };
    gateway.set(r.gateway());
    path.set(r.path());
    if (!r.query().isEmpty()) {
      query.set(KeyValueLines.render(r.query(), "="));
    }
    environment.set(target);
    log.status(PastedText.sentence(r, targetWords(target)));
    return true;
  }

  private void importCurl(String command) {
    String refused = readCurl(command);
    if (refused != null) {
      log.status("The pasted curl command did not become a request: " + refused);
    }
  }

  /**
   * A curl command (pasted, or typed into File → Import curl) made into a request through
   * {@link #onCurl}; null when it was, else the sentence saying why not (nothing changes then).
   */
  public String readCurl(String command) {
    Workspace ws = workspace.get();
    if (ws == null) {
      return "open a workspace first.";
    }
    if (!PastedText.isCurl(command)) {
      return "that is not a curl command: it starts with curl, then its URL and options.";
    }
    try {
      onCurl.accept(CurlImport.read(command.strip(), java.nio.file.Path.of(System.getProperty("user.home")),
          java.io.InputStream::nullInputStream, ws));
      return null;
    } catch (IllegalArgumentException e) {
      return LogModel.message(e);
    }
  }

  /**
   * The request as the editor shows it now (edited, unsaved) as a curl command, built as a send
   * would build it as its caller but not sent, as {@code portcullis curl} does: secrets stay
   * {@code $VARIABLES}, the {@code export} hints are shell comments above it. It goes to
   * {@code clipboard}; the status bar says so.
   */
  public void copyAsCurl(Consumer<String> clipboard) {
    Session session = sessions.current();
    if (session == null) {
      log.status("Wait for the local gateway to start, then copy as curl.");
      return;
    }
    SavedRequest request;
    try {
      request = edited();
    } catch (IllegalArgumentException e) {
      log.error("The request cannot be copied as curl", e);
      return;
    }
    String as = caller.get();
    log.status("Building the curl command for " + request.method() + " " + request.path() + " (nothing is sent)…");
    tasks.run(() -> CurlReproduction.of(session, request, as), curl -> {
      StringBuilder text = new StringBuilder();
      curl.notes().forEach(n -> text.append("# ").append(n).append('\n'));
      text.append(curl.command()).append('\n');
      if (curl.precomputed() != null) {
        text.append("\n# the same request with headers signed by Portcullis (valid for about 5 minutes):\n")
            .append(curl.precomputed()).append('\n');
      }
      clipboard.accept(text.toString());
      log.status("Copied " + request.method() + " " + request.path() + (as == null ? "" : " as " + as)
          + " as a curl command to the clipboard; secrets are $VARIABLES, see its # lines.");
    }, e -> log.error("The request cannot be copied as curl", e));
  }

  /** "the local gateway" or "aws-dev (real AWS)": where a send goes, in the status bar's words. */
  static String targetWords(String target) {
    return SessionModel.LOCAL.equals(target) ? "the local gateway" : target + " (real AWS)";
  }

  /** Stops the send in progress (getting the credential, the call, a burst's repeats); its trace says "cancelled". */
  public void cancel() {
    dev.portcullis.engine.send.Cancellation cancel = running;
    if (cancel != null) {
      log.status("Cancelling the send…");
      cancel.cancel();
    }
  }

  /**
   * Puts {@code token} on the request as its bearer and sends it as {@code caller} (an anonymous
   * caller, so the runner adds no credential of its own): the token lab's "Send with this token".
   */
  public void sendWithBearer(String token, String caller) {
    List<KeyValueRow> rows = new java.util.ArrayList<>(KeyValueLines.rows(headers.get(), ':'));
    rows.removeIf(r -> r.name().equalsIgnoreCase("Authorization"));
    rows.add(new KeyValueRow(true, "Authorization", "Bearer " + token));
    headers.set(KeyValueLines.render(rows, ": "));
    if (caller != null) {
      this.caller.set(caller);
    }
    send();
  }

  /** Each {@code {{variable}}} in {@code text} with the value it resolves to now, for the hover. */
  public String resolve(String text) {
    Workspace ws = workspace.get();
    List<String> names = Variables.referenced(text);
    if (ws == null || names.isEmpty()) {
      return "";
    }
    Map<String, String> runtime = sessions.current() == null ? Map.of() : sessions.current().target().runtimeVariables();
    String env = SessionModel.LOCAL.equals(environment.get()) ? null : environment.get();
    Variables variables = Variables.of(ws, env, original.get(), runtime);
    StringBuilder out = new StringBuilder();
    for (String n : names.stream().distinct().toList()) {
      String value = variables.values().get(n);
      out.append("{{").append(n).append("}} = ").append(value == null ? "(not defined)" : value).append('\n');
    }
    return out.toString().strip();
  }

  private Expectation expectation(Expectation before) {
    Integer status = expectStatus.get() == null || expectStatus.get().isBlank() ? null : parseStatus(expectStatus.get());
    String errorType = blankToNull(expectErrorType.get());
    String decidedBy = blankToNull(expectDecidedBy.get());
    Integer repeat = before == null ? null : before.repeat();
    String bodyContains = before == null ? null : before.bodyContains();
    if (status == null && errorType == null && decidedBy == null && bodyContains == null && repeat == null) {
      return null;
    }
    return new Expectation(status, errorType, decidedBy, bodyContains, repeat);
  }

  private static void replace(ObservableList<String> list, List<String> now) {
    if (!list.equals(now)) {
      list.setAll(now);
    }
  }

  private static Integer parseStatus(String text) {
    try {
      int status = Integer.parseInt(text.strip());
      if (status >= 100 && status <= 599) {
        return status;
      }
    } catch (NumberFormatException e) {
      // falls through to the sentence below
    }
    throw new IllegalArgumentException("the expected status '" + text.strip() + "' is not an HTTP status (100–599)");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
