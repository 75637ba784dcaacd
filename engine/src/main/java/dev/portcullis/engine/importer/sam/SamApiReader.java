package dev.portcullis.engine.importer.sam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.importer.ApiSettings;
import dev.portcullis.engine.importer.ApiSettingsReader;
import dev.portcullis.engine.importer.ImportContext;
import dev.portcullis.engine.importer.ImportException;
import dev.portcullis.engine.importer.ImportedApi;
import dev.portcullis.engine.importer.ImportedAuthorizer;
import dev.portcullis.engine.importer.ImportedRoute;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.importer.Protection;
import dev.portcullis.engine.importer.SourceReader;
import dev.portcullis.engine.importer.cloudformation.UsagePlans;
import dev.portcullis.engine.importer.openapi.OpenApiReader;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.UsagePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One SAM API: its {@code Auth} (authorisers, DefaultAuthorizer, ApiKeyRequired, UsagePlan,
 * ResourcePolicy), its DefinitionBody if any, and the routes its function events add. Precedence
 * as SAM applies it (import-facts §2.3): the event's Auth, else the API's DefaultAuthorizer, else
 * open; the event's scopes replace the authoriser's default scopes.
 */
final class SamApiReader {
  private final Intrinsics ix;
  private final ImportContext ctx;
  private final Path dir;

  SamApiReader(Intrinsics ix, Path dir) {
    this.ix = ix;
    this.ctx = ix.context();
    this.dir = dir;
  }

  ImportedApi read(SamImporter.ApiSpec spec) {
    return ctx.at(spec.props(), () -> readHere(spec));
  }

