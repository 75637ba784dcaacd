package dev.portcullis.app.ui;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The workspace as tree rows: APIs with their routes, callers grouped by kind, saved requests by folder. */
final class WorkspaceTree {
  private static final Map<String, String> KIND_HEADINGS = Map.of("cognito-user", "Cognito users", "api-key", "Partners (API key)",
      "iam", "AWS IAM roles", "oidc-client", "OIDC clients", "custom-token", "Custom tokens", "anonymous", "Anonymous");

  private WorkspaceTree() {}

  static List<WorkbenchViewModel.TreeRow> rows(Workspace ws) {
    List<WorkbenchViewModel.TreeRow> gateways = ws.gateways().stream()
        .map(g -> section(g.name(), "gateway", g.flavor() + " API · stage " + g.stage(), g.routes().stream()
            .map(r -> new WorkbenchViewModel.TreeRow(r.key(), r.authorization().name(), describe(r), List.of(), new TreeRef.Route(g.name(), r.key())))
            .toList()))
        .toList();
    return List.of(section("APIs", "section", null, gateways), section("Callers", "section", null, callers(ws)),
        new WorkbenchViewModel.TreeRow("Saved requests", "section", null, requests(ws), new TreeRef.Folder("")));
  }

  private static List<WorkbenchViewModel.TreeRow> callers(Workspace ws) {
    Map<String, List<Caller>> byKind = new LinkedHashMap<>();
    ws.callers().forEach(c -> byKind.computeIfAbsent(kind(c), k -> new java.util.ArrayList<>()).add(c));
    return byKind.entrySet().stream().map(e -> section(KIND_HEADINGS.get(e.getKey()), "group", null, e.getValue().stream()
        .map(c -> new WorkbenchViewModel.TreeRow(c.name(), kind(c), c.description(), List.of(), new TreeRef.Caller(c.name()))).toList())).toList();
  }

  private static List<WorkbenchViewModel.TreeRow> requests(Workspace ws) {
    Map<String, List<SavedRequest>> byFolder = new LinkedHashMap<>();
    ws.folders().forEach(f -> byFolder.put(f.name(), new java.util.ArrayList<>()));
    byFolder.put("", new java.util.ArrayList<>());
    ws.requests().forEach(r -> byFolder.computeIfAbsent(Objects.requireNonNullElse(r.folder(), ""), k -> new java.util.ArrayList<>()).add(r));
    List<WorkbenchViewModel.TreeRow> rows = new java.util.ArrayList<>();
    byFolder.forEach((folder, requests) -> {
      List<WorkbenchViewModel.TreeRow> items = requests.stream().map(WorkspaceTree::request).toList();
      if (folder.isEmpty()) {
        rows.addAll(items);
      } else {
        rows.add(new WorkbenchViewModel.TreeRow(folder, "folder", null, items, new TreeRef.Folder(folder)));
      }
    });
    return rows;
  }

  private static WorkbenchViewModel.TreeRow request(SavedRequest r) {
    return new WorkbenchViewModel.TreeRow(r.name(), "request", r.method() + " " + r.gateway() + r.path(), List.of(), new TreeRef.Request(r.name()));
  }

  private static WorkbenchViewModel.TreeRow section(String label, String kind, String detail, List<WorkbenchViewModel.TreeRow> children) {
    return new WorkbenchViewModel.TreeRow(label, kind, detail, children, null);
  }

  static String describe(Route r) {
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
