package dev.portcullis.engine.importer;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.UsagePlan;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns imported APIs into a workspace that runs at once on the local gateway: one gateway per API,
 * routes with their authorisation (an unreadable one becomes CUSTOM on a deny-all stand-in, never
 * NONE), authorisers with local stand-ins ({@link LocalStandIns}), callers, one saved request per
 * route, and an {@code aws} environment holding what real AWS needs.
 */
public final class WorkspaceAssembler {
  /** The authoriser every route with unreadable protection is put behind: it refuses every request. */
  public static final String UNREADABLE = "unreadable-protection";

  private final ImportContext ctx;

  public WorkspaceAssembler(ImportContext ctx) {
    this.ctx = ctx;
  }

  public Workspace assemble(String workspaceName, List<ImportedApi> apis) {
    LocalStandIns standIns = new LocalStandIns(ctx);
    List<Gateway> gateways = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Map<String, String> awsVars = new LinkedHashMap<>();
    for (ImportedApi api : apis) {
      String name = unique(slug(api.name()), names);
      Gateway g = gateway(name, api, standIns);
      if (api.baseUrl() != null) {
        awsVars.put("baseUrl." + name, api.baseUrl());
      }
      gateways.add(g);
    }
    String region = gateways.isEmpty() ? "us-east-1" : gateways.get(0).region();
    awsVars.put("idpBaseUrl", "https://cognito-idp." + region + ".amazonaws.com");
    Map<String, String> variables = new LinkedHashMap<>();
    ctx.variables().stream().filter(v -> v.value() != null).forEach(v -> variables.put(v.name(), v.value()));
    List<Environment> environments = List.of(new Environment("local", Map.of()), new Environment("aws", awsVars));
    Workspace ws = standIns.complete(new Workspace(Workspace.CURRENT_SCHEMA_VERSION, workspaceName,
        "Imported from " + ctx.source().getFileName() + " by portcullis import", variables, null, gateways, List.of(), List.of(),
        List.of(), environments, null));
    for (String problem : WorkspaceValidator.problems(ws)) {
      ctx.leftOut("workspace check", problem);
    }
    return ws;
  }

  @SuppressWarnings("try") // ImportContext.at scopes are closed, never read
  private Gateway gateway(String name, ImportedApi api, LocalStandIns standIns) {
    List<Authorizer> authorizers = new ArrayList<>();
    Set<String> known = new HashSet<>();
    for (ImportedAuthorizer a : api.authorizers()) {
      try (ImportContext.Place at = ctx.at(a.at())) {
        Authorizer built = standIns.authorizer(name, api.flavor(), a, routesUsing(api, a.name()));
        if (built != null && known.add(built.name())) {
          authorizers.add(built);
          ctx.places().authorizer(name, built.name(), a.at());
        }
      }
    }
    List<Route> routes = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    boolean needsUnreadable = false;
    for (ImportedRoute r : api.routes()) {
      try (ImportContext.Place at = ctx.at(r.at())) {
        Route route = route(name, api, r, known);
        if (!keys.add(route.key())) {
          ctx.leftOut(name + " " + route.key(), "defined twice in the source; the first one was kept");
          continue;
        }
        needsUnreadable |= UNREADABLE.equals(route.authorizer());
        routes.add(route);
        ctx.places().route(name, route.key(), r.at());
      }
    }
    if (needsUnreadable) {
      authorizers.add(new Authorizer.Lambda(UNREADABLE, Authorizer.LambdaType.REQUEST, List.of(), null, 0,
          api.flavor() == Gateway.Flavor.HTTP ? "2.0" : null, false, new LambdaFunction.Rules(List.of(), LambdaFunction.Rule.Effect.UNAUTHORIZED)));
      ctx.localEmulation(name + ": routes whose protection could not be read are put behind the '" + UNREADABLE
          + "' stand-in, which answers 401 to every request; they are never imported as open.");
    }
    List<UsagePlan> plans = api.flavor() == Gateway.Flavor.HTTP ? List.of() : api.usagePlans();
    if (api.flavor() == Gateway.Flavor.HTTP && !api.usagePlans().isEmpty()) {
      ctx.leftOut(name + " usage plans", "HTTP APIs have no usage plans");
    }
    String region = api.region() != null ? api.region() : ctx.region();
    String baseUrl = api.baseUrl() == null ? null : "{{baseUrl." + name + "}}";
    Gateway g = api.settings().applyTo(new Gateway(name, api.flavor(), region, null, api.apiId(), api.stage(), baseUrl,
        null, api.apiKeySource(), routes, authorizers, plans, api.resourcePolicy()).newBuilder()).build();
    ctx.mapped("gateway " + name, api.flavor() + " API '" + api.name() + "': " + routes.size() + " route(s), "
        + authorizers.size() + " authoriser(s), " + plans.size() + " usage plan(s)" + (api.resourcePolicy() == null ? "" : ", a resource policy"));
    return standIns.register(g);
  }

