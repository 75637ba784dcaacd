package dev.portcullis.engine.store;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checks a workspace must pass beyond its JSON shape: names that refer to something must find
 * it, and each route must use a mechanism its API flavour has. Each problem is one sentence that
 * names its place.
 */
public final class WorkspaceValidator {
  private WorkspaceValidator() {}

  public static List<String> problems(Workspace ws) {
    List<String> problems = new ArrayList<>();
    unique(problems, "gateway", ws.gateways(), Gateway::name);
    unique(problems, "caller", ws.callers(), c -> c.name());
    unique(problems, "request", ws.requests(), SavedRequest::name);
    unique(problems, "environment", ws.environments(), e -> e.name());
    for (Gateway g : ws.gateways()) {
      unique(problems, "authoriser of gateway '" + g.name() + "'", g.authorizers(), Authorizer::name);
      unique(problems, "route of gateway '" + g.name() + "'", g.routes(), Route::key);
      for (Route r : g.routes()) {
        checkRoute(problems, g, r);
      }
      if (g.flavor() == Flavor.HTTP && !g.usagePlans().isEmpty()) {
        problems.add("gateway '" + g.name() + "': usage plans exist only on REST APIs, not on HTTP APIs.");
      }
    }
    if (ws.defaultCaller() != null && ws.caller(ws.defaultCaller()).isEmpty()) {
      problems.add("defaultCaller '" + ws.defaultCaller() + "' is not a caller (callers: " + names(ws.callers(), c -> c.name()) + ").");
    }
    ws.environments().forEach(e -> e.callers().forEach(c -> {
      if (ws.caller(c.name()).isEmpty()) {
        problems.add("environment '" + e.name() + "': caller '" + c.name() + "' stands in for no caller of the workspace (callers: "
            + names(ws.callers(), x -> x.name()) + ").");
      }
    }));
    ws.folders().forEach(f -> {
      if (f.caller() != null && ws.caller(f.caller()).isEmpty()) {
        problems.add("folder '" + f.name() + "': caller '" + f.caller() + "' is not defined.");
      }
    });
    ws.requests().forEach(r -> checkRequest(problems, ws, r));
    checkApiKeys(problems, ws);
    return problems;
  }

  private static void checkRoute(List<String> problems, Gateway g, Route r) {
    String where = "gateway '" + g.name() + "', route '" + r.key() + "'";
    AuthorizationType type = r.authorization();
    boolean needsAuthorizer = type == AuthorizationType.COGNITO_USER_POOLS || type == AuthorizationType.JWT || type == AuthorizationType.CUSTOM;
    if (!needsAuthorizer) {
      if (r.authorizer() != null) {
        problems.add(where + ": authorization " + type + " takes no authoriser, but it names '" + r.authorizer() + "'.");
      }
    } else if (r.authorizer() == null) {
      problems.add(where + ": authorization " + type + " needs an authoriser name.");
    } else {
      var found = g.authorizer(r.authorizer());
      if (found.isEmpty()) {
        problems.add(where + ": authoriser '" + r.authorizer() + "' is not defined (defined: " + names(g.authorizers(), Authorizer::name) + ").");
      } else if (!fits(type, found.get())) {
        problems.add(where + ": authorization " + type + " cannot use authoriser '" + r.authorizer() + "', which is of another kind.");
      }
    }
    if (g.flavor() == Flavor.HTTP && type == AuthorizationType.COGNITO_USER_POOLS) {
      problems.add(where + ": HTTP APIs have no COGNITO_USER_POOLS authoriser; use a JWT authoriser on the pool's issuer.");
    }
    if (g.flavor() == Flavor.REST && type == AuthorizationType.JWT) {
      problems.add(where + ": REST APIs have no JWT authoriser; use COGNITO_USER_POOLS or a Lambda authoriser.");
    }
    if (g.flavor() == Flavor.HTTP && r.apiKeyRequired()) {
      problems.add(where + ": HTTP APIs do not support API keys (apiKeyRequired).");
    }
    if (!r.scopes().isEmpty() && type != AuthorizationType.COGNITO_USER_POOLS && type != AuthorizationType.JWT) {
      problems.add(where + ": authorization scopes apply only to COGNITO_USER_POOLS and JWT routes.");
    }
  }

  private static boolean fits(AuthorizationType type, Authorizer a) {
    return switch (a) {
      case Authorizer.Cognito c -> type == AuthorizationType.COGNITO_USER_POOLS;
      case Authorizer.Jwt j -> type == AuthorizationType.JWT;
      case Authorizer.Lambda l -> type == AuthorizationType.CUSTOM;
    };
  }

  private static void checkRequest(List<String> problems, Workspace ws, SavedRequest r) {
    String where = "request '" + r.name() + "'";
    if (ws.gateway(r.gateway()).isEmpty()) {
      problems.add(where + ": gateway '" + r.gateway() + "' is not defined (gateways: " + names(ws.gateways(), Gateway::name) + ").");
    }
    if (r.caller() != null && ws.caller(r.caller()).isEmpty()) {
      problems.add(where + ": caller '" + r.caller() + "' is not defined (callers: " + names(ws.callers(), c -> c.name()) + ").");
    }
    if (r.folder() != null && ws.folder(r.folder()).isEmpty()) {
      problems.add(where + ": folder '" + r.folder() + "' is not defined.");
    }
    for (String dependency : r.dependsOn()) {
      if (ws.request(dependency).isEmpty()) {
        problems.add(where + ": dependsOn '" + dependency + "' is not a saved request.");
      }
    }
  }

  private static void checkApiKeys(List<String> problems, Workspace ws) {
    for (var key : ws.emulator().apiKeys()) {
      for (String plan : key.usagePlans()) {
        int slash = plan.indexOf('/');
        boolean ok = slash > 0 && ws.gateway(plan.substring(0, slash)).flatMap(g -> g.usagePlan(plan.substring(slash + 1))).isPresent();
        if (!ok) {
          problems.add("emulator API key '" + key.id() + "': usage plan '" + plan + "' is not defined (write it as gateway/plan).");
        }
      }
    }
  }

  private static <T> void unique(List<String> problems, String what, List<T> items, Function<T, String> name) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      if (!seen.add(name.apply(item))) {
        problems.add("the " + what + " name '" + name.apply(item) + "' is used twice.");
      }
    }
  }

  private static <T> String names(List<T> items, Function<T, String> name) {
    return items.isEmpty() ? "none" : items.stream().map(name).collect(Collectors.joining(", "));
  }
}
