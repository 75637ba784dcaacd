package dev.portcullis.engine.importer.openapi;

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
import dev.portcullis.engine.model.Gateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an OpenAPI 3 or Swagger 2 document with API Gateway's extensions (import-facts §1.2) into
 * one API: security schemes with {@code x-amazon-apigateway-authorizer} become authorisers (the
 * scheme key is the authoriser's name, as AWS names it), operation {@code security} replaces the
 * root's, every scheme of every requirement object applies (API Gateway's AND reading, so an
 * authoriser plus {@code api_key} is both), the literal {@code NONE} and {@code []} mean open, and
 * anything else unreadable is imported fail-closed.
 */
public final class OpenApiReader {
  private static final List<String> VERBS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Map<String, String> LEFT_OUT_EXTENSIONS = Map.of(
      "x-amazon-apigateway-request-validators", "request validation is not emulated",
      "x-amazon-apigateway-binary-media-types", "binary media types do not affect auth",
      "x-amazon-apigateway-documentation", "documentation parts do not affect auth",
      "x-amazon-apigateway-minimum-compression-size", "compression does not affect auth");
  private static final Pattern EXECUTE_API = Pattern.compile("https://([a-z0-9]+)\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(/[^/]*)?");

  private final JsonNode root;
  private final Intrinsics ix;
  private final ImportContext ctx;
  private final Path baseDir;
  private final Gateway.Flavor flavor;
  private final String name;
  private final Map<String, JsonNode> schemes = new LinkedHashMap<>();

  private OpenApiReader(JsonNode root, Intrinsics ix, Path baseDir, Gateway.Flavor flavorHint, String fallbackName) {
    this.root = root;
    this.ix = ix;
    this.ctx = ix.context();
    this.baseDir = baseDir;
    root.path("securityDefinitions").fields().forEachRemaining(e -> schemes.put(e.getKey(), e.getValue()));
    root.path("components").path("securitySchemes").fields().forEachRemaining(e -> schemes.put(e.getKey(), e.getValue()));
    this.flavor = flavorHint != null ? flavorHint : detectFlavor();
    String title = ix.text(root.path("info").get("title"), "info.title");
    this.name = title == null || title.isBlank() ? fallbackName : title;
  }

  /** Whether a tree looks like an OpenAPI or Swagger document. */
  public static boolean isOpenApi(JsonNode tree) {
    return tree.has("openapi") || tree.has("swagger") || (tree.has("paths") && tree.has("info"));
  }

  /**
   * @param baseDir where relative {@code $ref}s point from
   * @param flavorHint REST or HTTP when the surrounding source says (a SAM HttpApi), else null to detect
   */
  public static ImportedApi read(JsonNode root, Intrinsics ix, Path baseDir, Gateway.Flavor flavorHint, String fallbackName) {
    return new OpenApiReader(root, ix, baseDir, flavorHint, fallbackName).read();
  }

  private ImportedApi read() {
    String where = "API '" + name + "'";
    leftOutExtensions(where);
    externalRefs(root, "");
    List<ImportedAuthorizer> authorizers = authorizers();
    List<ImportedRoute> routes = routes();
    String baseUrl = baseUrl();
    String region = null;
    String apiId = null;
    String stage = null;
    if (baseUrl != null) {
      Matcher m = EXECUTE_API.matcher(baseUrl);
      if (m.find()) {
        apiId = m.group(1);
        region = m.group(2);
        stage = m.group(3) == null || m.group(3).length() < 2 ? null : m.group(3).substring(1);
      }
    }
    Gateway.ApiKeySource keySource = null;
    String source = ix.text(root.get("x-amazon-apigateway-api-key-source"), where + " x-amazon-apigateway-api-key-source");
    if (source != null) {
      if (flavor == Gateway.Flavor.HTTP) {
        ctx.leftOut(where + " x-amazon-apigateway-api-key-source", "HTTP APIs have no API keys");
      } else if (source.equalsIgnoreCase("AUTHORIZER")) {
        keySource = Gateway.ApiKeySource.AUTHORIZER;
      } else if (source.equalsIgnoreCase("HEADER")) {
        keySource = Gateway.ApiKeySource.HEADER;
      } else {
        ctx.leftOut(where + " x-amazon-apigateway-api-key-source", "'" + source + "' is neither HEADER nor AUTHORIZER; HEADER is used");
      }
      ctx.mapped(where + " API key source", String.valueOf(keySource == null ? "HEADER" : keySource));
    }
    var policy = root.has("x-amazon-apigateway-policy")
        ? Policies.read(root.get("x-amazon-apigateway-policy"), ix, where + " x-amazon-apigateway-policy",
            apiId == null ? Policies.THIS_API : "arn:aws:execute-api:" + (region == null ? "us-east-1" : region) + ":123456789012:" + apiId)
        : null;
    if (policy != null) {
      ctx.mapped(where + " resource policy", policy.statements().size() + " statement(s) from x-amazon-apigateway-policy");
    }
    return new ImportedApi(name, flavor, region, apiId, stage, baseUrl, keySource, routes, authorizers, List.of(), policy)
        .withSettings(settings(where));
  }