  @SuppressWarnings("try") // ImportContext.at scopes are closed, never read
  private ImportedApi readHere(SamImporter.ApiSpec spec) {
    JsonNode props = spec.props();
    Gateway.Flavor flavor = spec.http() ? Gateway.Flavor.HTTP : Gateway.Flavor.REST;
    String name = orElse(ix.text(props.get("Name"), spec.logicalId() + " Name"), spec.logicalId());
    String where = "API " + spec.logicalId();
    String stage = ix.text(props.get("StageName"), where + " StageName");
    stage = stage == null || stage.contains("{{") ? (spec.http() ? null : "Prod") : stage;
    JsonNode auth = ix.value(props.path("Auth"), where + " Auth");
    auth = auth == null ? props.path("Auth") : auth;
    Map<String, List<String>> defaultScopes = new LinkedHashMap<>();
    List<ImportedAuthorizer> authorizers = new ArrayList<>();
    auth.path("Authorizers").fields().forEachRemaining(e -> {
      try (ImportContext.Place at = ctx.at(e.getValue())) {
        ImportedAuthorizer a = spec.http() ? httpAuthorizer(e.getKey(), e.getValue()) : restAuthorizer(e.getKey(), e.getValue());
        if (a != null) {
          authorizers.add(a.locatedAt(ctx.here()));
          defaultScopes.put(a.name(), ix.texts(e.getValue().get("AuthorizationScopes"), "authoriser " + a.name()));
          ctx.mapped("authoriser " + a.name(), a.kind() + " from " + where + " Auth.Authorizers"
              + (a.identitySources().isEmpty() ? "" : ", identity " + String.join(", ", a.identitySources())));
        }
      }
    });
    String defaultAuthorizer = ix.text(auth.get("DefaultAuthorizer"), where + " DefaultAuthorizer");
    boolean apiKey = "true".equalsIgnoreCase(ix.text(auth.get("ApiKeyRequired"), where));
    leftOut(props, auth, where, spec.http());
    SamCorsPreflight cors = spec.http() ? SamCorsPreflight.NONE : SamCorsPreflight.of(ix, props.get("Cors"), auth, where);

    Map<String, ImportedRoute> routes = new LinkedHashMap<>();
    ImportedApi body = body(props, flavor, name, where);
    PolicyDocument policy = body == null ? null : body.resourcePolicy();
    if (body != null) {
      body.authorizers().forEach(a -> {
        if (authorizers.stream().noneMatch(x -> x.name().equals(a.name()))) {
          authorizers.add(a);
        }
      });
      for (ImportedRoute r : body.routes()) {
        Protection p = r.protection();
        boolean preflight = r.method().equals("OPTIONS");
        // SAM puts the DefaultAuthorizer and ApiKeyRequired on every method of the body that has no security of its own,
        // OPTIONS too unless the Add...ToCorsPreflight flags say false (and then OPTIONS loses even its own API key)
        if (p instanceof Protection.None n && n.evidence().startsWith("no security") && defaultAuthorizer != null
            && (!preflight || cors.defaultAuthorizerOnPreflight())) {
          p = named(defaultAuthorizer, null, authorizers, defaultScopes, "the API's DefaultAuthorizer " + defaultAuthorizer);
        }
        boolean key = apiKey ? !preflight || cors.apiKeyOnPreflight() : r.apiKeyRequired();
        routes.put(r.key(), r.withAccess(p, key));
      }
    }
    for (SamEvent ev : spec.events()) {
      ImportedRoute r;
      try (ImportContext.Place at = ctx.at(ev.node())) {
        r = eventRoute(ev, spec.http(), defaultAuthorizer, apiKey, authorizers, defaultScopes, cors).locatedAt(ctx.here());
      }
      ImportedRoute existing = routes.get(r.key());
      if (existing != null && ev.auth() == null) {
        continue; // the body's own definition of the route stands
      }
      routes.put(r.key(), r);
    }
    cors.addTo(routes, defaultAuthorizer == null ? null : named(defaultAuthorizer, null, authorizers, defaultScopes,
        "the API's DefaultAuthorizer " + defaultAuthorizer + ", which SAM puts on its CORS preflight methods too "
        + "(AddDefaultAuthorizerToCorsPreflight, default true)"), apiKey, where);
    PolicyDocument resourcePolicy = resourcePolicy(spec, auth.get("ResourcePolicy"), routes.values(), stage, policy, where);
    List<UsagePlan> plans = spec.http() ? List.of() : usagePlan(auth.get("UsagePlan"), spec.logicalId(), where);
    String keySourceText = ix.text(props.get("ApiKeySourceType"), where);
    Gateway.ApiKeySource keySource = keySourceText == null ? (body == null ? null : body.apiKeySource())
        : keySourceText.equalsIgnoreCase("AUTHORIZER") ? Gateway.ApiKeySource.AUTHORIZER : Gateway.ApiKeySource.HEADER;
    ApiSettings settings = settings(props, where, spec.http());
    return new ImportedApi(name, flavor, ctx.region(), null, stage, null, spec.http() ? null : keySource, List.copyOf(routes.values()),
        authorizers, plans, resourcePolicy)
        .withSettings(body == null ? settings : settings.over(body.settings()));
  }

  private ImportedRoute eventRoute(SamEvent ev, boolean http, String defaultAuthorizer, boolean apiKeyDefault,
      List<ImportedAuthorizer> authorizers, Map<String, List<String>> defaultScopes, SamCorsPreflight cors) {
    String method = ev.method() == null ? (http ? "$default" : "ANY") : ev.method().toUpperCase(Locale.ROOT);
    String path = ev.path() == null ? (http ? "$default" : "/") : ev.path();
    if (http && ev.method() == null && ev.path() == null) {
      method = "$default";
      path = "$default";
    }
    JsonNode auth = ev.auth();
    String named = auth == null ? null : ix.text(auth.get("Authorizer"), ev.name() + " Auth.Authorizer");
    List<String> scopes = auth == null || !auth.has("AuthorizationScopes") ? null : ix.texts(auth.get("AuthorizationScopes"), ev.name());
    Protection p;
    if (named != null) {
      p = named(named, scopes, authorizers, defaultScopes, ev.name() + " Auth.Authorizer " + named);
    } else if (defaultAuthorizer != null && (!method.equals("OPTIONS") || cors.defaultAuthorizerOnPreflight())) {
      p = named(defaultAuthorizer, scopes, authorizers, defaultScopes, "the API's DefaultAuthorizer " + defaultAuthorizer);
    } else {
      p = new Protection.None("no Auth on " + ev.name() + (defaultAuthorizer == null ? " and no DefaultAuthorizer on its API"
          : "; AddDefaultAuthorizerToCorsPreflight: false keeps the DefaultAuthorizer off OPTIONS"));
    }
    String keyText = auth == null ? null : ix.text(auth.get("ApiKeyRequired"), ev.name());
    boolean apiKey = keyText == null ? apiKeyDefault : keyText.equalsIgnoreCase("true");
    if (method.equals("OPTIONS") && apiKeyDefault && !cors.apiKeyOnPreflight()) {
      apiKey = false; // SAM strips the API key from OPTIONS, the event's own included
    }
    return new ImportedRoute(method, path, p, apiKey, "aws_proxy", "function " + ev.function(), null);
  }