  private static List<ImportedRoute> routesUsing(ImportedApi api, String authorizer) {
    return api.routes().stream()
        .filter(r -> r.protection() instanceof Protection.ByAuthorizer b && b.authorizer().equals(authorizer)).toList();
  }

  private Route route(String gateway, ImportedApi api, ImportedRoute r, Set<String> authorizers) {
    String subject = gateway + " " + r.key();
    boolean http = api.flavor() == Gateway.Flavor.HTTP;
    boolean apiKey = r.apiKeyRequired();
    if (http && apiKey) {
      ctx.leftOut(subject + " API key", "HTTP APIs have no API keys; the requirement was dropped");
      apiKey = false;
    }
    Route.AuthorizationType type;
    String authorizer = null;
    List<String> scopes = List.of();
    String how;
    switch (r.protection()) {
      case Protection.None n -> {
        type = Route.AuthorizationType.NONE;
        how = "NONE (" + n.evidence() + ")";
      }
      case Protection.Iam i -> {
        type = Route.AuthorizationType.AWS_IAM;
        how = "AWS_IAM (" + i.evidence() + ")";
      }
      case Protection.ByAuthorizer b when authorizers.contains(b.authorizer()) -> {
        authorizer = b.authorizer();
        type = LocalStandIns.typeOf(api, b.authorizer());
        scopes = b.scopes();
        if (!scopes.isEmpty() && type == Route.AuthorizationType.CUSTOM) {
          ctx.leftOut(subject + " scopes", "scopes " + scopes + " on a Lambda authoriser have no effect on API Gateway; dropped");
          scopes = List.of();
        }
        how = type + " by " + authorizer + (scopes.isEmpty() ? "" : ", scopes " + scopes);
      }
      case Protection.ByAuthorizer b -> {
        type = Route.AuthorizationType.CUSTOM;
        authorizer = UNREADABLE;
        String why = "its authoriser '" + b.authorizer() + "' could not be imported";
        ctx.unreadable(gateway, r.key(), why);
        how = "PROTECTED, unreadable: " + why;
      }
      case Protection.Unreadable u -> {
        type = Route.AuthorizationType.CUSTOM;
        authorizer = UNREADABLE;
        ctx.unreadable(gateway, r.key(), u.why());
        how = "PROTECTED, unreadable: " + u.why();
      }
    }
    String payload = r.payloadFormat() != null ? r.payloadFormat() : http ? "2.0" : "1.0";
    if (!payload.equals("1.0") && !payload.equals("2.0")) {
      payload = http ? "2.0" : "1.0";
    }
    String integration = r.integrationType() == null ? "no integration" : "integration " + r.integrationType().toLowerCase(Locale.ROOT)
        + (r.integrationUri() == null ? "" : " " + r.integrationUri());
    String local = r.local() == null ? " (echo on the local gateway)" : " (answered " + r.local().status() + " with its "
        + String.join(", ", r.local().headers().keySet()) + " on the local gateway too)";
    ctx.mapped("route " + subject, how + (apiKey ? ", API key required" : "") + "; " + integration + local);
    Integration answer = r.local() != null ? r.local() : new Integration.Echo(payload);
    return new Route(r.method(), r.path(), type, authorizer, scopes, apiKey, answer, null);
  }

  static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "api" : s.length() > 48 ? s.substring(0, 48).replaceAll("-+$", "") : s;
  }

  static String unique(String base, Set<String> taken) {
    String name = base;
    for (int i = 2; !taken.add(name); i++) {
      name = base + "-" + i;
    }
    return name;
  }
}
