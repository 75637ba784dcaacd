package dev.portcullis.engine.exchange;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import brings (a Postman collection, a curl command): callers, folders, saved requests,
 * plain variables, the default caller the source implies, and the report of what was changed on the
 * way (every secret became a reference). Apply it with {@link #mergedInto}.
 */
public record ImportedParts(String name, Map<String, String> variables, List<Caller> callers, List<Workspace.Folder> folders,
    List<SavedRequest> requests, String defaultCaller, List<String> report) {
  public ImportedParts {
    variables = Map.copyOf(variables);
    callers = List.copyOf(callers);
    folders = List.copyOf(folders);
    requests = List.copyOf(requests);
    report = List.copyOf(report);
  }

  /**
   * The workspace with these parts added: names taken already get a {@code (2)}; the collection's
   * default caller goes on requests outside any folder (the workspace keeps its own default), and on
   * folders without a caller of their own.
   */
  public Workspace mergedInto(Workspace ws) {
    Map<String, String> callerNames = new LinkedHashMap<>();
    List<Caller> callersOut = new ArrayList<>(ws.callers());
    for (Caller c : callers) {
      if (c instanceof Caller.Anonymous && ws.caller(c.name()).filter(x -> x instanceof Caller.Anonymous).isPresent()) {
        callerNames.put(c.name(), c.name());
        continue;
      }
      String name = unique(c.name(), callersOut.stream().map(Caller::name).toList());
      callerNames.put(c.name(), name);
      callersOut.add(name.equals(c.name()) ? c : renamed(c, name));
    }
    String fallback = defaultCaller == null ? null : callerNames.get(defaultCaller);
    Map<String, String> folderNames = new LinkedHashMap<>();
    List<Workspace.Folder> foldersOut = new ArrayList<>(ws.folders());
    for (Workspace.Folder f : folders) {
      String name = unique(f.name(), foldersOut.stream().map(Workspace.Folder::name).toList());
      folderNames.put(f.name(), name);
      foldersOut.add(new Workspace.Folder(name, f.caller() == null ? fallback : callerNames.get(f.caller()), f.description()));
    }
    List<SavedRequest> requestsOut = new ArrayList<>(ws.requests());
    for (SavedRequest r : requests) {
      String name = unique(r.name(), requestsOut.stream().map(SavedRequest::name).toList());
      String caller = r.caller() != null ? callerNames.get(r.caller()) : r.folder() == null ? fallback : null;
      requestsOut.add(new SavedRequest(name, r.folder() == null ? null : folderNames.get(r.folder()), r.description(), r.gateway(),
          r.method(), r.path(), r.query(), r.headers(), r.body(), caller, r.variables(), r.clockSkewSeconds(), r.expect(), r.dependsOn()));
    }
    Map<String, String> vars = new LinkedHashMap<>(variables);
    vars.putAll(ws.variables()); // the workspace's own values win
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), vars, ws.defaultCaller(), ws.gateways(), callersOut, foldersOut,
        requestsOut, ws.environments(), ws.emulator());
  }

  /** {@code name}, or with " (2)", " (3)" ... when taken. */
  public static String unique(String name, List<String> taken) {
    String candidate = name;
    for (int i = 2; taken.contains(candidate); i++) {
      candidate = name + " (" + i + ")";
    }
    return candidate;
  }

  private static Caller renamed(Caller c, String name) {
    return switch (c) {
      case Caller.Iam i -> new Caller.Iam(name, i.description(), i.credentials(), i.region());
      case Caller.ApiKey k -> new Caller.ApiKey(name, k.description(), k.apiKey(), k.headers());
      case Caller.CustomToken t -> new Caller.CustomToken(name, t.description(), t.token(), t.header(), t.prefix());
      case Caller.OidcClient o -> new Caller.OidcClient(name, o.description(), o.issuer(), o.clientId(), o.clientSecret(), o.clientAuth(),
          o.privateKey(), o.scopes(), o.audience());
      case Caller.CognitoUser u -> new Caller.CognitoUser(name, u.description(), u.userPoolId(), u.clientId(), u.clientSecret(),
          u.username(), u.password(), u.flow(), u.token(), u.endpoint(), u.mfaSecret());
      case Caller.Anonymous a -> new Caller.Anonymous(name, a.description());
    };
  }
}
