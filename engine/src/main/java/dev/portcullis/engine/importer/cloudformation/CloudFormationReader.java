package dev.portcullis.engine.importer.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.importer.ApiSettings;
import dev.portcullis.engine.importer.ApiSettingsReader;
import dev.portcullis.engine.importer.ImportContext;
import dev.portcullis.engine.importer.ImportedApi;
import dev.portcullis.engine.importer.ImportedAuthorizer;
import dev.portcullis.engine.importer.ImportedRoute;
import dev.portcullis.engine.importer.MockAnswers;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.importer.Policies;
import dev.portcullis.engine.importer.Protection;
import dev.portcullis.engine.importer.openapi.OpenApiReader;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.UsagePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain CloudFormation (and CDK synth output, which is the same): {@code AWS::ApiGateway::*} REST
 * APIs with their resource tree, methods, authorisers, stages and usage plans, and
 * {@code AWS::ApiGatewayV2::*} HTTP APIs with routes, authorisers and stages (import-facts §3). An
 * inline {@code Body} is read as OpenAPI. A method's path is found by walking {@code ParentId}.
 */
public final class CloudFormationReader {
  private final JsonNode resources;
  private final Intrinsics ix;
  private final ImportContext ctx;
  private final Path baseDir;
  private Map<String, List<UsagePlan>> plans;

  public CloudFormationReader(JsonNode template, Intrinsics ix, Path baseDir) {
    this.resources = template.path("Resources");
    this.ix = ix;
    this.ctx = ix.context();
    this.baseDir = baseDir;
  }

  /** Whether a template defines API Gateway resources of its own. */
  public static boolean definesApis(JsonNode template) {
    Iterator<JsonNode> it = template.path("Resources").elements();
    while (it.hasNext()) {
      String type = it.next().path("Type").asText("");
      if (type.equals("AWS::ApiGateway::RestApi") || type.equals("AWS::ApiGatewayV2::Api")) {
        return true;
      }
    }
    return false;
  }

  /** The APIs the plain resources define, by logical id, usage plans attached. */
  public Map<String, ImportedApi> apis() {
    Map<String, ImportedApi> out = new LinkedHashMap<>();
    each("AWS::ApiGateway::RestApi", (id, props) -> out.put(id, restApi(id, props)));
    each("AWS::ApiGatewayV2::Api", (id, props) -> {
      ImportedApi api = httpApi(id, props);
      if (api != null) {
        out.put(id, api);
      }
    });
    Map<String, List<UsagePlan>> plans = usagePlans();
    out.replaceAll((id, api) -> plans.containsKey(id) ? api.withUsagePlans(plans.get(id)) : api);
    return out;
  }

  private interface Visitor {
    void visit(String id, JsonNode props);
  }

  /** Visits each resource of {@code type}; what the visitor reports points at the resource. */
  @SuppressWarnings("try") // ImportContext.at scopes are closed, never read
  private void each(String type, Visitor v) {
    resources.fields().forEachRemaining(e -> {
      if (e.getValue().path("Type").asText("").equals(type)) {
        try (ImportContext.Place at = ctx.at(e.getValue())) {
          v.visit(e.getKey(), e.getValue().path("Properties"));
        }
      }
    });
  }

  private boolean belongs(JsonNode props, String field, String apiId) {
    return apiId.equals(Refs.target(props.get(field)));
  }

  // REST