  private static Protection named(String name, List<String> scopes, List<ImportedAuthorizer> authorizers, Map<String, List<String>> defaults,
      String evidence) {
    if (name.equalsIgnoreCase("NONE")) {
      return new Protection.None(evidence);
    }
    if (name.equals("AWS_IAM")) {
      return new Protection.Iam(evidence);
    }
    if (authorizers.stream().anyMatch(a -> a.name().equals(name))) {
      return new Protection.ByAuthorizer(name, scopes != null ? scopes : defaults.getOrDefault(name, List.of()), evidence);
    }
    return new Protection.Unreadable(evidence + " names an authoriser the API's Auth.Authorizers does not define");
  }

  private ImportedAuthorizer restAuthorizer(String name, JsonNode a) {
    String where = "authoriser " + name;
    JsonNode identity = a.path("Identity");
    Integer ttl = identity.has("ReauthorizeEvery") ? intOrNull(ix.text(identity.get("ReauthorizeEvery"), where)) : null;
    String regex = blankToNull(ix.text(identity.get("ValidationExpression"), where));
    if (a.has("AuthorizerPayloadFormatVersion")) {
      ctx.leftOut(where + " AuthorizerPayloadFormatVersion", "an HTTP API setting on a REST API authoriser; SAM ignores it, and so does the import");
    }
    if (a.has("UserPoolArn")) {
      JsonNode pools = ix.value(a.get("UserPoolArn"), where);
      String header = orElse(ix.text(identity.get("Header"), where), "Authorization");
      return new ImportedAuthorizer(name, ImportedAuthorizer.Kind.COGNITO, List.of("method.request.header." + header), regex, ttl,
          ix.texts(pools, where + " UserPoolArn"), null, null, null, false, null, where + " (UserPoolArn)");
    }
    if (!a.has("FunctionArn")) {
      ctx.leftOut(where, "neither UserPoolArn nor FunctionArn; routes using it are imported fail-closed");
      return null;
    }
    String uri = ix.text(a.get("FunctionArn"), where);
    String type = orElse(ix.text(a.get("FunctionPayloadType"), where), "TOKEN").toUpperCase(Locale.ROOT);
    if (type.equals("TOKEN")) {
      String header = orElse(ix.text(identity.get("Header"), where), "Authorization");
      return new ImportedAuthorizer(name, ImportedAuthorizer.Kind.TOKEN, List.of("method.request.header." + header), regex, ttl,
          null, null, null, null, false, uri, where + " (TOKEN)");
    }
    List<String> sources = new ArrayList<>();
    ix.texts(identity.get("Headers"), where).forEach(h -> sources.add("method.request.header." + h));
    ix.texts(identity.get("QueryStrings"), where).forEach(q -> sources.add("method.request.querystring." + q));
    ix.texts(identity.get("StageVariables"), where).forEach(s -> sources.add("stageVariables." + s));
    ix.texts(identity.get("Context"), where).forEach(c -> sources.add("context." + c));
    return new ImportedAuthorizer(name, ImportedAuthorizer.Kind.REQUEST, sources, null, ttl, null, null, null, null, false, uri, where + " (REQUEST)");
  }