  /** CORS is an HTTP API setting, gateway responses and PRIVATE endpoints REST ones (spec §1.1, §8). */
  private ApiSettings settings(String where) {
    ApiSettingsReader read = new ApiSettingsReader(ix);
    boolean rest = flavor == Gateway.Flavor.REST;
    String cors = "x-amazon-apigateway-cors";
    String responses = "x-amazon-apigateway-gateway-responses";
    String endpoint = "x-amazon-apigateway-endpoint-configuration";
    if (rest && root.has(cors)) {
      ctx.leftOut(where + " " + cors, "an HTTP API extension on a REST API; REST CORS is an OPTIONS method per path");
    }
    if (!rest && root.has(responses)) {
      ctx.leftOut(where + " " + responses, "HTTP APIs have no gateway responses (spec §1.1)");
    }
    if (!rest && root.has(endpoint)) {
      ctx.leftOut(where + " " + endpoint, "HTTP APIs cannot be private; only disableExecuteApiEndpoint applies, which does not affect auth");
    }
    return new ApiSettings(rest ? null : read.httpCors(root.get(cors), where + " " + cors),
        rest ? read.gatewayResponses(root.get(responses), where + " " + responses, false) : null, null,
        rest ? read.endpoint(root.get(endpoint), where + " " + endpoint) : null);
  }

  private Gateway.Flavor detectFlavor() {
    if (root.has("x-amazon-apigateway-importexport-version") || root.has("x-amazon-apigateway-cors")) {
      return Gateway.Flavor.HTTP;
    }
    for (JsonNode s : schemes.values()) {
      JsonNode a = s.path("x-amazon-apigateway-authorizer");
      if (a.path("type").asText().equalsIgnoreCase("jwt") || a.has("authorizerPayloadFormatVersion") || a.has("enableSimpleResponses")) {
        return Gateway.Flavor.HTTP;
      }
    }
    return Gateway.Flavor.REST;
  }

  private void leftOutExtensions(String where) {
    LEFT_OUT_EXTENSIONS.forEach((ext, why) -> {
      if (root.has(ext)) {
        try (ImportContext.Place at = ctx.at(root.get(ext))) {
          ctx.leftOut(where + " " + ext, why);
        }
      }
    });
  }

  private String baseUrl() {
    JsonNode servers = root.path("servers");
    if (servers.isArray() && !servers.isEmpty()) {
      JsonNode server = servers.get(0);
      String url = ix.text(server.get("url"), "servers[0].url");
      if (url == null) {
        return null;
      }
      Iterator<Map.Entry<String, JsonNode>> vars = server.path("variables").fields();
      while (vars.hasNext()) {
        Map.Entry<String, JsonNode> v = vars.next();
        String def = ix.text(v.getValue().get("default"), "servers[0].variables." + v.getKey());
        url = url.replace("{" + v.getKey() + "}", def == null ? "" : def);
      }
      return url.replaceAll("/+$", "");
    }
    String host = ix.text(root.get("host"), "host");
    if (host == null) {
      return null;
    }
    String basePath = ix.text(root.get("basePath"), "basePath");
    return "https://" + host + (basePath == null || basePath.equals("/") ? "" : basePath);
  }

  // Authorisers

  private List<ImportedAuthorizer> authorizers() {
    List<ImportedAuthorizer> out = new ArrayList<>();
    schemes.forEach((key, raw) -> {
      JsonNode scheme = follow(raw);
      JsonNode ext = scheme.get("x-amazon-apigateway-authorizer");
      if (ext == null) {
        return;
      }
      try (ImportContext.Place at = ctx.at(raw)) {
        ImportedAuthorizer a = authorizer(key, scheme, ext);
        if (a != null) {
          out.add(a.locatedAt(ctx.here()));
          ctx.mapped("authoriser " + key, describe(a));
        }
      }
    });
    return out;
  }