  private ImportedApi restApi(String id, JsonNode props) {
    String name = orElse(ix.text(props.get("Name"), id + " Name"), id);
    String stage = stageOf(id, "AWS::ApiGateway::Stage", "RestApiId");
    if (props.has("BodyS3Location")) {
      ctx.leftOut(id + " BodyS3Location", "the OpenAPI body lives in S3, which the importer does not read; export the API or point at a local copy");
    }
    JsonNode keySource = props.get("ApiKeySourceType");
    Gateway.ApiKeySource source = keySource == null ? null
        : "AUTHORIZER".equalsIgnoreCase(ix.text(keySource, id)) ? Gateway.ApiKeySource.AUTHORIZER : Gateway.ApiKeySource.HEADER;
    var policy = props.has("Policy") ? Policies.read(props.get("Policy"), ix, id + " Policy", Policies.THIS_API) : null;
    if (props.has("Body")) {
      ImportedApi body = OpenApiReader.read(ix.resolveTree(props.get("Body"), id + " Body"), ix, baseDir, Gateway.Flavor.REST, name);
      return new ImportedApi(name, Gateway.Flavor.REST, body.region(), body.apiId(), stage != null ? stage : body.stage(), body.baseUrl(),
          source != null ? source : body.apiKeySource(), body.routes(), body.authorizers(), List.of(),
          policy != null ? policy : body.resourcePolicy(), restSettings(id, props).over(body.settings()));
    }
    Map<String, String> authorizerNames = new LinkedHashMap<>();
    List<ImportedAuthorizer> authorizers = new ArrayList<>();
    each("AWS::ApiGateway::Authorizer", (aid, a) -> {
      if (belongs(a, "RestApiId", id)) {
        ImportedAuthorizer built = restAuthorizer(aid, a);
        if (built != null) {
          authorizerNames.put(aid, built.name());
          authorizers.add(built.locatedAt(ctx.here()));
          ctx.mapped("authoriser " + built.name(), built.kind() + " from " + aid);
        }
      }
    });
    List<ImportedRoute> routes = new ArrayList<>();
    each("AWS::ApiGateway::Method", (mid, m) -> {
      if (belongs(m, "RestApiId", id)) {
        routes.add(method(id, mid, m, authorizerNames).locatedAt(ctx.here()));
      }
    });
    return new ImportedApi(name, Gateway.Flavor.REST, ctx.region(), null, stage, null, source, routes, authorizers, List.of(), policy,
        restSettings(id, props));
  }

  /** The API's AWS::ApiGateway::GatewayResponse resources, its stage's Variables and its EndpointConfiguration. */
  private ApiSettings restSettings(String id, JsonNode props) {
    ApiSettingsReader read = new ApiSettingsReader(ix);
    Map<String, Gateway.GatewayResponse> responses = new LinkedHashMap<>();
    each("AWS::ApiGateway::GatewayResponse", (rid, r) -> {
      String type = ix.text(r.get("ResponseType"), "gateway response " + rid);
      if (belongs(r, "RestApiId", id) && type != null) {
        responses.put(type.toUpperCase(Locale.ROOT), read.response(r, "gateway response " + rid));
        ctx.mapped("gateway response " + rid, type + " of " + id);
      }
    });
    return new ApiSettings(null, responses, stageVariables(id, "AWS::ApiGateway::Stage", "RestApiId", "Variables", read),
        read.endpoint(props.get("EndpointConfiguration"), id + " EndpointConfiguration"));
  }

  private Map<String, String> stageVariables(String apiId, String stageType, String field, String property, ApiSettingsReader read) {
    Map<String, String> out = new LinkedHashMap<>();
    each(stageType, (sid, st) -> {
      if (out.isEmpty() && belongs(st, field, apiId)) {
        out.putAll(read.stageVariables(st.get(property), "stage " + sid + " " + property));
      }
    });
    return out;
  }

  private ApiSettings httpSettings(String id, JsonNode props) {
    ApiSettingsReader read = new ApiSettingsReader(ix);
    return new ApiSettings(read.httpCors(props.get("CorsConfiguration"), id + " CorsConfiguration"), null,
        stageVariables(id, "AWS::ApiGatewayV2::Stage", "ApiId", "StageVariables", read), null);
  }

