package dev.portcullis.engine.exchange.postman;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.exchange.UrlResolution;
import dev.portcullis.engine.exchange.UrlResolver;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Postman Collection (v2.1, and v2.0's object-shaped auth) into workspace parts. Folders
 * nest in Postman and not here, so a nested folder becomes {@code outer / inner}; each folder and
 * request with auth of its own gets that auth's caller, one caller per distinct auth, and the
 * collection's auth becomes the default caller, so inheritance resolves as Postman's does. URLs are
 * resolved against the target workspace's gateways ({@link UrlResolver}); a request whose URL names
 * none is left out and reported.
 */
final class PostmanReader {
  private static final Pattern WHOLE_VARIABLE = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
  private static final Pattern LEADING_VARIABLE = Pattern.compile("^\\{\\{\\s*([^}]+?)\\s*}}");

  private final Workspace into;
  private final Map<String, String> variables = new LinkedHashMap<>();
  private final PostmanAuth auth;
  private final List<Workspace.Folder> folders = new ArrayList<>();
  private final List<SavedRequest> requests = new ArrayList<>();
  private final List<String> report = new ArrayList<>();

  PostmanReader(Workspace into) {
    this.into = into;
    this.auth = new PostmanAuth(into, report);
  }

  dev.portcullis.engine.exchange.ImportedParts read(JsonNode root, String source) {
    JsonNode info = root.path("info");
    String schema = info.path("schema").asText("");
    if (!root.has("item") || !(schema.contains("/v2.1") || schema.contains("/v2.0"))) {
      throw new IllegalArgumentException(source + " is not a Postman Collection v2.1 (info.schema is '" + schema + "', expected "
          + PostmanWriter.SCHEMA + "); export it from Postman as Collection v2.1");
    }
    String name = info.path("name").asText(source);
    Map<String, String> plain = new LinkedHashMap<>();
    for (JsonNode v : root.path("variable")) {
      String key = v.path("key").asText("");
      String value = v.path("value").asText("");
      if (key.isEmpty()) {
        continue;
      }
      variables.put(key, value);
      if (PostmanAuth.looksSecret(key)) {
        auth.secretVariable(key);
        if (!value.isEmpty() && !value.equals("undefined")) { // Postman's SDK writes an empty value as "undefined"
          report.add("collection variable " + key + " held a secret; not imported: its references read env:" + PostmanAuth.envName(key));
        }
      } else if (!key.endsWith(".baseUrl") && !key.endsWith(".accessKeyId")) {
        plain.put(key, value); // base URLs name a gateway and key ids go into callers on import; the rest stay variables
      }
    }
    auth.variables(variables);
    String defaultCaller = root.hasNonNull("auth") ? auth.caller(root.get("auth"), name) : null;
    walk(root.path("item"), null, defaultCaller, name);
    return new dev.portcullis.engine.exchange.ImportedParts(name, plain, auth.callers(), folders, requests, defaultCaller, report);
  }

  private void walk(JsonNode items, String folderPath, String inherited, String collection) {
    for (JsonNode item : items) {
      String itemName = item.path("name").asText("(unnamed)");
      if (item.has("item")) {
        String path = folderPath == null ? itemName : folderPath + " / " + itemName;
        String own = item.hasNonNull("auth") && !isInherit(item.get("auth")) ? auth.caller(item.get("auth"), path) : null;
        String folderCaller = own != null ? own : folderPath == null ? null : inherited;
        folders.add(new Workspace.Folder(unique(path, folders.stream().map(Workspace.Folder::name).toList()), folderCaller,
            description(item)));
        walk(item.get("item"), path, own != null ? own : inherited, collection);
      } else if (item.has("request")) {
        request(item, itemName, folderPath);
      }
    }
  }

  private void request(JsonNode item, String name, String folder) {
    JsonNode r = item.get("request");
    String method = (r.isTextual() ? "GET" : r.path("method").asText("GET")).toUpperCase(Locale.ROOT);
    String raw = r.isTextual() ? r.asText() : urlText(r.path("url"));
    String where = "request '" + (folder == null ? "" : folder + " / ") + name + "'";
    UrlResolution resolution = resolve(raw, method);
    if (resolution instanceof UrlResolution.Unresolved u) {
      report.add(where + " left out: its URL " + raw + " names no gateway of " + into.name() + " (" + u.sentence() + ")");
      return;
    }
    UrlResolution.Resolved resolved = (UrlResolution.Resolved) resolution;
    String caller = r.hasNonNull("auth") && !isInherit(r.get("auth")) ? auth.caller(r.get("auth"), name) : null;
    Map<String, String> headers = new LinkedHashMap<>();
    for (JsonNode h : r.path("header")) {
      if (h.path("disabled").asBoolean(false)) {
        continue;
      }
      String key = h.path("key").asText("");
      String value = h.path("value").asText("");
      if (key.isEmpty()) {
        continue;
      }
      if (PostmanAuth.isCredentialHeader(key) && !WHOLE_VARIABLE.matcher(value.replaceFirst("(?i)^bearer\\s+", "")).matches()) {
        report.add(where + ": header " + key + " held a credential; not imported (give the request a caller instead)");
        continue;
      }
      headers.put(key, value);
    }
    String body = body(r.path("body"), where);
    String requestName = unique(name, requests.stream().map(SavedRequest::name).toList());
    requests.add(new SavedRequest(requestName, folder, r.has("description") ? description(r) : description(item),
        resolved.gateway(), method, resolved.path(), resolved.query(), headers, body, caller, Map.of(), null, null));
  }

  /** A URL as a string: {@code raw} when given, else put together from its parts (Postman's SDK writes no raw). */
  private static String urlText(JsonNode url) {
    if (url.isTextual()) {
      return url.asText();
    }
    if (url.hasNonNull("raw")) {
      return url.path("raw").asText();
    }
    StringBuilder out = new StringBuilder();
    if (url.hasNonNull("protocol")) {
      out.append(url.path("protocol").asText()).append("://");
    }
    List<String> host = new ArrayList<>();
    url.path("host").forEach(h -> host.add(h.asText()));
    if (url.path("host").isTextual()) {
      host.add(url.path("host").asText());
    }
    out.append(String.join(".", host));
    if (url.hasNonNull("port")) {
      out.append(':').append(url.path("port").asText());
    }
    url.path("path").forEach(p -> out.append('/').append(p.isTextual() ? p.asText() : p.path("value").asText()));
    if (url.path("path").isTextual()) {
      out.append('/').append(url.path("path").asText().replaceFirst("^/", ""));
    }
    List<String> query = new ArrayList<>();
    url.path("query").forEach(q -> {
      if (!q.path("disabled").asBoolean(false)) {
        query.add(q.path("key").asText() + (q.hasNonNull("value") ? "=" + q.path("value").asText() : ""));
      }
    });
    if (!query.isEmpty()) {
      out.append('?').append(String.join("&", query));
    }
    return out.toString();
  }

  /** The URL with its leading {@code {{base}}} variable filled in, against the workspace's gateways. */
  private UrlResolution resolve(String raw, String method) {
    String url = raw.strip();
    Matcher lead = LEADING_VARIABLE.matcher(url);
    if (lead.find()) {
      String name = lead.group(1);
      if (name.endsWith(".baseUrl") && into.gateway(name.substring(0, name.length() - ".baseUrl".length())).isPresent()) {
        String rest = url.substring(lead.end());
        return UrlResolver.create(into, Map.of()).resolve(name.substring(0, name.length() - ".baseUrl".length()) + ":"
            + (rest.startsWith("/") ? rest : "/" + rest), method);
      }
      if (variables.containsKey(name)) {
        url = variables.get(name) + url.substring(lead.end());
      }
    }
    if (!url.matches("(?i)https?://.*") && !url.startsWith("/") && url.contains("/")) {
      url = url.substring(url.indexOf('/')); // "{{host}}/path" with an unknown host: go by the path
    }
    return UrlResolver.create(into, Map.of()).resolve(url, method);
  }

  private String body(JsonNode body, String where) {
    if (body.isMissingNode() || body.isNull() || body.path("disabled").asBoolean(false)) {
      return null;
    }
    String mode = body.path("mode").asText("raw");
    return switch (mode) {
      case "raw" -> body.path("raw").isMissingNode() ? null : body.path("raw").asText();
      case "urlencoded" -> {
        List<String> pairs = new ArrayList<>();
        for (JsonNode p : body.path("urlencoded")) {
          if (!p.path("disabled").asBoolean(false)) {
            pairs.add(p.path("key").asText() + "=" + p.path("value").asText());
          }
        }
        yield String.join("&", pairs);
      }
      case "graphql" -> dev.portcullis.engine.store.Json.write(Map.of("query", body.path("graphql").path("query").asText(""),
          "variables", body.path("graphql").path("variables").asText(""))).strip();
      default -> {
        report.add(where + ": a " + mode + " body is not imported (only raw, urlencoded and graphql bodies are)");
        yield null;
      }
    };
  }

  private static boolean isInherit(JsonNode auth) {
    return auth.path("type").asText("").equals("inherit");
  }

  private static String description(JsonNode node) {
    JsonNode d = node.path("description");
    if (d.isTextual()) {
      return d.asText().isBlank() ? null : d.asText();
    }
    return d.path("content").isTextual() ? d.path("content").asText() : null;
  }

  static String unique(String name, List<String> taken) {
    return dev.portcullis.engine.exchange.ImportedParts.unique(name, taken);
  }
}
