package dev.portcullis.engine.importer.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.importer.ApiSettings;
import dev.portcullis.engine.importer.ImportContext;
import dev.portcullis.engine.importer.ImportDraft;
import dev.portcullis.engine.importer.ImportedApi;
import dev.portcullis.engine.importer.ImportedAuthorizer;
import dev.portcullis.engine.importer.ImportedRoute;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.importer.Policies;
import dev.portcullis.engine.importer.Protection;
import dev.portcullis.engine.importer.SourceDocument;
import dev.portcullis.engine.importer.SourceImporter;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.UsagePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Serverless Framework {@code serverless.yml} (import-facts §4): {@code http} events make the REST
 * API, {@code httpApi} events the HTTP API; authorisers per event (REST) or under
 * {@code provider.httpApi.authorizers} (HTTP); {@code private: true} requires the API key;
 * {@code provider.apiGateway} gives API keys, usage plans, the key source and the resource policy.
 * Framework variables ({@code ${self:...}}, {@code ${env:...}}) become workspace variables.
 */
public final class ServerlessImporter implements SourceImporter {

  @Override
  public String kind(SourceDocument doc) {
    return "Serverless Framework";
  }

  @Override
  public boolean accepts(SourceDocument doc) {
    JsonNode t = doc.tree();
    return t.has("service") && (t.has("functions") || t.has("provider")) && !t.has("Resources") || t.has("service") && t.has("functions");
  }

  @Override
  @SuppressWarnings("try") // ImportContext.at scopes are closed, never read
  public ImportDraft read(SourceDocument doc, ImportContext ctx) {
    JsonNode t = doc.tree();
    Intrinsics ix = Intrinsics.standalone(ctx);
    JsonNode provider = t.path("provider");
    String service = orElse(ix.text(t.get("service") != null && t.get("service").isObject() ? t.get("service").get("name") : t.get("service"), "service"),
        doc.baseName());
    String stage = orElse(ix.text(provider.get("stage"), "provider.stage"), "dev");
    String region = ix.text(provider.get("region"), "provider.region");
    Map<String, ImportedAuthorizer> restAuthorizers = new LinkedHashMap<>();
    Map<String, ImportedAuthorizer> httpAuthorizers = httpAuthorizers(provider.path("httpApi").path("authorizers"), ix, ctx);
    List<ImportedRoute> rest = new ArrayList<>();
    List<ImportedRoute> http = new ArrayList<>();
    String httpPayload = ix.text(provider.path("httpApi").get("payload"), "provider.httpApi.payload");
    ServerlessCors cors = new ServerlessCors(ix);
    t.path("functions").fields().forEachRemaining(f -> {
      int i = 0;
      for (JsonNode event : f.getValue().path("events")) {
        String where = "function " + f.getKey() + " event " + i++;
        try (ImportContext.Place at = ctx.at(event)) {
          if (event.has("http")) {
            ImportedRoute r = restRoute(event.get("http"), where, ix, ctx, restAuthorizers).locatedAt(ctx.here());
            rest.add(r);
            cors.add(event.get("http"), r.method(), r.path(), where);
          } else if (event.has("httpApi")) {
            ImportedRoute r = httpRoute(event.get("httpApi"), where, ix, httpAuthorizers,
                orElse(ix.text(f.getValue().path("httpApi").get("payload"), where), httpPayload));
            if (r != null) {
              http.add(r.locatedAt(ctx.here()));
            }
          }
        }
      }
    });
    ServerlessFunctions functions = new ServerlessFunctions(t, ix, doc.path().toAbsolutePath().getParent());
    restAuthorizers.replaceAll((name, a) -> functions.wire(a));
    httpAuthorizers.replaceAll((name, a) -> functions.wire(a));
    List<ImportedRoute> restRoutes = cors.withPreflights(rest);
    List<ImportedApi> apis = new ArrayList<>();
    JsonNode gw = provider.path("apiGateway");
    if (!restRoutes.isEmpty()) {
      String keySource = ix.text(gw.get("apiKeySourceType"), "provider.apiGateway.apiKeySourceType");
      apis.add(new ImportedApi(service, Gateway.Flavor.REST, region, null, stage, null,
          keySource == null ? null : keySource.equalsIgnoreCase("AUTHORIZER") ? Gateway.ApiKeySource.AUTHORIZER : Gateway.ApiKeySource.HEADER,
          restRoutes, List.copyOf(restAuthorizers.values()), usagePlans(gw.get("usagePlan"), service, ix, ctx), policy(gw.get("resourcePolicy"), ix, service)));
      for (JsonNode key : gw.path("apiKeys")) {
        // a key may carry its value; only its name reaches the report
        ctx.mapped("API key " + (key.isTextual() ? key.asText() : key.path("name").asText("(unnamed)")),
            "its value stays on AWS; a local partner key stands in for it on the local gateway");
      }
    }
    if (!http.isEmpty()) {
      Gateway.Cors httpCors = cors.httpApi(provider.path("httpApi").get("cors"), http, "provider.httpApi.cors");
      apis.add(new ImportedApi(service + "-httpapi", Gateway.Flavor.HTTP, region, null, null, null, null, http,
          List.copyOf(httpAuthorizers.values()), List.of(), null).withSettings(new ApiSettings(httpCors, null, null, null)));
    }
    return ImportDraft.of(apis);
  }