  private ImportedAuthorizer restAuthorizer(String id, JsonNode a) {
    String where = "authoriser " + id;
    String name = orElse(ix.text(a.get("Name"), where), id);
    String type = orElse(ix.text(a.get("Type"), where), "TOKEN").toUpperCase(Locale.ROOT);
    List<String> sources = new ArrayList<>();
    String identity = ix.text(a.get("IdentitySource"), where);
    if (identity != null) {
      for (String s : identity.split(",")) {
        if (!s.isBlank()) {
          sources.add(s.strip());
        }
      }
    }
    Integer ttl = a.has("AuthorizerResultTtlInSeconds") ? intOrNull(ix.text(a.get("AuthorizerResultTtlInSeconds"), where)) : null;
    String regex = ix.text(a.get("IdentityValidationExpression"), where);
    regex = regex == null || regex.isBlank() ? null : regex;
    String uri = ix.text(a.get("AuthorizerUri"), where);
    return switch (type) {
      case "TOKEN" -> new ImportedAuthorizer(name, ImportedAuthorizer.Kind.TOKEN, sources.isEmpty() ? List.of("method.request.header.Authorization") : sources,
          regex, ttl, null, null, null, null, false, uri, where);
      case "REQUEST" -> new ImportedAuthorizer(name, ImportedAuthorizer.Kind.REQUEST, sources, null, ttl, null, null, null, null, false, uri, where);
      case "COGNITO_USER_POOLS" -> {
        List<String> pools = ix.texts(a.get("ProviderARNs"), where + " ProviderARNs");
        yield pools.isEmpty() ? null : new ImportedAuthorizer(name, ImportedAuthorizer.Kind.COGNITO, sources, regex, ttl, pools, null, null,
            null, false, null, where);
      }
      default -> {
        ctx.leftOut(where, "Type '" + type + "' is not TOKEN, REQUEST or COGNITO_USER_POOLS; methods using it are imported fail-closed");
        yield null;
      }
    };
  }

  private ImportedRoute method(String apiId, String id, JsonNode m, Map<String, String> authorizers) {
    String where = "method " + id;
    String verb = orElse(ix.text(m.get("HttpMethod"), where), "ANY").toUpperCase(Locale.ROOT);
    String path = path(apiId, m.get("ResourceId"), 0);
    String type = m.has("AuthorizationType") ? ix.text(m.get("AuthorizationType"), where) : "NONE";
    String authorizerRef = Refs.target(m.get("AuthorizerId"));
    List<String> scopes = ix.texts(m.get("AuthorizationScopes"), where);
    boolean apiKey = "true".equalsIgnoreCase(ix.text(m.get("ApiKeyRequired"), where));
    Protection protection = protection(type, authorizerRef, authorizers, scopes, where);
    JsonNode integration = m.path("Integration");
    return new ImportedRoute(verb, path, protection, apiKey, ix.text(integration.get("Type"), where), ix.text(integration.get("Uri"), where), null,
        MockAnswers.of(integration, ix, where + " Integration"));
  }

  private Protection protection(String type, String authorizerRef, Map<String, String> authorizers, List<String> scopes, String where) {
    if (type == null || type.contains("{{")) {
      return new Protection.Unreadable(where + ": AuthorizationType is " + (type == null ? "missing" : type) + ", which the template does not decide");
    }
    return switch (type.toUpperCase(Locale.ROOT)) {
      case "NONE" -> authorizerRef != null && authorizers.containsKey(authorizerRef)
          ? new Protection.Unreadable(where + " says AuthorizationType NONE but names authoriser " + authorizerRef)
          : new Protection.None(where + " AuthorizationType NONE");
      case "AWS_IAM" -> new Protection.Iam(where + " AuthorizationType AWS_IAM");
      case "CUSTOM", "COGNITO_USER_POOLS", "JWT" -> authorizerRef != null && authorizers.containsKey(authorizerRef)
          ? new Protection.ByAuthorizer(authorizers.get(authorizerRef), scopes, where + " AuthorizerId " + authorizerRef)
          : new Protection.Unreadable(where + " AuthorizationType " + type + " names authoriser "
              + (authorizerRef == null ? "(none readable)" : authorizerRef) + ", which is not defined for this API in the template");
      default -> new Protection.Unreadable(where + " AuthorizationType '" + type + "' is not one API Gateway has");
    };
  }

