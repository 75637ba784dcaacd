package dev.portcullis.engine.advisor;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What if a route had another authoriser, an authoriser another TTL, or a gateway the other
 * flavour? Changes apply to a scratch copy (the model is immutable, so the workspace itself cannot
 * change); the comparison holds today's advice and the scratch copy's side by side.
 */
public final class WhatIf {
  private WhatIf() {}

  /** One change to try. */
  public sealed interface Change {
    String gateway();

    /** A sentence for the comparison's heading. */
    String describe();
  }

  /** The route's authorisation (and authoriser name and scopes) replaced. */
  public record SetAuthorization(String gateway, String routeKey, AuthorizationType authorization, String authorizer,
      List<String> scopes) implements Change {
    public SetAuthorization {
      Objects.requireNonNull(authorization, "authorization");
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    @Override
    public String describe() {
      return gateway + " " + routeKey + ": " + authorization + (authorizer == null ? "" : " with '" + authorizer + "'")
          + (scopes.isEmpty() ? "" : " scopes " + scopes);
    }
  }

  /** An authoriser added to the gateway, or replacing the one of the same name. */
  public record PutAuthorizer(String gateway, Authorizer authorizer) implements Change {
    public PutAuthorizer {
      Objects.requireNonNull(authorizer, "authorizer");
    }

    @Override
    public String describe() {
      return gateway + ": authoriser '" + authorizer.name() + "' set to " + authorizer.getClass().getSimpleName();
    }
  }

  /** A Lambda authoriser's result-cache TTL changed. */
  public record SetTtl(String gateway, String authorizer, int ttlSeconds) implements Change {
    @Override
    public String describe() {
      return gateway + ": authoriser '" + authorizer + "' TTL " + ttlSeconds + " s";
    }
  }

  /** A Lambda authoriser's identity sources (its cache key) replaced. */
  public record SetIdentitySources(String gateway, String authorizer, List<String> identitySources) implements Change {
    public SetIdentitySources {
      identitySources = identitySources == null ? List.of() : List.copyOf(identitySources);
    }

    @Override
    public String describe() {
      return gateway + ": authoriser '" + authorizer + "' identity sources " + identitySources;
    }
  }

  /** The gateway moved to the other flavour, everything else as it is. */
  public record SetFlavor(String gateway, Flavor flavor) implements Change {
    public SetFlavor {
      Objects.requireNonNull(flavor, "flavor");
    }

    @Override
    public String describe() {
      return gateway + ": moved to " + flavor;
    }
  }

  /** Today's advice and the scratch copy's, with what the changes added and resolved. */
  public record Comparison(List<Change> changes, Workspace scratch, Advice today, Advice then, List<Finding> added,
      List<Finding> resolved) {
    public Comparison {
      changes = List.copyOf(changes);
      added = List.copyOf(added);
      resolved = List.copyOf(resolved);
    }

    /** Positive when the changes cost more a month. */
    public double monthlyDeltaUsd() {
      return then.monthlyUsd() - today.monthlyUsd();
    }
  }

  /**
   * The workspace with the changes applied, in order.
   *
   * @throws IllegalArgumentException naming the gateway, route or authoriser a change does not find
   */
  public static Workspace apply(Workspace ws, List<Change> changes) {
    Workspace out = ws;
    for (Change c : changes) {
      out = applyOne(out, c);
    }
    return out;
  }

  public static Comparison compare(Advisor advisor, Workspace ws, CostAssumptions assumptions, List<Change> changes) {
    Workspace scratch = apply(ws, changes);
    Advice today = advisor.advise(ws, assumptions);
    Advice then = advisor.advise(scratch, assumptions);
    Set<String> before = today.findings().stream().map(Finding::fingerprint).collect(Collectors.toSet());
    Set<String> after = then.findings().stream().map(Finding::fingerprint).collect(Collectors.toSet());
    return new Comparison(changes, scratch, today, then,
        then.findings().stream().filter(f -> !before.contains(f.fingerprint())).toList(),
        today.findings().stream().filter(f -> !after.contains(f.fingerprint())).toList());
  }

  private static Workspace applyOne(Workspace ws, Change change) {
    if (ws.gateway(change.gateway()).isEmpty()) {
      throw new IllegalArgumentException("What-if: gateway '" + change.gateway() + "' is not in workspace " + ws.name() + ".");
    }
    return switch (change) {
      case SetAuthorization s -> gateway(ws, s.gateway(), g -> {
        if (g.routes().stream().noneMatch(r -> r.key().equals(s.routeKey()))) {
          throw new IllegalArgumentException("What-if: gateway '" + g.name() + "' has no route '" + s.routeKey() + "'.");
        }
        if (s.authorizer() != null && g.authorizer(s.authorizer()).isEmpty()) {
          throw new IllegalArgumentException("What-if: gateway '" + g.name() + "' has no authoriser '" + s.authorizer()
              + "'; add it in the same what-if first.");
        }
        List<Route> routes = g.routes().stream().map(r -> !r.key().equals(s.routeKey()) ? r
            : new Route(r.method(), r.path(), s.authorization(), s.authorizer(), s.scopes(), r.apiKeyRequired(), r.integration(), r.throttle()))
            .toList();
        return copy(g, g.flavor(), routes, g.authorizers());
      });
      case PutAuthorizer p -> gateway(ws, p.gateway(), g -> {
        List<Authorizer> authorizers = new ArrayList<>(g.authorizers().stream().filter(a -> !a.name().equals(p.authorizer().name())).toList());
        authorizers.add(p.authorizer());
        return copy(g, g.flavor(), g.routes(), authorizers);
      });
      case SetTtl t -> lambda(ws, t.gateway(), t.authorizer(), fn -> new Authorizer.Lambda(fn.name(), fn.eventType(),
          fn.identitySources(), fn.validationRegex(), t.ttlSeconds(), fn.payloadFormat(), fn.simpleResponses(), fn.function()));
      case SetIdentitySources i -> lambda(ws, i.gateway(), i.authorizer(), fn -> new Authorizer.Lambda(fn.name(), fn.eventType(),
          i.identitySources(), fn.validationRegex(), fn.ttlSeconds(), fn.payloadFormat(), fn.simpleResponses(), fn.function()));
      case SetFlavor f -> gateway(ws, f.gateway(), g -> copy(g, f.flavor(), g.routes(), g.authorizers()));
    };
  }

  private static Workspace lambda(Workspace ws, String gateway, String name, UnaryOperator<Authorizer.Lambda> change) {
    return gateway(ws, gateway, g -> {
      if (!(g.authorizer(name).orElse(null) instanceof Authorizer.Lambda fn)) {
        throw new IllegalArgumentException("What-if: gateway '" + g.name() + "' has no Lambda authoriser '" + name + "' (only those cache).");
      }
      Authorizer.Lambda changed = change.apply(fn);
      return copy(g, g.flavor(), g.routes(), g.authorizers().stream().map(a -> a.name().equals(name) ? changed : a).toList());
    });
  }

  private static Workspace gateway(Workspace ws, String name, UnaryOperator<Gateway> change) {
    List<Gateway> gateways = ws.gateways().stream().map(g -> g.name().equals(name) ? change.apply(g) : g).toList();
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), gateways,
        ws.callers(), ws.folders(), ws.requests(), ws.environments(), ws.emulator());
  }

  private static Gateway copy(Gateway g, Flavor flavor, List<Route> routes, List<Authorizer> authorizers) {
    // A stage name carries over; REST's default "prod" and HTTP's "$default" follow the flavour when it was the default.
    String stage = g.flavor() == flavor ? g.stage() : null;
    return new Gateway(g.name(), flavor, g.region(), g.accountId(), g.apiId(), stage, g.baseUrl(), g.localPort(), g.apiKeySource(),
        routes, authorizers, g.usagePlans(), g.resourcePolicy());
  }
}
