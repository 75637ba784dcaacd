package dev.portcullis.engine.importer;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Merges a fresh import into a workspace the user has worked in. Gateways the source defines are
 * replaced by the new reading (routes, authorisers, plans, policy), keeping the user's local port
 * and base URL; the user's callers, requests (with expectations), folders, environments and
 * variables are kept, and only what the import adds that is missing is added. Every difference is
 * a line in the report's change list.
 */
public final class Reimport {
  private Reimport() {}

  public static ImportResult merge(Workspace existing, ImportResult fresh) {
    Workspace incoming = fresh.workspace();
    List<String> changes = new ArrayList<>();
    Map<String, Gateway> gateways = new LinkedHashMap<>();
    existing.gateways().forEach(g -> gateways.put(g.name(), g));
    for (Gateway g : incoming.gateways()) {
      Gateway old = gateways.get(g.name());
      if (old == null) {
        changes.add("gateway " + g.name() + ": added (" + g.routes().size() + " routes)");
        gateways.put(g.name(), g);
        continue;
      }
      diffRoutes(old, g, changes);
      List<Authorizer> authorizers = keepUserFunctions(old, g, changes);
      diffAuthorizers(old, g, authorizers, changes);
      gateways.put(g.name(), new Gateway(g.name(), g.flavor(), g.region(), old.accountId(), g.apiId(), g.stage(),
          old.baseUrl() != null ? old.baseUrl() : g.baseUrl(), old.localPort(), g.apiKeySource(), g.routes(), authorizers,
          g.usagePlans(), g.resourcePolicy()));
    }
    List<Caller> callers = new ArrayList<>(existing.callers());
    Set<String> callerNames = existing.callers().stream().map(Caller::name).collect(Collectors.toSet());
    incoming.callers().stream().filter(c -> !callerNames.contains(c.name())).forEach(c -> {
      callers.add(c);
      changes.add("caller " + c.name() + ": added");
    });
    List<SavedRequest> requests = new ArrayList<>(existing.requests());
    Set<String> requestNames = existing.requests().stream().map(SavedRequest::name).collect(Collectors.toSet());
    incoming.requests().stream().filter(r -> !requestNames.contains(r.name())).forEach(r -> {
      requests.add(r);
      changes.add("request " + r.name() + ": added");
    });
    for (SavedRequest r : existing.requests()) {
      Gateway g = gateways.get(r.gateway());
      if (g != null && incoming.gateway(r.gateway()).isPresent() && !servedBy(g, r)) {
        changes.add("request " + r.name() + ": kept, but its route " + r.method() + " " + r.path() + " is no longer in " + r.gateway());
      }
    }
    List<Workspace.Folder> folders = new ArrayList<>(existing.folders());
    incoming.folders().stream().filter(f -> existing.folder(f.name()).isEmpty()).forEach(folders::add);
    Map<String, String> variables = new TreeMap<>(incoming.variables());
    variables.putAll(existing.variables());
    List<Environment> environments = mergeEnvironments(existing.environments(), incoming.environments());
    Emulator emulator = mergeEmulator(existing.emulator(), incoming.emulator());
    if (changes.isEmpty()) {
      changes.add("no changes: the source defines what the workspace already has");
    }
    Workspace merged = new Workspace(existing.schemaVersion(), existing.name(), existing.description(), variables,
        existing.defaultCaller() != null ? existing.defaultCaller() : incoming.defaultCaller(), List.copyOf(gateways.values()), callers,
        folders, requests, environments, emulator);
    return new ImportResult(merged, fresh.report().withChanges(changes), fresh.places());
  }

  private static boolean servedBy(Gateway g, SavedRequest r) {
    return g.routes().stream().anyMatch(route -> route.method().equals("$default") || route.method().equals("ANY")
        || route.method().equals(r.method()) && template(route.path()).matcher(r.path()).matches());
  }

  private static java.util.regex.Pattern template(String path) {
    String regex = java.util.regex.Pattern.quote(path).replaceAll("\\{[^}]+\\+}", "\\\\E.+\\\\Q").replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
    return java.util.regex.Pattern.compile(regex);
  }