  /** The path of a resource: its PathPart under its parent's path; the API's root is {@code /}. */
  private String path(String apiId, JsonNode resourceRef, int depth) {
    String target = Refs.target(resourceRef);
    if (target == null || depth > 50) {
      return "/";
    }
    if (target.equals(apiId) || "RootResourceId".equals(Refs.attribute(resourceRef))) {
      return "/";
    }
    JsonNode resource = resources.path(target).path("Properties");
    String part = orElse(ix.text(resource.get("PathPart"), "resource " + target), target);
    String parent = path(apiId, resource.get("ParentId"), depth + 1);
    return (parent.endsWith("/") ? parent : parent + "/") + part;
  }

  // HTTP

  private ImportedApi httpApi(String id, JsonNode props) {
    String name = orElse(ix.text(props.get("Name"), id + " Name"), id);
    String protocol = orElse(ix.text(props.get("ProtocolType"), id), props.has("Body") ? "HTTP" : "HTTP");
    if (protocol.equalsIgnoreCase("WEBSOCKET")) {
      ctx.leftOut("API " + name, "a WebSocket API; Portcullis emulates REST and HTTP APIs only");
      return null;
    }
    String stage = stageOf(id, "AWS::ApiGatewayV2::Stage", "ApiId");
    if (props.has("Body")) {
      ImportedApi body = OpenApiReader.read(ix.resolveTree(props.get("Body"), id + " Body"), ix, baseDir, Gateway.Flavor.HTTP, name);
      return new ImportedApi(name, Gateway.Flavor.HTTP, body.region(), body.apiId(), stage, body.baseUrl(), null, body.routes(),
          body.authorizers(), List.of(), null, httpSettings(id, props).over(body.settings()));
    }
    Map<String, String> authorizerNames = new LinkedHashMap<>();
    List<ImportedAuthorizer> authorizers = new ArrayList<>();
    each("AWS::ApiGatewayV2::Authorizer", (aid, a) -> {
      if (belongs(a, "ApiId", id)) {
        ImportedAuthorizer built = httpAuthorizer(aid, a);
        if (built != null) {
          authorizerNames.put(aid, built.name());
          authorizers.add(built.locatedAt(ctx.here()));
          ctx.mapped("authoriser " + built.name(), built.kind() + " from " + aid);
        }
      }
    });
    List<ImportedRoute> routes = new ArrayList<>();
    each("AWS::ApiGatewayV2::Route", (rid, r) -> {
      if (belongs(r, "ApiId", id)) {
        routes.add(route(rid, r, authorizerNames).locatedAt(ctx.here()));
      }
    });
    if (props.has("Target") && routes.isEmpty()) {
      routes.add(new ImportedRoute("$default", "$default", new Protection.None(id + " quick-create Target (no authorisation)"), false,
          "aws_proxy", ix.text(props.get("Target"), id), "2.0").locatedAt(ctx.here()));
    }
    return new ImportedApi(name, Gateway.Flavor.HTTP, ctx.region(), null, stage, null, null, routes, authorizers, List.of(), null,
        httpSettings(id, props));
  }

  private ImportedAuthorizer httpAuthorizer(String id, JsonNode a) {
    String where = "authoriser " + id;
    String name = orElse(ix.text(a.get("Name"), where), id);
    String type = orElse(ix.text(a.get("AuthorizerType"), where), "REQUEST").toUpperCase(Locale.ROOT);
    List<String> sources = ix.texts(a.get("IdentitySource"), where);
    if (type.equals("JWT")) {
      JsonNode jwt = a.path("JwtConfiguration");
      String issuer = ix.text(jwt.get("Issuer"), where + " Issuer");
      if (issuer == null) {
        ctx.leftOut(where, "a JWT authoriser without JwtConfiguration.Issuer; routes using it are imported fail-closed");
        return null;
      }
      return new ImportedAuthorizer(name, ImportedAuthorizer.Kind.JWT, sources, null, null, null, issuer,
          ix.texts(jwt.get("Audience"), where + " Audience"), null, false, null, where);
    }
    Integer ttl = a.has("AuthorizerResultTtlInSeconds") ? intOrNull(ix.text(a.get("AuthorizerResultTtlInSeconds"), where)) : null;
    boolean simple = "true".equalsIgnoreCase(ix.text(a.get("EnableSimpleResponses"), where));
    return new ImportedAuthorizer(name, ImportedAuthorizer.Kind.REQUEST, sources, null, ttl, null, null, null,
        ix.text(a.get("AuthorizerPayloadFormatVersion"), where), simple, ix.text(a.get("AuthorizerUri"), where), where);
  }

