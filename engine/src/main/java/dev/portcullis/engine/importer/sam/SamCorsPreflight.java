package dev.portcullis.engine.importer.sam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.importer.ImportContext;
import dev.portcullis.engine.importer.ImportedRoute;
import dev.portcullis.engine.importer.Intrinsics;
import dev.portcullis.engine.importer.Protection;
import dev.portcullis.engine.model.Integration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The OPTIONS methods SAM adds for a REST API's {@code Cors} (samtranslator {@code SwaggerEditor.add_cors}): one per
 * path that has no OPTIONS method of its own, with a mock integration answering the CORS headers. SAM then applies
 * the API's {@code Auth} to every method of the definition, these included: the DefaultAuthorizer unless
 * {@code AddDefaultAuthorizerToCorsPreflight: false}, the API key unless {@code AddApiKeyRequiredToCorsPreflight: false}
 * (both default true, import-facts §2.1). So by default a browser's preflight, which carries no credentials, is
 * refused: the trap this class must reproduce rather than hide.
 */
final class SamCorsPreflight {
  static final SamCorsPreflight NONE = new SamCorsPreflight(null, true, true, null);
  /** What SAM writes for a path with ANY: every method, sorted as SAM sorts them. */
  private static final List<String> ALL_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

  private final JsonNode cors;
  private final boolean defaultAuthorizer;
  private final boolean apiKey;
  private final Intrinsics ix;

  private SamCorsPreflight(JsonNode cors, boolean defaultAuthorizer, boolean apiKey, Intrinsics ix) {
    this.cors = cors;
    this.defaultAuthorizer = defaultAuthorizer;
    this.apiKey = apiKey;
    this.ix = ix;
  }

  /** The API's {@code Cors} and the two preflight flags of its {@code Auth}; {@code cors} null when the API has none. */
  static SamCorsPreflight of(Intrinsics ix, JsonNode cors, JsonNode auth, String where) {
    JsonNode value = cors == null ? null : ix.value(cors, where + " Cors");
    boolean none = value == null || value.isNull() || value.isMissingNode() || value.isBoolean();
    return new SamCorsPreflight(none ? null : value, !"false".equalsIgnoreCase(ix.text(auth.get("AddDefaultAuthorizerToCorsPreflight"), where)),
        !"false".equalsIgnoreCase(ix.text(auth.get("AddApiKeyRequiredToCorsPreflight"), where)), ix);
  }

  /** Whether the DefaultAuthorizer goes on OPTIONS methods too, SAM's own and the template's. */
  boolean defaultAuthorizerOnPreflight() {
    return defaultAuthorizer;
  }

  /** Whether the API-wide ApiKeyRequired goes on OPTIONS methods too; false also drops a method's own API key. */
  boolean apiKeyOnPreflight() {
    return apiKey;
  }

  /**
   * Adds SAM's OPTIONS method to each path of {@code routes} without one.
   *
   * @param defaultProtection the API's DefaultAuthorizer as a protection, null when it has none
   * @param apiKeyRequired the API's {@code Auth.ApiKeyRequired}
   */
  @SuppressWarnings("try") // ImportContext.at scopes are closed, never read
  void addTo(Map<String, ImportedRoute> routes, Protection defaultProtection, boolean apiKeyRequired, String where) {
    if (cors == null) {
      return;
    }
    // the methods SAM generates, and what is said of them, are where the template asks for them: its Cors
    try (ImportContext.Place at = ix.context().at(cors)) {
      addPreflights(routes, defaultProtection, apiKeyRequired, where);
    }
  }

  private void addPreflights(Map<String, ImportedRoute> routes, Protection defaultProtection, boolean apiKeyRequired, String where) {
    ImportContext ctx = ix.context();
    Map<String, List<String>> methodsByPath = new LinkedHashMap<>();
    routes.values().stream().filter(r -> r.path().startsWith("/"))
        .forEach(r -> methodsByPath.computeIfAbsent(r.path(), p -> new ArrayList<>()).add(r.method()));
    Protection protection = defaultProtection != null && defaultAuthorizer ? defaultProtection
        : new Protection.None("SAM's CORS preflight method" + (defaultProtection == null ? ""
            : ", kept free of the DefaultAuthorizer by AddDefaultAuthorizerToCorsPreflight: false"));
    boolean key = apiKeyRequired && apiKey;
    Map<String, String> sample = headers(List.of(), where);
    if (sample.containsKey("Access-Control-Allow-Credentials") && sample.get("Access-Control-Allow-Origin").equals("*")) {
      ctx.leftOut(where + " Cors", "AllowCredentials: true with AllowOrigin '*' (or none): SAM refuses to deploy this template "
          + "(\"'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set\"); imported as written");
    }
    List<String> added = new ArrayList<>();
    methodsByPath.forEach((path, methods) -> {
      if (!methods.contains("OPTIONS")) {
        routes.put("OPTIONS " + path, new ImportedRoute("OPTIONS", path, protection, key, "mock", "SAM Cors", null,
            new Integration.Mock(200, headers(methods, where), "{}\n")).locatedAt(ctx.here()));
        added.add(path);
      }
    });
    if (added.isEmpty()) {
      return;
    }
    String auth = protection instanceof Protection.None ? "without authorisation" : "behind the DefaultAuthorizer, so a "
        + "browser's preflight (which carries no credentials) is refused as on AWS; AddDefaultAuthorizerToCorsPreflight: false "
        + "opens them";
    ctx.mapped(where + " Cors", "the OPTIONS mock method SAM adds to " + added.size() + " path(s) " + auth
        + (key ? "; they require the API key (AddApiKeyRequiredToCorsPreflight: false lifts it)" : ""));
  }

  /** The headers of the mock's integration response, as SAM writes them: each a quoted static value, quotes removed. */
  private Map<String, String> headers(List<String> methods, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("Content-Type", "application/json");
    boolean object = cors.isObject();
    String origin = object ? field("AllowOrigin", where) : unquote(ix.text(cors, where + " Cors"));
    out.put("Access-Control-Allow-Origin", origin == null ? "*" : origin);
    String allowHeaders = object ? field("AllowHeaders", where) : null;
    if (allowHeaders != null && !allowHeaders.isEmpty()) {
      out.put("Access-Control-Allow-Headers", allowHeaders);
    }
    String allowMethods = object ? field("AllowMethods", where) : null;
    out.put("Access-Control-Allow-Methods", allowMethods != null && !allowMethods.isEmpty() ? allowMethods : methodsFor(methods));
    String maxAge = object ? field("MaxAge", where) : null;
    if (maxAge != null) {
      out.put("Access-Control-Max-Age", maxAge);
    }
    if (object && "true".equalsIgnoreCase(field("AllowCredentials", where))) {
      out.put("Access-Control-Allow-Credentials", "true");
    }
    return out;
  }

  private String field(String name, String where) {
    return unquote(ix.text(cors.get(name), where + " Cors." + name));
  }

  /** SAM's Allow-Methods when AllowMethods is not given: the path's methods and OPTIONS, sorted; ANY means all. */
  static String methodsFor(List<String> methods) {
    if (methods.contains("ANY")) {
      return String.join(",", ALL_METHODS);
    }
    TreeSet<String> all = new TreeSet<>();
    methods.forEach(m -> all.add(m.toUpperCase(Locale.ROOT)));
    all.add("OPTIONS");
    return String.join(",", all);
  }

  private static String unquote(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.length() >= 2 && t.startsWith("'") && t.endsWith("'") ? t.substring(1, t.length() - 1) : t;
  }
}
