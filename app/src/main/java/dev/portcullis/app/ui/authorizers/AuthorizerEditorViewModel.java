package dev.portcullis.app.ui.authorizers;

import dev.portcullis.app.ui.LogModel;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A Lambda authoriser's function, set to the user's own {@code handler} code: runtime, code folder,
 * handler name, timeout and memory. Apply keeps it in the open workspace (the local gateway restarts
 * on it; an untrusted workspace runs no handler until trusted).
 */
public final class AuthorizerEditorViewModel {
  /** Runtimes offered in the picker; any {@code nodejs…} or {@code python…} may be typed. */
  public static final List<String> RUNTIMES = List.of("nodejs20.x", "nodejs22.x", "python3.12", "python3.13");
  private static final String SEPARATOR = " · ";

  private final LogModel log;
  private final Consumer<Workspace> onChange;
  private Workspace workspace;

  // Properties
  private final ObservableList<String> authorizers = FXCollections.observableArrayList();
  private final StringProperty selected = new SimpleStringProperty();
  private final StringProperty current = new SimpleStringProperty("");
  private final StringProperty runtime = new SimpleStringProperty(RUNTIMES.getFirst());
  private final StringProperty codeUri = new SimpleStringProperty("");
  private final StringProperty handler = new SimpleStringProperty("index.handler");
  private final StringProperty timeoutSeconds = new SimpleStringProperty("3");
  private final StringProperty memoryMb = new SimpleStringProperty("128");

  public AuthorizerEditorViewModel(LogModel log, Consumer<Workspace> onChange) {
    this.log = log;
    this.onChange = onChange;
    selected.addListener((obs, old, now) -> load());
  }

  /** Each Lambda authoriser as "API · name". */
  public ObservableList<String> authorizers() { return authorizers; }
  public StringProperty selectedProperty() { return selected; }
  /** What the chosen authoriser's function is now, in words. */
  public ReadOnlyStringProperty currentProperty() { return current; }
  public StringProperty runtimeProperty() { return runtime; }
  public StringProperty codeUriProperty() { return codeUri; }
  public StringProperty handlerProperty() { return handler; }
  public StringProperty timeoutSecondsProperty() { return timeoutSeconds; }
  public StringProperty memoryMbProperty() { return memoryMb; }

  // Commands

  /** A workspace was opened or changed: the list shows its Lambda authorisers, the choice kept when it still exists. */
  public void useWorkspace(Workspace ws) {
    this.workspace = ws;
    List<String> now = ws.gateways().stream().flatMap(g -> g.authorizers().stream().filter(a -> a instanceof Authorizer.Lambda)
        .map(a -> g.name() + SEPARATOR + a.name())).toList();
    if (!authorizers.equals(now)) {
      authorizers.setAll(now);
    }
    if (selected.get() == null || !now.contains(selected.get())) {
      selected.set(now.isEmpty() ? null : now.getFirst());
    } else {
      load();
    }
  }

  /** Sets the chosen authoriser's function to the handler the fields describe; a bad field is one sentence. */
  public void apply() {
    Optional<Authorizer.Lambda> chosen = chosen();
    if (chosen.isEmpty()) {
      log.status("Pick a Lambda authoriser first.");
      return;
    }
    LambdaFunction.Handler function;
    try {
      String functionName = chosen.get().function() instanceof LambdaFunction.Handler h ? h.functionName() : chosen.get().name();
      LambdaFunction.Handler before = chosen.get().function() instanceof LambdaFunction.Handler h ? h : null;
      function = new LambdaFunction.Handler(functionName, runtime.get(), codeUri.get(), handler.get(),
          before == null ? null : before.environment(), number(timeoutSeconds.get(), "timeout"), number(memoryMb.get(), "memory"));
    } catch (IllegalArgumentException e) {
      log.error("The handler of " + chosen.get().name() + " was not set", e);
      return;
    }
    Authorizer.Lambda a = chosen.get();
    Authorizer.Lambda changed = new Authorizer.Lambda(a.name(), a.eventType(), a.identitySources(), a.validationRegex(), a.ttlSeconds(),
        a.payloadFormat(), a.simpleResponses(), function);
    String gatewayName = selected.get().substring(0, selected.get().indexOf(SEPARATOR));
    List<Gateway> gateways = workspace.gateways().stream().map(g -> !g.name().equals(gatewayName) ? g : g.newBuilder()
        .authorizers(g.authorizers().stream().map(x -> x.name().equals(a.name()) ? changed : x).toList()).build()).toList();
    Workspace updated = workspace.newBuilder().gateways(gateways).build();
    onChange.accept(updated);
    log.info("Authoriser " + a.name() + ": handler " + function.handler() + " in " + function.codeUri() + " (" + function.runtime()
        + ", " + function.timeoutSeconds() + " s, " + function.memoryMb() + " MB).");
    log.status("Authoriser " + a.name() + " now runs " + function.handler() + " (" + function.runtime() + "); the Console shows each call,"
        + " Ctrl+S saves it.");
  }

  private void load() {
    Optional<Authorizer.Lambda> chosen = chosen();
    if (chosen.isEmpty()) {
      current.set("");
      return;
    }
    current.set(describe(chosen.get().function()));
    if (chosen.get().function() instanceof LambdaFunction.Handler h) {
      runtime.set(h.runtime());
      codeUri.set(h.codeUri());
      handler.set(h.handler());
      timeoutSeconds.set(String.valueOf(h.timeoutSeconds()));
      memoryMb.set(String.valueOf(h.memoryMb()));
    }
  }

  private Optional<Authorizer.Lambda> chosen() {
    String label = selected.get();
    if (workspace == null || label == null || !label.contains(SEPARATOR)) {
      return Optional.empty();
    }
    String gateway = label.substring(0, label.indexOf(SEPARATOR));
    String name = label.substring(label.indexOf(SEPARATOR) + SEPARATOR.length());
    return workspace.gateway(gateway).flatMap(g -> g.authorizers().stream().filter(a -> a.name().equals(name))
        .filter(a -> a instanceof Authorizer.Lambda).map(a -> (Authorizer.Lambda) a).findFirst());
  }

  static String describe(LambdaFunction f) {
    return switch (f) {
      case LambdaFunction.Rules r -> "Declarative rules (" + r.rules().size() + "), no code runs";
      case LambdaFunction.Command c -> "A command: " + String.join(" ", c.command());
      case LambdaFunction.Handler h -> "Your handler " + h.handler() + " in " + h.codeUri() + " (" + h.runtime() + ")";
      case LambdaFunction.Invoke i -> "Lambda Invoke of " + i.functionName();
    };
  }

  private static int number(String text, String what) {
    try {
      int n = Integer.parseInt(text == null ? "" : text.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the sentence below
    }
    throw new IllegalArgumentException("the " + what + " '" + (text == null ? "" : text.strip()) + "' is not a positive whole number");
  }
}