  private ImportedRoute route(String id, JsonNode r, Map<String, String> authorizers) {
    String where = "route " + id;
    String key = orElse(ix.text(r.get("RouteKey"), where), "$default");
    String method = "$default";
    String path = "$default";
    if (!key.equals("$default")) {
      int space = key.indexOf(' ');
      method = space < 0 ? "ANY" : key.substring(0, space).toUpperCase(Locale.ROOT);
      path = space < 0 ? key : key.substring(space + 1);
    }
    String type = r.has("AuthorizationType") ? ix.text(r.get("AuthorizationType"), where) : "NONE";
    Protection protection = protection(type, Refs.target(r.get("AuthorizerId")), authorizers, ix.texts(r.get("AuthorizationScopes"), where), where);
    return new ImportedRoute(method, path, protection, false, "target", ix.text(r.get("Target"), where), null);
  }

  // Stages and usage plans

  private String stageOf(String apiId, String stageType, String field) {
    String[] found = {null};
    each(stageType, (sid, s) -> {
      if (found[0] == null && belongs(s, field, apiId)) {
        found[0] = ix.text(s.get("StageName"), "stage " + sid);
      }
    });
    if (found[0] == null) {
      each("AWS::ApiGateway::Deployment", (did, d) -> {
        if (found[0] == null && belongs(d, "RestApiId", apiId) && d.has("StageName")) {
          found[0] = ix.text(d.get("StageName"), "deployment " + did);
        }
      });
    }
    return found[0] == null || found[0].contains("{{") ? null : found[0];
  }

  /** Usage plans by the logical id of each API they name in ApiStages. */
  public Map<String, List<UsagePlan>> usagePlans() {
    if (plans != null) {
      return plans;
    }
    Map<String, List<UsagePlan>> out = new LinkedHashMap<>();
    plans = out;
    each("AWS::ApiGateway::UsagePlan", (pid, p) -> {
      String where = "usage plan " + pid;
      String name = orElse(ix.text(p.get("UsagePlanName"), where), pid);
      if (name.contains("{{")) {
        name = pid;
      }
      for (JsonNode stage : p.path("ApiStages")) {
        String api = Refs.target(stage.get("ApiId"));
        if (api == null) {
          ctx.leftOut(where, "names an API the template does not define (" + stage.path("ApiId") + ")");
          continue;
        }
        UsagePlan plan = new UsagePlan(name, UsagePlans.throttle(p.get("Throttle"), ix, where), UsagePlans.quota(p.get("Quota"), ix, where),
            UsagePlans.methodThrottles(stage, ix, where));
        out.computeIfAbsent(api, k -> new ArrayList<>()).add(plan);
        ctx.mapped(where, "plan '" + name + "' on " + api + (plan.throttle() == null ? "" : ", throttle " + plan.throttle().rateLimit() + " rps burst "
            + plan.throttle().burstLimit()) + (plan.quota() == null ? "" : ", quota " + plan.quota().limit() + "/" + plan.quota().period()));
      }
    });
    each("AWS::ApiGateway::ApiKey", (kid, k) -> ctx.mapped("API key " + kid, "its value stays on AWS (never copied into the workspace);"
        + " a local partner key stands in for it on the local gateway"));
    return out;
  }

  static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  private static Integer intOrNull(String s) {
    try {
      return s == null ? null : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
