package dev.portcullis.app.ui;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The workbench's state and commands; the only class of the window that calls the engine. */
public final class WorkbenchViewModel {
  /** One row of the workspace tree: a section heading or an item under it, with its kind for the icon. */
  public record TreeRow(String label, String kind, String detail, List<TreeRow> children) {}

  private final BackgroundTasks tasks;

  // Properties
  private final StringProperty title = new SimpleStringProperty("Portcullis");
  private final StringProperty status = new SimpleStringProperty("Opening the demo workspace…");
  private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
  private final ObjectProperty<List<TreeRow>> tree = new SimpleObjectProperty<>(List.of());

  public WorkbenchViewModel(BackgroundTasks tasks) {
    this.tasks = tasks;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
    return workspace;
  }

  public ReadOnlyObjectProperty<List<TreeRow>> treeProperty() {
    return tree;
  }

  // Commands

  public void openDemo() {
    status.set("Opening the demo workspace…");
    tasks.run(DemoWorkspace::load, this::show, e -> status.set("The demo workspace could not be opened: " + e.getMessage()));
  }

  /** Opens a workspace file, as when the desktop opens a {@code .pcws} file with Portcullis. */
  public void open(Path file) {
    status.set("Opening " + file + "…");
    tasks.run(() -> WorkspaceStore.create(Clock.systemUTC()).load(file), this::show,
        e -> status.set("The workspace could not be opened: " + e.getMessage()));
  }

  private void show(Workspace ws) {
    workspace.set(ws);
    title.set("Portcullis — " + ws.name());
    tree.set(rows(ws));
    status.set(ws.gateways().size() + " APIs, " + ws.callers().size() + " callers, " + ws.requests().size()
        + " saved requests. Pick a request on the left.");
  }

  static List<TreeRow> rows(Workspace ws) {
    List<TreeRow> gateways = ws.gateways().stream()
        .map(g -> new TreeRow(g.name(), "gateway", g.flavor() + " API · stage " + g.stage(),
            g.routes().stream().map(r -> new TreeRow(r.key(), r.authorization().name(), describe(r), List.of())).toList()))
        .toList();
    List<TreeRow> callers = ws.callers().stream()
        .map(c -> new TreeRow(c.name(), kind(c), c.description(), List.of()))
        .toList();
    List<TreeRow> requests = ws.requests().stream()
        .map(r -> new TreeRow(r.name(), "request", r.method() + " " + r.gateway() + r.path(), List.of()))
        .toList();
    return List.of(new TreeRow("APIs", "section", null, gateways),
        new TreeRow("Callers", "section", null, callers),
        new TreeRow("Saved requests", "section", null, requests));
  }

  private static String describe(Route r) {
    return switch (r.authorization()) {
      case NONE -> "no authorisation";
      case AWS_IAM -> "AWS_IAM (SigV4)";
      case COGNITO_USER_POOLS -> "Cognito authoriser " + r.authorizer();
      case JWT -> "JWT authoriser " + r.authorizer();
      case CUSTOM -> "Lambda authoriser " + r.authorizer();
    } + (r.apiKeyRequired() ? " + API key" : "");
  }

  static String kind(Caller c) {
    return switch (c) {
      case Caller.CognitoUser u -> "cognito-user";
      case Caller.OidcClient o -> "oidc-client";
      case Caller.Iam i -> "iam";
      case Caller.ApiKey k -> "api-key";
      case Caller.CustomToken t -> "custom-token";
      case Caller.Anonymous a -> "anonymous";
    };
  }
}
