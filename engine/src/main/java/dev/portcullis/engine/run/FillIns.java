package dev.portcullis.engine.run;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.rules.RouteMatcher;
import dev.portcullis.engine.store.Variables;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts one request resolves on its way (its gateway's base URL and authorisers, its own path,
 * query, headers and body, its caller's pool, issuer or profile), so a run can name every
 * placeholder it would meet in one sentence, before it logs in or sends anything.
 */
final class FillIns {
  private FillIns() {}

  static List<String> texts(SavedRequest request, Gateway gateway, Caller caller, Variables variables) {
    List<String> texts = new ArrayList<>();
    texts.add(request.path());
    texts.addAll(request.query().values());
    texts.addAll(request.headers().values());
    texts.add(request.body());
    if (gateway != null) {
      texts.add(gateway.baseUrl());
      // only the authoriser of the route the request reaches: an open route meets no pool or issuer
      routeAuthorizer(request, gateway, variables).ifPresent(a -> texts.addAll(authorizer(a)));
    }
    if (caller != null) {
      texts.addAll(caller(caller));
    }
    return texts.stream().filter(t -> t != null && t.contains("{{")).toList();
  }

  private static java.util.Optional<Authorizer> routeAuthorizer(SavedRequest request, Gateway gateway, Variables variables) {
    String path;
    try {
      path = variables.apply(request.path(), "path");
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
    return RouteMatcher.match(gateway, request.method(), RouteMatcher.stagePrefix(gateway) + (path.startsWith("/") ? path : "/" + path))
        .map(m -> m.route().authorizer()).flatMap(gateway::authorizer);
  }

  private static List<String> authorizer(Authorizer a) {
    return switch (a) {
      case Authorizer.Jwt j -> concat(List.of(j.issuer()), j.audiences());
      case Authorizer.Cognito c -> concat(c.issuerOverride() == null ? List.of() : List.of(c.issuerOverride()), c.userPools());
      case Authorizer.Lambda l -> List.of();
    };
  }

  private static List<String> caller(Caller caller) {
    return switch (caller) {
      case Caller.CognitoUser u -> u.endpoint() == null ? List.of(u.userPoolId(), u.clientId()) : List.of(u.userPoolId(), u.clientId(), u.endpoint());
      // the client id too: an unset one would go to the token endpoint as "fill in: …"
      case Caller.OidcClient o -> concat(o.audience() == null ? List.of(o.issuer(), o.clientId()) : List.of(o.issuer(), o.clientId(), o.audience()),
          o.scopes() == null ? List.of() : o.scopes());
      case Caller.Iam i -> credentials(i.credentials());
      case Caller.ApiKey k -> List.copyOf(k.headers().values());
      case Caller.CustomToken t -> List.of();
      case Caller.Anonymous a -> List.of();
    };
  }

  private static List<String> credentials(CredentialSource source) {
    return switch (source) {
      case CredentialSource.Profile p -> List.of(p.profile());
      case CredentialSource.AssumeRole r -> concat(List.of(r.roleArn()), credentials(r.source()));
      case CredentialSource.DefaultChain d -> List.of();
      case CredentialSource.StaticKeys k -> List.of();
    };
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The names those texts refer to, directly or through another variable's value. */
  static List<String> names(List<String> texts, Variables variables) {
    List<String> names = new ArrayList<>();
    List<String> todo = new ArrayList<>();
    texts.forEach(t -> todo.addAll(Variables.referenced(t)));
    while (!todo.isEmpty()) {
      String name = todo.removeFirst();
      if (!names.contains(name)) {
        names.add(name);
        String value = variables.values().get(name);
        if (value != null && !value.startsWith(Variables.FILL_IN)) {
          todo.addAll(Variables.referenced(value));
        }
      }
    }
    return names;
  }
}
