package dev.portcullis.engine.exchange;

import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.RouteMatcher;
import dev.portcullis.engine.store.Variables;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person pastes (a URL from a browser, a curl command, the AWS console, a log) into a
 * gateway of the workspace and the path on it. Accepted, in order:
 * <ol>
 *   <li>a local world's URL: {@code http://127.0.0.1:PORT/...} (the running world's ports, else the workspace's);</li>
 *   <li>an execute-api URL: {@code https://{apiId}.execute-api.{region}.amazonaws.com/{stage}/...}, by api id (the
 *       gateway's own, else an environment's, through the gateway's {@code baseUrl});</li>
 *   <li>a gateway's {@code baseUrl} (e.g. a custom domain), as written or with an environment's variables;</li>
 *   <li>{@code API:/path}, by gateway name or api id;</li>
 *   <li>a path, {@code /v2/me} (or with the stage, {@code /prod/me}): the gateway with a route for it.</li>
 * </ol>
 */
public final class UrlResolver {
  private static final Pattern EXECUTE_API = Pattern.compile("([a-z0-9]+)\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

  private final Workspace workspace;
  private final Map<String, URI> localApis;

  private UrlResolver(Workspace workspace, Map<String, URI> localApis) {
    this.workspace = workspace;
    this.localApis = localApis;
  }

  /**
   * @param runningApis gateway name to where a running world serves it ({@code LocalWorld.apiUrls()} or a world
   *     record); gateways not in it are expected on their configured {@code localPort}
   */
  public static UrlResolver create(Workspace workspace, Map<String, URI> runningApis) {
    Map<String, URI> local = new LinkedHashMap<>();
    for (Gateway g : workspace.gateways()) {
      if (runningApis.containsKey(g.name())) {
        local.put(g.name(), runningApis.get(g.name()));
      } else if (g.localPort() != null && g.localPort() > 0) {
        local.put(g.name(), URI.create("http://127.0.0.1:" + g.localPort() + RouteMatcher.stagePrefix(g)));
      }
    }
    return new UrlResolver(workspace, local);
  }

  /** @param method the request's method (upper case), which picks among gateways by their routes */
  public UrlResolution resolve(String url, String method) {
    String text = url == null ? "" : url.strip();
    if (text.isEmpty()) {
      return new UrlResolution.Unresolved("no URL given; give one, e.g. /health, payments:/health or http://127.0.0.1:9321/prod/health");
    }
    if (text.matches("(?i)https?://.*")) {
      return absolute(text, method);
    }
    int colon = text.indexOf(":/");
    if (colon > 0 && !text.substring(0, colon).contains("/")) {
      String api = text.substring(0, colon);
      Optional<Gateway> named = byNameOrApiId(api);
      if (named.isEmpty()) {
        return new UrlResolution.Unresolved("'" + api + "' is not a gateway of " + workspace.name() + "; its gateways are " + names());
      }
      return resolved(named.get(), text.substring(colon + 1), UrlResolution.Origin.NAMED, null, null);
    }
    if (!text.startsWith("/")) {
      return new UrlResolution.Unresolved("'" + text + "' is neither a URL nor a path; give http(s)://..., API:/path or /path");
    }
    return byPath(text, method, UrlResolution.Origin.PATH, null);
  }

  private UrlResolution absolute(String text, String method) {
    URI uri;
    try {
      // {{variables}} in a saved request's path are no URL characters: carried through encoded, restored in resolved()
      uri = URI.create(text.replace("{{", "%7B%7B").replace("}}", "%7D%7D"));
    } catch (IllegalArgumentException e) {
      return new UrlResolution.Unresolved("'" + text + "' is not a valid URL (" + e.getMessage() + ")");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String pathAndQuery = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    if (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1")) {
      for (Map.Entry<String, URI> api : localApis.entrySet()) {
        if (api.getValue().getPort() == uri.getPort()) {
          Gateway g = workspace.gateway(api.getKey()).orElseThrow();
          return underPrefix(g, pathAndQuery, RouteMatcher.stagePrefix(g), UrlResolution.Origin.LOCAL_WORLD, null, text);
        }
      }
      UrlResolution guess = byPath(pathAndQuery, method, UrlResolution.Origin.LOCAL_WORLD, null);
      return guess instanceof UrlResolution.Resolved r
          ? withNote(r, "port " + uri.getPort() + " is not one of this workspace's local gateways; going by the path")
          : new UrlResolution.Unresolved("port " + uri.getPort() + " of " + text + " is not one of this workspace's local gateways "
              + localApis + ", and no gateway has a route for its path; give API:/path");
    }
    Matcher m = EXECUTE_API.matcher(host);
    if (m.matches()) {
      String apiId = m.group(1);
      List<Gateway> matching = workspace.gateways().stream().filter(g -> g.apiId().equalsIgnoreCase(apiId)).toList();
      if (matching.isEmpty()) {
        // a deployed API's id is usually an environment's variable ({{paymentsApiId}}), not the gateway's own apiId
        UrlResolution deployed = byBaseUrl(text, pathAndQuery);
        if (deployed instanceof UrlResolution.Resolved) {
          return deployed;
        }
        return new UrlResolution.Unresolved("no gateway of " + workspace.name() + " has api id '" + apiId + "' (its api ids are "
            + workspace.gateways().stream().map(Gateway::apiId).toList() + "); set the gateway's apiId, or give API:/path");
      }
      Gateway g = matching.getFirst();
      String prefix = RouteMatcher.stagePrefix(g);
      String note = g.region().equals(m.group(2)) ? null
          : "the URL's region " + m.group(2) + " is not the region " + g.region() + " of gateway '" + g.name() + "'";
      UrlResolution r = underPrefix(g, pathAndQuery, prefix, UrlResolution.Origin.EXECUTE_API, null, text);
      return note != null && r instanceof UrlResolution.Resolved ok ? withNote(ok, note) : r;
    }
    return byBaseUrl(text, pathAndQuery);
  }

  /** A gateway's baseUrl as written, then with each environment's variables. */
  private UrlResolution byBaseUrl(String text, String pathAndQuery) {
    List<String> environments = new ArrayList<>();
    environments.add(null);
    workspace.environments().stream().map(Environment::name).forEach(environments::add);
    for (String env : environments) {
      Variables variables = Variables.of(workspace, env, null, Map.of());
      for (Gateway g : workspace.gateways()) {
        if (g.baseUrl() == null) {
          continue;
        }
        String base;
        try {
          base = variables.apply(g.baseUrl(), "gateway '" + g.name() + "' baseUrl").replaceAll("/+$", "");
        } catch (IllegalArgumentException e) {
          continue; // this environment does not set the variables of this base URL
        }
        if (text.equalsIgnoreCase(base) || text.toLowerCase(Locale.ROOT).startsWith(base.toLowerCase(Locale.ROOT) + "/")
            || text.toLowerCase(Locale.ROOT).startsWith(base.toLowerCase(Locale.ROOT) + "?")) {
          String rest = text.substring(base.length());
          return resolved(g, rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest, UrlResolution.Origin.ENVIRONMENT, env, null);
        }
      }
    }
    return new UrlResolution.Unresolved(text + " is not a local gateway, an execute-api URL of one of this workspace's api ids, or a"
        + " gateway's baseUrl in any environment; give API:/path, or set the gateway's baseUrl");
  }

  private UrlResolution underPrefix(Gateway g, String pathAndQuery, String prefix, UrlResolution.Origin origin, String env, String text) {
    if (prefix.isEmpty()) {
      return resolved(g, pathAndQuery, origin, env, null);
    }
    if (pathAndQuery.equals(prefix) || pathAndQuery.startsWith(prefix + "/") || pathAndQuery.startsWith(prefix + "?")) {
      String rest = pathAndQuery.substring(prefix.length());
      return resolved(g, rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest, origin, env, null);
    }
    return new UrlResolution.Unresolved(text + " does not start with the stage " + prefix + " of gateway '" + g.name() + "'"
        + "; REST APIs answer under their stage, e.g. " + prefix + "/health");
  }

  private UrlResolution byPath(String pathAndQuery, String method, UrlResolution.Origin origin, String env) {
    String path = pathAndQuery.split("\\?", 2)[0];
    List<Gateway> serving = workspace.gateways().stream().filter(g -> serves(g, method, path)).toList();
    if (serving.size() == 1) {
      return resolved(serving.getFirst(), pathAndQuery, origin, env, null);
    }
    if (serving.size() > 1) {
      return new UrlResolution.Unresolved("several gateways have a route for " + method + " " + path + " ("
          + String.join(", ", serving.stream().map(Gateway::name).toList()) + "); say which: " + serving.getFirst().name() + ":" + path);
    }
    // "/prod/me": the path as the wire has it, with a REST stage in front
    for (Gateway g : workspace.gateways()) {
      String prefix = RouteMatcher.stagePrefix(g);
      if (!prefix.isEmpty() && path.startsWith(prefix + "/") && serves(g, method, path.substring(prefix.length()))) {
        return resolved(g, pathAndQuery.substring(prefix.length()), origin, env, null);
      }
    }
    if (workspace.gateways().size() == 1) {
      Gateway only = workspace.gateways().getFirst();
      return resolved(only, pathAndQuery, origin, env, "no route of gateway '" + only.name() + "' matches " + method + " " + path
          + "; sending it anyway (the gateway answers as it does for unknown routes)");
    }
    return new UrlResolution.Unresolved("no gateway of " + workspace.name() + " has a route for " + method + " " + path
        + "; say which gateway with API:/path (gateways: " + names() + ")");
  }

  private static boolean serves(Gateway g, String method, String path) {
    return RouteMatcher.match(g, method, RouteMatcher.stagePrefix(g) + path)
        .filter(m -> !m.route().method().equals("$default")).isPresent();
  }

  private UrlResolution.Resolved resolved(Gateway g, String pathAndQuery, UrlResolution.Origin origin, String env, String note) {
    String[] parts = pathAndQuery.split("\\?", 2);
    String path = (parts[0].startsWith("/") ? parts[0] : "/" + parts[0]).replace("%7B%7B", "{{").replace("%7D%7D", "}}");
    Map<String, String> query = new LinkedHashMap<>();
    if (parts.length == 2 && !parts[1].isEmpty()) {
      for (String pair : parts[1].split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(decode(kv[0]), kv.length == 2 ? decode(kv[1]) : "");
      }
    }
    return new UrlResolution.Resolved(g.name(), g.stage(), path, query, origin, env, note);
  }

  private static UrlResolution.Resolved withNote(UrlResolution.Resolved r, String note) {
    return new UrlResolution.Resolved(r.gateway(), r.stage(), r.path(), r.query(), r.origin(), r.environment(), note);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private Optional<Gateway> byNameOrApiId(String api) {
    return workspace.gateway(api).or(() -> workspace.gateways().stream().filter(g -> g.apiId().equals(api)).findFirst());
  }

  private List<String> names() {
    return workspace.gateways().stream().map(Gateway::name).toList();
  }
}