  private static void diffRoutes(Gateway old, Gateway now, List<String> changes) {
    Map<String, Route> before = old.routes().stream().collect(Collectors.toMap(Route::key, r -> r, (a, b) -> a, LinkedHashMap::new));
    Map<String, Route> after = now.routes().stream().collect(Collectors.toMap(Route::key, r -> r, (a, b) -> a, LinkedHashMap::new));
    after.forEach((key, r) -> {
      Route was = before.get(key);
      if (was == null) {
        changes.add(now.name() + " " + key + ": added (" + auth(r) + ")");
      } else if (!auth(was).equals(auth(r))) {
        changes.add(now.name() + " " + key + ": protection changed from " + auth(was) + " to " + auth(r));
      }
    });
    before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> changes.add(now.name() + " " + k + ": removed"));
  }

  /**
   * A Lambda authoriser the user pointed at their real code (handler, command or invoke) keeps that function over
   * what the source gives. When both are handlers, the source's code wins; an unchanged handler keeps the
   * environment the user gave it (references they set instead of the template's values).
   */
  private static List<Authorizer> keepUserFunctions(Gateway old, Gateway now, List<String> changes) {
    List<Authorizer> out = new ArrayList<>();
    for (Authorizer a : now.authorizers()) {
      var was = old.authorizer(a.name());
      if (a instanceof Authorizer.Lambda l && l.function() instanceof LambdaFunction.Handler h && was.isPresent()
          && was.get() instanceof Authorizer.Lambda w && w.function() instanceof LambdaFunction.Handler oldHandler
          && oldHandler.codeUri().equals(h.codeUri()) && oldHandler.handler().equals(h.handler())
          && !oldHandler.environment().equals(h.environment())) {
        out.add(new Authorizer.Lambda(l.name(), l.eventType(), l.identitySources(), l.validationRegex(), l.ttlSeconds(), l.payloadFormat(),
            l.simpleResponses(), new LambdaFunction.Handler(h.functionName(), h.runtime(), h.codeUri(), h.handler(),
                oldHandler.environment(), h.timeoutSeconds(), h.memoryMb())));
        changes.add(now.name() + " authoriser " + a.name() + ": kept your handler's environment variables");
      } else if (a instanceof Authorizer.Lambda l && was.isPresent() && was.get() instanceof Authorizer.Lambda w
          && !(w.function() instanceof LambdaFunction.Rules)
          && !(w.function() instanceof LambdaFunction.Handler && l.function() instanceof LambdaFunction.Handler)) {
        out.add(new Authorizer.Lambda(l.name(), l.eventType(), l.identitySources(), l.validationRegex(), l.ttlSeconds(), l.payloadFormat(),
            l.simpleResponses(), w.function()));
        changes.add(now.name() + " authoriser " + a.name() + ": kept your " + w.function().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
            + " function");
      } else {
        out.add(a);
      }
    }
    return out;
  }

  private static void diffAuthorizers(Gateway old, Gateway now, List<Authorizer> kept, List<String> changes) {
    kept.forEach(a -> {
      var was = old.authorizer(a.name());
      if (was.isEmpty()) {
        changes.add(now.name() + " authoriser " + a.name() + ": added");
      } else if (!was.get().equals(a)) {
        changes.add(now.name() + " authoriser " + a.name() + ": changed");
      }
    });
    old.authorizers().stream().filter(a -> kept.stream().noneMatch(k -> k.name().equals(a.name())))
        .forEach(a -> changes.add(now.name() + " authoriser " + a.name() + ": removed"));
  }

  private static String auth(Route r) {
    return r.authorization() + (r.authorizer() == null ? "" : " " + r.authorizer()) + (r.scopes().isEmpty() ? "" : " " + r.scopes())
        + (r.apiKeyRequired() ? " +key" : "");
  }

  private static List<Environment> mergeEnvironments(List<Environment> mine, List<Environment> theirs) {
    Map<String, Environment> out = new LinkedHashMap<>();
    theirs.forEach(e -> out.put(e.name(), e));
    for (Environment e : mine) {
      Environment t = out.get(e.name());
      if (t == null) {
        out.put(e.name(), e);
      } else {
        Map<String, String> vars = new TreeMap<>(t.variables());
        vars.putAll(e.variables());
        // the user's own environment callers stay: an import knows no identity providers of a deployment
        out.put(e.name(), new Environment(e.name(), vars, e.callers().isEmpty() ? t.callers() : e.callers()));
      }
    }
    // the user's environments first, in their order
    List<Environment> ordered = new ArrayList<>();
    mine.forEach(e -> ordered.add(out.remove(e.name())));
    ordered.addAll(out.values());
    return ordered;
  }

  private static Emulator mergeEmulator(Emulator mine, Emulator theirs) {
    return new Emulator(true, mine.signingKeySeed(), mine.idpPort(),
        union(mine.userPools(), theirs.userPools(), Emulator.UserPool::id),
        union(mine.oidcIssuers(), theirs.oidcIssuers(), Emulator.OidcIssuer::name),
        union(mine.accessKeys(), theirs.accessKeys(), Emulator.AccessKey::accessKeyId),
        union(mine.apiKeys(), theirs.apiKeys(), Emulator.ApiKeyFixture::id),
        union(mine.tokens(), theirs.tokens(), Emulator.TokenRecipe::name));
  }

  private static <T> List<T> union(List<T> mine, List<T> theirs, java.util.function.Function<T, String> key) {
    List<T> out = new ArrayList<>(mine);
    Set<String> seen = mine.stream().map(key).collect(Collectors.toSet());
    theirs.stream().filter(t -> !seen.contains(key.apply(t))).forEach(out::add);
    return out;
  }

  static boolean same(Object a, Object b) {
    return Objects.equals(a, b);
  }
}