  private ImportedAuthorizer authorizer(String key, JsonNode scheme, JsonNode ext) {
    String where = "security scheme " + key;
    String type = String.valueOf(ix.text(ext.get("type"), where)).toLowerCase(Locale.ROOT);
    String explicit = blankToNull(ix.text(ext.get("identitySource"), where));
    List<String> sources = new ArrayList<>();
    if (explicit != null) {
      for (String s : explicit.split(",")) {
        if (!s.isBlank()) {
          sources.add(s.strip());
        }
      }
    } else if (ext.get("identitySource") != null && ext.get("identitySource").isArray()) {
      sources.addAll(ix.texts(ext.get("identitySource"), where));
    } else {
      String derived = fromSchemeName(scheme);
      if (derived != null) {
        sources.add(derived);
      }
    }
    Integer ttl = ext.has("authorizerResultTtlInSeconds") ? intValue(ext.get("authorizerResultTtlInSeconds"), where) : null;
    String regex = blankToNull(ix.text(ext.get("identityValidationExpression"), where));
    String uri = ix.text(ext.get("authorizerUri"), where);
    String payload = ix.text(ext.get("authorizerPayloadFormatVersion"), where);
    boolean simple = ext.path("enableSimpleResponses").asBoolean(false) || "true".equalsIgnoreCase(ext.path("enableSimpleResponses").asText());
    String origin = where + " (x-amazon-apigateway-authorizer type " + type + ")";
    return switch (type) {
      case "token" -> new ImportedAuthorizer(key, ImportedAuthorizer.Kind.TOKEN, sources, regex, ttl, null, null, null, null, false, uri, origin);
      case "request" -> new ImportedAuthorizer(key, ImportedAuthorizer.Kind.REQUEST, sources, null, ttl, null, null, null,
          payload, simple, uri, origin);
      case "cognito_user_pools" -> {
        List<String> pools = ix.texts(ext.get("providerARNs"), where + " providerARNs");
        if (pools.isEmpty()) {
          ctx.leftOut("authoriser " + key, "a cognito_user_pools authoriser without providerARNs; routes using it are imported fail-closed");
          yield null;
        }
        yield new ImportedAuthorizer(key, ImportedAuthorizer.Kind.COGNITO, sources, regex, ttl, pools, null, null, null, false, null, origin);
      }
      case "jwt" -> {
        JsonNode jwt = ext.path("jwtConfiguration");
        String issuer = ix.text(jwt.get("issuer"), where + " jwtConfiguration.issuer");
        if (issuer == null) {
          ctx.leftOut("authoriser " + key, "a jwt authoriser without jwtConfiguration.issuer; routes using it are imported fail-closed");
          yield null;
        }
        yield new ImportedAuthorizer(key, ImportedAuthorizer.Kind.JWT, sources, null, null, null, issuer,
            ix.texts(jwt.get("audience"), where + " jwtConfiguration.audience"), null, false, null, origin);
      }
      default -> {
        ctx.leftOut("authoriser " + key, "x-amazon-apigateway-authorizer type '" + type + "' is not one API Gateway has; routes using it are imported fail-closed");
        yield null;
      }
    };
  }

  private String fromSchemeName(JsonNode scheme) {
    String header = ix.text(scheme.get("name"), "security scheme name");
    String in = scheme.path("in").asText("header");
    if (header == null || header.isBlank() || header.equals("Unused")) {
      // "Unused" is the documented marker of a scheme whose identity sources are all in the extension (or none)
      return null;
    }
    boolean http = flavor == Gateway.Flavor.HTTP;
    return switch (in) {
      case "query" -> (http ? "$request.querystring." : "method.request.querystring.") + header;
      default -> (http ? "$request.header." : "method.request.header.") + header;
    };
  }