  private ImportedAuthorizer httpAuthorizer(String name, JsonNode a) {
    String where = "authoriser " + name;
    JsonNode jwt = a.get("JwtConfiguration");
    if (jwt != null) {
      String issuer = ix.text(jwt.has("issuer") ? jwt.get("issuer") : jwt.get("Issuer"), where + " issuer");
      List<String> audience = ix.texts(jwt.has("audience") ? jwt.get("audience") : jwt.get("Audience"), where + " audience");
      if (issuer == null) {
        ctx.leftOut(where, "a JWT authoriser without an issuer; routes using it are imported fail-closed");
        return null;
      }
      String source = orElse(ix.text(a.get("IdentitySource"), where), "$request.header.Authorization");
      return new ImportedAuthorizer(name, ImportedAuthorizer.Kind.JWT, List.of(source), null, null, null, issuer, audience, null, false, null, where);
    }
    if (!a.has("FunctionArn")) {
      ctx.leftOut(where, "neither JwtConfiguration nor FunctionArn; routes using it are imported fail-closed");
      return null;
    }
    JsonNode identity = a.path("Identity");
    List<String> sources = new ArrayList<>();
    ix.texts(identity.get("Headers"), where).forEach(h -> sources.add("$request.header." + h));
    ix.texts(identity.get("QueryStrings"), where).forEach(q -> sources.add("$request.querystring." + q));
    ix.texts(identity.get("StageVariables"), where).forEach(s -> sources.add("$stageVariables." + s));
    ix.texts(identity.get("Context"), where).forEach(c -> sources.add("$context." + c));
    Integer ttl = identity.has("ReauthorizeEvery") ? intOrNull(ix.text(identity.get("ReauthorizeEvery"), where)) : null;
    String payload = ix.text(a.get("AuthorizerPayloadFormatVersion"), where);
    boolean simple = "true".equalsIgnoreCase(ix.text(a.get("EnableSimpleResponses"), where));
    return new ImportedAuthorizer(name, ImportedAuthorizer.Kind.REQUEST, sources, null, ttl, null, null, null, payload, simple,
        ix.text(a.get("FunctionArn"), where), where);
  }

