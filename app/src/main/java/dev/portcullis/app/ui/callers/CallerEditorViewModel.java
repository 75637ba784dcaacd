package dev.portcullis.app.ui.callers;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.LogModel;
import dev.portcullis.app.ui.Questions;
import dev.portcullis.app.ui.SessionModel;
import dev.portcullis.engine.identity.Acquisition;
import dev.portcullis.engine.identity.Credential;
import dev.portcullis.engine.identity.CredentialExports;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.token.TokenInspector;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
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

/**
 * Edits one caller: a form for its kind whose secret fields take references only, Apply to put it in
 * the workspace, and Log in to run its acquisition and show what it gets.
 */
public final class CallerEditorViewModel {
  private final BackgroundTasks tasks;
  private final SessionModel sessions;
  private final Questions questions;
  private final LogModel log;
  private final Consumer<Caller> apply;
  private final TokenInspector inspector = TokenInspector.create(Clock.systemUTC());

  // Properties
  private final ObjectProperty<Caller> caller = new SimpleObjectProperty<>();
  private final ObservableList<CallerForm.Field> fields = FXCollections.observableArrayList();
  private final StringProperty kind = new SimpleStringProperty("");
  private final StringProperty result = new SimpleStringProperty("");
  private final ObjectProperty<TokenInspection> token = new SimpleObjectProperty<>();
  private final BooleanProperty busy = new SimpleBooleanProperty();

  public CallerEditorViewModel(BackgroundTasks tasks, SessionModel sessions, Questions questions, LogModel log, Consumer<Caller> apply) {
    this.tasks = tasks;
    this.sessions = sessions;
    this.questions = questions;
    this.log = log;
    this.apply = apply;
  }

  public ReadOnlyObjectProperty<Caller> callerProperty() { return caller; }
  public ObservableList<CallerForm.Field> fields() { return fields; }
  public ReadOnlyStringProperty kindProperty() { return kind; }
  public ReadOnlyStringProperty resultProperty() { return result; }
  public ReadOnlyObjectProperty<TokenInspection> tokenProperty() { return token; }
  public BooleanProperty busyProperty() { return busy; }

  /** The caller's kind as a person says it ("Cognito user", "IAM role"), not the type's name. */
  public static String kindInWords(dev.portcullis.engine.model.Caller c) {
    return switch (c) {
      case null -> "";
      case dev.portcullis.engine.model.Caller.CognitoUser u -> "Cognito user";
      case dev.portcullis.engine.model.Caller.OidcClient o -> "OIDC client (client credentials)";
      case dev.portcullis.engine.model.Caller.Iam i -> "IAM role (SigV4)";
      case dev.portcullis.engine.model.Caller.ApiKey k -> "partner with an API key";
      case dev.portcullis.engine.model.Caller.CustomToken t -> "custom token";
      case dev.portcullis.engine.model.Caller.Anonymous a -> "anonymous (no credential)";
    };
  }

  /** A field's value by key, for tests and the screenshot script. */
  public StringProperty field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().value();
  }

  // Commands

  public void edit(Caller c) {
    caller.set(c);
    kind.set(c.getClass().getSimpleName());
    fields.setAll(CallerForm.fields(c));
    result.set("");
    token.set(null);
  }

  /** Puts the edited caller in the workspace; a literal secret or a missing field is a sentence, not a save. */
  public boolean apply() {
    try {
      Caller edited = CallerForm.build(caller.get(), List.copyOf(fields));
      caller.set(edited);
      apply.accept(edited);
      log.status("Caller " + edited.name() + " updated; save the workspace to keep it.");
      return true;
    } catch (IllegalArgumentException e) {
      log.error("Caller " + caller.get().name() + " was not changed", e);
      return false;
    }
  }

  /** Runs the caller's acquisition (MFA and new-password challenges come as questions) and shows what it got. */
  public void logIn() {
    Session session = sessions.current();
    Caller c = caller.get();
    if (session == null || c == null) {
      log.status("Start the local gateway (or pick a target) before logging in.");
      return;
    }
    busy.set(true);
    result.set("Logging in as " + c.name() + "…");
    tasks.run(() -> session.credential(c.name(), questions), acquisition -> {
      busy.set(false);
      show(acquisition);
    }, e -> {
      busy.set(false);
      result.set("");
      log.error("Logging in as " + c.name() + " failed", e);
    });
  }

  private void show(Acquisition acquisition) {
    switch (acquisition) {
      case Acquisition.Acquired a -> {
        result.set(describe(a.credential()) + " (" + a.flow() + ", " + a.freshness().name().toLowerCase(java.util.Locale.ROOT) + ")");
        token.set(a.credential() instanceof Credential.Bearer b ? inspector.inspect(b.token()) : null);
        log.status("Logged in as " + caller.get().name() + ".");
      }
      case Acquisition.Failed f -> {
        token.set(null);
        result.set(f.message() + (f.fix() == null || f.fix().isBlank() ? "" : " " + f.fix()));
        log.status("Login as " + caller.get().name() + " failed: " + f.message());
      }
    }
  }

  private static String describe(Credential credential) {
    return switch (credential) {
      case Credential.Bearer b -> b.kind() + " " + Masking.mask(b.token());
      case Credential.ApiKey k -> "API key " + Masking.mask(k.value());
      case Credential.Aws a -> "AWS credentials " + CredentialExports.environment(a).get("AWS_ACCESS_KEY_ID") + " from " + a.source();
      case Credential.None n -> "No credential: this caller sends nothing";
    };
  }
}