  static String describe(ImportedAuthorizer a) {
    StringBuilder b = new StringBuilder(a.kind().name());
    if (!a.identitySources().isEmpty()) {
      b.append(", identity ").append(String.join(", ", a.identitySources()));
    }
    if (a.ttlSeconds() != null) {
      b.append(", TTL ").append(a.ttlSeconds()).append(" s");
    }
    if (a.validationRegex() != null) {
      b.append(", validation ").append(a.validationRegex());
    }
    if (!a.pools().isEmpty()) {
      b.append(", pools ").append(String.join(", ", a.pools()));
    }
    if (a.issuer() != null) {
      b.append(", issuer ").append(a.issuer()).append(", audience ").append(a.audiences());
    }
    if (a.payloadFormat() != null) {
      b.append(", payload ").append(a.payloadFormat());
    }
    if (a.simpleResponses()) {
      b.append(", simple responses");
    }
    if (a.functionUri() != null) {
      b.append(", function ").append(a.functionUri());
    }
    return b.toString();
  }

  // Routes

  private List<ImportedRoute> routes() {
    List<ImportedRoute> out = new ArrayList<>();
    JsonNode rootSecurity = root.get("security");
    Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> p = paths.next();
      String path = p.getKey();
      JsonNode item = p.getValue();
      if (item.has("$ref")) {
        try (ImportContext.Place at = ctx.at(item)) {
          ctx.leftOut("path " + path, "is a $ref to " + item.get("$ref").asText() + ", which the importer does not follow; its methods were not imported");
        }
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> ops = item.fields();
      while (ops.hasNext()) {
        Map.Entry<String, JsonNode> op = ops.next();
        String verb = op.getKey().toLowerCase(Locale.ROOT);
        String method;
        if (VERBS.contains(verb)) {
          method = verb.toUpperCase(Locale.ROOT);
        } else if (verb.equals("x-amazon-apigateway-any-method")) {
          method = "ANY";
        } else {
          continue;
        }
        JsonNode operation = op.getValue();
        boolean defaultRoute = path.equals("/$default") || operation.path("isDefaultRoute").asBoolean(false);
        String routeMethod = defaultRoute && flavor == Gateway.Flavor.HTTP ? "$default" : method;
        String routePath = defaultRoute && flavor == Gateway.Flavor.HTTP ? "$default" : path;
        try (ImportContext.Place at = ctx.at(operation)) {
          out.add(route(routeMethod, routePath, operation, rootSecurity).locatedAt(ctx.here()));
        }
      }
    }
    return out;
  }

  private ImportedRoute route(String method, String path, JsonNode op, JsonNode rootSecurity) {
    String key = method.equals("$default") ? "$default" : method + " " + path;
    JsonNode security = op.has("security") ? op.get("security") : rootSecurity;
    String from = op.has("security") ? "the operation's security" : "the root security";
    Reading reading;
    if (security == null || security.isNull()) {
      JsonNode legacy = op.get("x-amazon-apigateway-auth");
      reading = legacy != null ? legacy(legacy) : new Reading(new Protection.None("no security on the operation or the root"), false, null);
    } else {
      reading = requirements(security, from);
    }
    JsonNode integration = follow(op.path("x-amazon-apigateway-integration"));
    String type = ix.text(integration.get("type"), key + " integration");
    String uri = ix.text(integration.has("uri") ? integration.get("uri") : integration.get("integrationSubtype"), key + " integration");
    String payload = ix.text(integration.get("payloadFormatVersion"), key + " integration");
    if (reading.note() != null) {
      ctx.leftOut(key, reading.note());
    }
    return new ImportedRoute(method, path, reading.protection(), reading.apiKey(), type, uri, payload,
        MockAnswers.of(integration, ix, key + " integration"));
  }

  record Reading(Protection protection, boolean apiKey, String note) {}

  private Reading legacy(JsonNode legacy) {
    String type = ix.text(legacy.get("type"), "x-amazon-apigateway-auth");
    if (type == null) {
      return new Reading(new Protection.Unreadable("x-amazon-apigateway-auth has no type"), false, null);
    }
    return switch (type.toUpperCase(Locale.ROOT)) {
      case "AWS_IAM" -> new Reading(new Protection.Iam("x-amazon-apigateway-auth type AWS_IAM (legacy)"), false, null);
      case "NONE" -> new Reading(new Protection.None("x-amazon-apigateway-auth type NONE (legacy)"), false, null);
      default -> new Reading(new Protection.Unreadable("x-amazon-apigateway-auth type '" + type + "' is not AWS_IAM or NONE"), false, null);
    };
  }