  private static ImportedRoute restRoute(JsonNode e, String where, Intrinsics ix, ImportContext ctx, Map<String, ImportedAuthorizer> authorizers) {
    String method;
    String path;
    if (e.isTextual()) {
      String[] parts = ix.text(e, where).trim().split("\\s+", 2);
      method = parts[0];
      path = parts.length > 1 ? parts[1] : "/";
    } else {
      method = orElse(ix.text(e.get("method"), where), "ANY");
      path = orElse(ix.text(e.get("path"), where), "/");
    }
    method = method.equalsIgnoreCase("any") || method.equals("*") ? "ANY" : method.toUpperCase(Locale.ROOT);
    path = path.startsWith("/") ? path : "/" + path;
    boolean apiKey = e.isObject() && "true".equalsIgnoreCase(ix.text(e.get("private"), where));
    JsonNode auth = e.isObject() ? e.get("authorizer") : null;
    Protection p;
    if (auth == null) {
      p = new Protection.None(where + " has no authorizer");
    } else {
      p = restAuthorizer(auth, where, ix, ctx, authorizers);
    }
    return new ImportedRoute(method, path, p, apiKey, e.isObject() ? orElse(ix.text(e.get("integration"), where), "lambda-proxy") : "lambda-proxy",
        null, null);
  }