  private ImportedApi body(JsonNode props, Gateway.Flavor flavor, String name, String where) {
    JsonNode body = props.get("DefinitionBody");
    Path file = null;
    if (body != null && body.has("Fn::Transform")) {
      JsonNode tr = body.get("Fn::Transform");
      String location = ix.text(tr.path("Parameters").get("Location"), where + " AWS::Include");
      if (location == null || location.startsWith("s3://") || location.contains("{{")) {
        ctx.leftOut(where + " DefinitionBody", "an AWS::Include from " + location + ", which is not a local file; the routes come from the events only");
        body = null;
      } else {
        file = dir.resolve(location).normalize();
      }
    } else if (body == null && props.get("DefinitionUri") != null && props.get("DefinitionUri").isTextual()) {
      String uri = props.get("DefinitionUri").asText();
      if (uri.startsWith("s3://")) {
        ctx.leftOut(where + " DefinitionUri", "lives in S3 (" + uri + "), which the importer does not read");
      } else {
        file = dir.resolve(uri).normalize();
      }
    }
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        ctx.leftOut(where + " DefinitionBody", "includes " + file.getFileName() + ", which is missing here; the routes come from the events only");
        return null;
      }
      try {
        dev.portcullis.engine.importer.SourceDocument included = SourceReader.read(file);
        ctx.read(included);
        body = included.tree();
        ctx.mapped(where + " DefinitionBody", "read from " + file.getFileName());
      } catch (ImportException e) {
        ctx.leftOut(where + " DefinitionBody", e.getMessage());
        return null;
      }
    }
    if (body == null) {
      return null;
    }
    return OpenApiReader.read(ix.resolveTree(body, where + " DefinitionBody"), ix, file == null ? dir : file.getParent(), flavor, name);
  }

  /**
   * The events' and the API's {@code Auth.ResourcePolicy} in the order the SAM translator applies them (functions'
   * events first, then the API's shorthands path by path, then its CustomStatements), after the body's own policy.
   */
  private PolicyDocument resourcePolicy(SamImporter.ApiSpec spec, JsonNode apiPolicy, java.util.Collection<ImportedRoute> routes,
      String stage, PolicyDocument bodyPolicy, String where) {
    boolean any = apiPolicy != null || spec.events().stream().anyMatch(ev -> ev.auth() != null && ev.auth().has("ResourcePolicy"));
    if (spec.http()) {
      if (any) {
        ctx.leftOut(where + " Auth.ResourcePolicy", "HTTP APIs have no resource policies; SAM accepts ResourcePolicy on REST APIs only");
      }
      return bodyPolicy;
    }
    SamResourcePolicy written = new SamResourcePolicy(ix);
    String policyStage = stage == null ? "Prod" : stage;
    for (SamEvent ev : spec.events()) {
      JsonNode policy = ev.auth() == null ? null : ix.value(ev.auth().get("ResourcePolicy"), ev.name());
      if (policy != null && policy.isObject()) {
        String path = ev.path() == null ? "/" : ev.path();
        written.add(policy, path, methodsOn(routes, path), policyStage, ev.name());
        written.addCustom(policy, ev.name());
      }
    }
    JsonNode policy = ix.value(apiPolicy, where + " Auth.ResourcePolicy");
    if (policy != null && policy.isObject()) {
      for (String path : routes.stream().map(ImportedRoute::path).distinct().toList()) {
        written.add(policy, path, methodsOn(routes, path), policyStage, where);
      }
      written.addCustom(policy, where);
    }
    return written.build(bodyPolicy, where, dev.portcullis.engine.importer.Policies.THIS_API);
  }

  private static List<String> methodsOn(java.util.Collection<ImportedRoute> routes, String path) {
    return routes.stream().filter(r -> r.path().equals(path)).map(ImportedRoute::method).distinct().toList();
  }

  private List<UsagePlan> usagePlan(JsonNode plan, String logicalId, String where) {
    if (plan == null || !plan.isObject()) {
      return List.of();
    }
    String create = orElse(ix.text(plan.get("CreateUsagePlan"), where), "NONE").toUpperCase(Locale.ROOT);
    if (create.equals("NONE")) {
      return List.of();
    }
    String name = create.equals("SHARED") ? "ServerlessUsagePlan" : logicalId + "UsagePlan";
    UsagePlan p = new UsagePlan(name, UsagePlans.throttle(plan.get("Throttle"), ix, where), UsagePlans.quota(plan.get("Quota"), ix, where), Map.of());
    ctx.mapped(where + " Auth.UsagePlan", create + " plan '" + name + "'");
    return List.of(p);
  }

  /** Cors, GatewayResponses, Variables (HttpApi: StageVariables) and EndpointConfiguration (SAM spec, AWS::Serverless::Api). */
  private ApiSettings settings(JsonNode props, String where, boolean http) {
    ApiSettingsReader read = new ApiSettingsReader(ix);
    if (http) {
      JsonNode cors = props.get("CorsConfiguration");
      Gateway.Cors c = cors != null && cors.isBoolean() ? null : read.httpCors(cors, where + " CorsConfiguration");
      if (cors != null && cors.isBoolean()) {
        ctx.leftOut(where + " CorsConfiguration", "true takes the CORS settings from the OpenAPI body's x-amazon-apigateway-cors");
      }
      return new ApiSettings(c, null, read.stageVariables(props.get("StageVariables"), where + " StageVariables"), null);
    }
    return new ApiSettings(read.samRestCors(props.get("Cors"), where + " Cors"),
        read.gatewayResponses(props.get("GatewayResponses"), where + " GatewayResponses", true),
        read.stageVariables(props.get("Variables"), where + " Variables"),
        read.endpoint(props.get("EndpointConfiguration"), where + " EndpointConfiguration"));
  }

  private void leftOut(JsonNode props, JsonNode auth, String where, boolean http) {
    if (auth.has("InvokeRole")) {
      ctx.leftOut(where + " Auth.InvokeRole", "the role API Gateway invokes functions with does not affect who may call");
    }
    if (http && auth.has("EnableIamAuthorizer")) {
      ctx.mapped(where + " Auth.EnableIamAuthorizer", "AWS_IAM may be named by routes");
    }
  }

  private static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Integer intOrNull(String s) {
    try {
      return s == null ? null : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