  /** API Gateway's reading of a security list: every scheme named in any requirement object applies. */
  private Reading requirements(JsonNode security, String from) {
    if (!security.isArray()) {
      return new Reading(new Protection.Unreadable(from + " is not a list of requirements"), false, null);
    }
    if (security.isEmpty()) {
      return new Reading(new Protection.None(from + " is [] (explicitly none)"), false, null);
    }
    List<Protection> found = new ArrayList<>();
    boolean apiKey = false;
    boolean sawNone = false;
    Set<String> unreadable = new LinkedHashSet<>();
    String note = null;
    for (JsonNode requirement : security) {
      Iterator<Map.Entry<String, JsonNode>> it = requirement.fields();
      if (!it.hasNext()) {
        sawNone = true;
      }
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String scheme = e.getKey();
        List<String> scopes = ix.texts(e.getValue(), "scopes of " + scheme);
        JsonNode def = schemes.get(scheme);
        if (def == null) {
          if (scheme.equals("NONE")) {
            sawNone = true;
          } else {
            unreadable.add("names security scheme '" + scheme + "', which the document does not define (AWS would likely leave the method open)");
          }
          continue;
        }
        JsonNode s = follow(def);
        String authtype = s.path("x-amazon-apigateway-authtype").asText("");
        if (s.has("x-amazon-apigateway-authorizer")) {
          found.add(new Protection.ByAuthorizer(scheme, scopes, from + " names authoriser " + scheme));
        } else if (authtype.toLowerCase(Locale.ROOT).startsWith("aws")) {
          found.add(new Protection.Iam(from + " names " + scheme + " (x-amazon-apigateway-authtype " + authtype + ")"));
        } else if (s.path("type").asText().equals("apiKey") && authtype.isEmpty()) {
          if (flavor == Gateway.Flavor.HTTP) {
            note = "requires API key scheme " + scheme + ", but HTTP APIs have no API keys; not imported";
          } else {
            apiKey = true;
          }
        } else {
          unreadable.add("names security scheme '" + scheme + "' of type " + s.path("type").asText("?")
              + (authtype.isEmpty() ? "" : " (authtype " + authtype + ")")
              + " without x-amazon-apigateway-authorizer, which API Gateway cannot enforce as written");
        }
      }
    }
    if (!unreadable.isEmpty()) {
      return new Reading(new Protection.Unreadable(String.join("; ", unreadable)), apiKey, note);
    }
    if (found.size() > 1) {
      return new Reading(new Protection.Unreadable(from + " names " + found.size() + " authorisers (" + found.stream()
          .map(p -> p instanceof Protection.ByAuthorizer b ? b.authorizer() : "AWS_IAM").toList()
          + "); API Gateway enforces one per method"), apiKey, note);
    }
    if (found.size() == 1) {
      return new Reading(found.get(0), apiKey, note);
    }
    String evidence = sawNone ? from + " names NONE" : from + " names only an API key scheme";
    return new Reading(new Protection.None(evidence), apiKey, note);
  }

  // References

  /** Follows an internal {@code #/...} reference; an external one is returned as is (and reported by externalRefs). */
  private JsonNode follow(JsonNode n) {
    JsonNode current = n;
    for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        return current;
      }
      current = root.at(ref.substring(1));
    }
    return current == null || current.isMissingNode() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : current;
  }

  private final Set<String> reportedRefs = new LinkedHashSet<>();

  private void externalRefs(JsonNode n, String at) {
    if (n.isObject()) {
      JsonNode ref = n.get("$ref");
      if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
        String file = ref.asText().replaceAll("#.*", "");
        if (reportedRefs.add(file)) {
          boolean exists = baseDir != null && !file.isEmpty() && !file.contains("://") && Files.exists(baseDir.resolve(file));
          ctx.leftOut("$ref " + file, (exists ? "an external reference, not followed" : "an external reference to a file that is missing here")
              + " (first at " + (at.isEmpty() ? "/" : at) + "); the importer reads only what decides auth, so routes and authorisers are unaffected");
        }
      }
      n.fields().forEachRemaining(e -> externalRefs(e.getValue(), at + "/" + e.getKey()));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        externalRefs(n.get(i), at + "/" + i);
      }
    }
  }

  private Integer intValue(JsonNode n, String where) {
    String t = ix.text(n, where);
    try {
      return t == null ? null : Integer.parseInt(t.strip());
    } catch (NumberFormatException e) {
      ctx.leftOut(where, "TTL '" + t + "' is not a number; API Gateway's default is used");
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