  private static Protection restAuthorizer(JsonNode auth, String where, Intrinsics ix, ImportContext ctx, Map<String, ImportedAuthorizer> authorizers) {
    String ref = auth.isTextual() ? ix.text(auth, where) : null;
    String arn = auth.isObject() ? ix.text(auth.get("arn"), where) : ref != null && ref.startsWith("arn:") ? ref : null;
    String type = auth.isObject() ? ix.text(auth.get("type"), where) : null;
    String name = auth.isObject() ? ix.text(auth.get("name"), where) : ref;
    if (name == null && arn != null) {
      name = arn.substring(arn.lastIndexOf(arn.contains("/") ? '/' : ':') + 1);
    }
    if (type != null && type.equalsIgnoreCase("aws_iam")) {
      return new Protection.Iam(where + " authorizer type aws_iam");
    }
    if (name == null) {
      return new Protection.Unreadable(where + " has an authorizer without name or arn");
    }
    List<String> scopes = auth.isObject() ? ix.texts(auth.get("scopes"), where) : List.of();
    boolean cognito = type != null && type.equalsIgnoreCase("COGNITO_USER_POOLS") || arn != null && arn.contains(":cognito-idp:");
    String kind = cognito ? "cognito" : type == null ? "token" : type.toLowerCase(Locale.ROOT);
    String identity = auth.isObject() ? ix.text(auth.get("identitySource"), where) : null;
    List<String> sources = new ArrayList<>();
    for (String s : (identity == null ? "method.request.header.Authorization" : identity).split(",")) {
      if (!s.isBlank()) {
        sources.add(s.strip());
      }
    }
    Integer ttl = auth.isObject() && auth.has("resultTtlInSeconds") ? intOrNull(ix.text(auth.get("resultTtlInSeconds"), where)) : null;
    String regex = auth.isObject() ? ix.text(auth.get("identityValidationExpression"), where) : null;
    ImportedAuthorizer a = switch (kind) {
      case "cognito" -> new ImportedAuthorizer(name, ImportedAuthorizer.Kind.COGNITO, sources, regex, ttl,
          arn == null ? List.of() : List.of(arn), null, null, null, false, null, where);
      case "request" -> new ImportedAuthorizer(name, ImportedAuthorizer.Kind.REQUEST, sources, null, ttl, null, null, null, null, false,
          arn != null ? arn : name, where);
      case "token" -> new ImportedAuthorizer(name, ImportedAuthorizer.Kind.TOKEN, sources, regex, ttl, null, null, null, null, false,
          arn != null ? arn : name, where);
      default -> null;
    };
    if (a == null) {
      return new Protection.Unreadable(where + " authorizer type '" + type + "' is not token, request, COGNITO_USER_POOLS or aws_iam");
    }
    if (a.kind() == ImportedAuthorizer.Kind.COGNITO && a.pools().isEmpty()) {
      return new Protection.Unreadable(where + " names a Cognito authorizer without the pool's arn");
    }
    ImportedAuthorizer known = authorizers.putIfAbsent(name, a.locatedAt(ctx.here()));
    if (known == null) {
      ctx.mapped("authoriser " + name, a.kind() + " from " + where + ", identity " + String.join(", ", a.identitySources()));
    } else if (!known.identitySources().equals(a.identitySources())) {
      ctx.leftOut(where + " authorizer " + name, "defines authoriser " + name + " again with identity " + a.identitySources()
          + "; API Gateway keeps one authoriser per name, so the first (" + known.identitySources() + ") is used");
    }
    return new Protection.ByAuthorizer(name, scopes, where + " authorizer " + name);
  }

  @SuppressWarnings("try") // ImportContext.at scopes are closed, never read
  private static Map<String, ImportedAuthorizer> httpAuthorizers(JsonNode defs, Intrinsics ix, ImportContext ctx) {
    Map<String, ImportedAuthorizer> out = new LinkedHashMap<>();
    defs.fields().forEachRemaining(e -> {
      try (ImportContext.Place at = ctx.at(e.getValue())) {
        String name = e.getKey();
        JsonNode a = e.getValue();
        String where = "provider.httpApi.authorizers." + name;
        String type = orElse(ix.text(a.get("type"), where), "jwt").toLowerCase(Locale.ROOT);
        String identity = ix.text(a.get("identitySource"), where);
        List<String> sources = new ArrayList<>();
        if (a.path("identitySource").isArray()) {
          sources.addAll(ix.texts(a.get("identitySource"), where));
        } else if (identity != null) {
          for (String s : identity.split(",")) {
            sources.add(s.strip());
          }
        }
        ImportedAuthorizer built;
        if (type.equals("jwt")) {
          String issuer = ix.text(a.get("issuerUrl"), where);
          if (issuer == null) {
            ctx.leftOut(where, "a jwt authorizer without issuerUrl; routes using it are imported fail-closed");
            return;
          }
          built = ImportedAuthorizer.jwt(name, issuer, ix.texts(a.get("audience"), where), sources.isEmpty() ? null : sources.get(0), where);
        } else if (type.equals("request")) {
          Integer ttl = a.has("resultTtlInSeconds") ? intOrNull(ix.text(a.get("resultTtlInSeconds"), where)) : null;
          String fn = a.has("functionArn") ? ix.text(a.get("functionArn"), where) : ix.text(a.get("functionName"), where);
          built = new ImportedAuthorizer(name, ImportedAuthorizer.Kind.REQUEST, sources, null, ttl, null, null, null,
              orElse(ix.text(a.get("payloadVersion"), where), "2.0"), "true".equalsIgnoreCase(ix.text(a.get("enableSimpleResponses"), where)), fn, where);
        } else {
          ctx.leftOut(where, "authorizer type '" + type + "' is neither jwt nor request; routes using it are imported fail-closed");
          return;
        }
        out.put(name, built.locatedAt(ctx.here()));
        ctx.mapped("authoriser " + name, built.kind() + " from " + where
            + (built.identitySources().isEmpty() ? "" : ", identity " + String.join(", ", built.identitySources())));
      }
    });
    return out;
  }

