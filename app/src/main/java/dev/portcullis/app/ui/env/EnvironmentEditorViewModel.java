package dev.portcullis.app.ui.env;

import dev.portcullis.app.ui.LogModel;
import dev.portcullis.app.ui.request.KeyValueRow;
import dev.portcullis.app.ui.request.KeyValueTable;
import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.mask.Masking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workspace's environments and their variables. A variable whose name says it is a secret
 * (password, token, key …) takes a reference ({@code env:}, {@code file:}, {@code keychain:},
 * {@code prompt}), never the value itself, so a shared workspace cannot carry it.
 */
public final class EnvironmentEditorViewModel {
  private final LogModel log;
  private final Consumer<Workspace> onChange;
  private Workspace workspace;

  // Properties
  private final ObservableList<String> names = FXCollections.observableArrayList();
  private final StringProperty selected = new SimpleStringProperty();
  private final StringProperty text = new SimpleStringProperty("");
  private final KeyValueTable variables = new KeyValueTable(text, '=', "=");

  public EnvironmentEditorViewModel(LogModel log, Consumer<Workspace> onChange) {
    this.log = log;
    this.onChange = onChange;
    selected.addListener((obs, old, name) -> show(name));
  }

  public ObservableList<String> names() { return names; }
  public StringProperty selectedProperty() { return selected; }
  /** The selected environment's variables as rows ({@code name=value}). */
  public KeyValueTable variables() { return variables; }

  // Commands

  public void useWorkspace(Workspace ws) {
    workspace = ws;
    List<String> now = ws.environments().stream().map(Environment::name).toList();
    if (!names.equals(now)) {
      names.setAll(now);
    }
    if (selected.get() == null || ws.environment(selected.get()).isEmpty()) {
      selected.set(now.isEmpty() ? null : now.getFirst());
    }
    show(selected.get());
  }

  /** A new, empty environment, selected. */
  public void add(String name) {
    String wanted = name == null ? "" : name.strip();
    if (workspace == null || wanted.isEmpty() || workspace.environment(wanted).isPresent()) {
      log.status(wanted.isEmpty() ? "An environment needs a name." : "There is already an environment named " + wanted + ".");
      return;
    }
    List<Environment> list = new ArrayList<>(workspace.environments());
    list.add(new Environment(wanted, Map.of()));
    publish(with(workspace, list));
    selected.set(wanted);
  }

  /**
   * Keeps the edited variables in the workspace; refused, naming each variable, while a secret-named
   * one holds a value instead of a reference.
   */
  public boolean apply() {
    String env = selected.get();
    if (workspace == null || env == null) {
      return false;
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> literal = new ArrayList<>();
    for (KeyValueRow row : variables.rows()) {
      if (!row.enabled() || row.name().isBlank()) {
        continue;
      }
      if (looksSecret(row.name()) && !row.value().contains("{{") && SecretRef.parse(row.value()).isLiteral()) {
        literal.add(row.name());
      }
      values.put(row.name(), row.value());
    }
    if (!literal.isEmpty()) {
      log.status("Environment " + env + ": " + String.join(", ", literal) + (literal.size() == 1 ? " holds" : " hold")
          + " a secret value; use a reference instead (env:NAME, file:PATH, keychain:NAME or prompt).");
      return false;
    }
    List<Environment> list = workspace.environments().stream().map(e -> e.name().equals(env) ? new Environment(env, values, e.callers()) : e).toList();
    publish(with(workspace, list));
    log.status("Environment " + env + " kept (" + values.size() + " variables); Ctrl+S saves the workspace.");
    return true;
  }

  private static final java.util.regex.Pattern SECRET_WORDS =
      java.util.regex.Pattern.compile("(?i).*(secret|password|passwd|token|api[-_]?key|private[-_]?key|credential).*");

  /** A name that says its value is a secret: the masking's list, or a word like token, password, apiKey in it. */
  static boolean looksSecret(String name) {
    return Masking.isSecretName(name) || SECRET_WORDS.matcher(name).matches();
  }

  private void publish(Workspace changed) {
    workspace = changed;
    onChange.accept(changed);
  }

  private void show(String name) {
    Map<String, String> vars = workspace == null || name == null ? Map.of()
        : workspace.environment(name).map(Environment::variables).orElse(Map.of());
    StringBuilder lines = new StringBuilder();
    vars.forEach((k, v) -> lines.append(lines.isEmpty() ? "" : "\n").append(k).append('=').append(v));
    text.set(lines.toString());
  }

  private static Workspace with(Workspace ws, List<Environment> environments) {
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), ws.gateways(),
        ws.callers(), ws.folders(), ws.requests(), environments, ws.emulator());
  }
}