  private static ImportedRoute httpRoute(JsonNode e, String where, Intrinsics ix, Map<String, ImportedAuthorizer> authorizers, String payload) {
    String method;
    String path;
    if (e.isTextual()) {
      String s = ix.text(e, where).trim();
      if (s.equals("*")) {
        method = "$default";
        path = "$default";
      } else {
        String[] parts = s.split("\\s+", 2);
        method = parts[0];
        path = parts.length > 1 ? parts[1] : "/";
      }
    } else {
      method = orElse(ix.text(e.get("method"), where), "*");
      path = orElse(ix.text(e.get("path"), where), "*");
      if (method.equals("*") && path.equals("*")) {
        method = "$default";
        path = "$default";
      }
    }
    if (!method.equals("$default")) {
      method = method.equals("*") || method.equalsIgnoreCase("any") ? "ANY" : method.toUpperCase(Locale.ROOT);
    }
    JsonNode auth = e.isObject() ? e.get("authorizer") : null;
    Protection p;
    if (auth == null) {
      p = new Protection.None(where + " has no authorizer");
    } else if ("aws_iam".equalsIgnoreCase(ix.text(auth.get("type"), where))) {
      p = new Protection.Iam(where + " authorizer type aws_iam");
    } else {
      String name = ix.text(auth.get("name"), where);
      List<String> scopes = ix.texts(auth.get("scopes"), where);
      p = name != null && authorizers.containsKey(name) ? new Protection.ByAuthorizer(name, scopes, where + " authorizer " + name)
          : new Protection.Unreadable(where + " names authorizer " + (name == null ? auth : name)
              + ", which provider.httpApi.authorizers does not define");
    }
    return new ImportedRoute(method, path, p, false, "aws_proxy", null, payload);
  }

  private static List<UsagePlan> usagePlans(JsonNode plan, String service, Intrinsics ix, ImportContext ctx) {
    if (plan == null) {
      return List.of();
    }
    List<UsagePlan> out = new ArrayList<>();
    if (plan.isArray()) {
      for (JsonNode named : plan) {
        named.fields().forEachRemaining(e -> out.add(plan(e.getKey(), e.getValue(), ix)));
      }
    } else {
      out.add(plan(service + "-plan", plan, ix));
    }
    out.forEach(p -> ctx.mapped("usage plan " + p.name(), "from provider.apiGateway.usagePlan"));
    return out;
  }

  private static UsagePlan plan(String name, JsonNode p, Intrinsics ix) {
    JsonNode t = p.path("throttle");
    JsonNode q = p.path("quota");
    UsagePlan.Throttle throttle = t.isObject() ? new UsagePlan.Throttle(t.path("rateLimit").asDouble(10000), t.path("burstLimit").asInt(5000)) : null;
    UsagePlan.Quota quota = q.isObject() && q.has("limit") ? new UsagePlan.Quota(q.path("limit").asLong(),
        switch (q.path("period").asText("DAY").toUpperCase(Locale.ROOT)) {
          case "WEEK" -> UsagePlan.Quota.Period.WEEK;
          case "MONTH" -> UsagePlan.Quota.Period.MONTH;
          default -> UsagePlan.Quota.Period.DAY;
        }) : null;
    return new UsagePlan(name, throttle, quota, Map.of());
  }

  private static PolicyDocument policy(JsonNode statements, Intrinsics ix, String service) {
    if (statements == null || !statements.isArray()) {
      return null;
    }
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("Version", "2012-10-17");
    doc.set("Statement", statements);
    return Policies.read(doc, ix, "provider.apiGateway.resourcePolicy", Policies.THIS_API);
  }

  private static Integer intOrNull(String s) {
    try {
      return s == null ? null : Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }
}
