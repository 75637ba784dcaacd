package dev.portcullis.engine.exchange.postman;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.RouteMatcher;
import dev.portcullis.engine.store.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A workspace as a Postman Collection v2.1: folders, requests, the workspace's plain variables, one
 * {@code {{GATEWAY.baseUrl}}} per gateway (its local URL), and each caller as Postman auth, set where
 * the workspace sets it (default caller on the collection, folder callers on folders, a request's own
 * on it), so Postman's inheritance gives every request the caller Portcullis would. Every secret is
 * a {@code {{CALLER.FIELD}}} variable left empty, never a value.
 */
final class PostmanWriter {
  static final String SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passwd|token|api[-_]?key|credential|private[-_]?key).*");

  private final Workspace ws;
  private final Map<String, String> secretVariables = new LinkedHashMap<>();
  private final Map<String, String> plainVariables = new LinkedHashMap<>();
  private final List<String> report = new ArrayList<>();

  PostmanWriter(Workspace ws) {
    this.ws = ws;
  }

  PostmanCollections.Exported write() {
    Map<String, Object> collection = new LinkedHashMap<>();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("_postman_id", UUID.nameUUIDFromBytes(("portcullis:" + ws.name()).getBytes(StandardCharsets.UTF_8)).toString());
    info.put("name", ws.name());
    if (ws.description() != null) {
      info.put("description", ws.description());
    }
    info.put("schema", SCHEMA);
    collection.put("info", info);
    for (Gateway g : ws.gateways()) {
      String base = g.localPort() != null && g.localPort() > 0 ? "http://127.0.0.1:" + g.localPort() + RouteMatcher.stagePrefix(g)
          : g.baseUrl() != null ? g.baseUrl().replaceAll("/+$", "") : "http://127.0.0.1:0" + RouteMatcher.stagePrefix(g);
      plainVariables.put(g.name() + ".baseUrl", base);
    }
    ws.variables().forEach((k, v) -> {
      if (SECRET_NAME.matcher(k).matches()) {
        secretVariables.put(k, "");
        report.add("workspace variable " + k + " looks secret: exported as an empty {{" + k + "}}");
      } else {
        plainVariables.put(k, v);
      }
    });
    List<Object> items = new ArrayList<>();
    for (Workspace.Folder f : ws.folders()) {
      Map<String, Object> folder = new LinkedHashMap<>();
      folder.put("name", f.name());
      if (f.description() != null) {
        folder.put("description", f.description());
      }
      folder.put("item", ws.requests().stream().filter(r -> f.name().equals(r.folder())).map(this::request).toList());
      if (f.caller() != null) {
        folder.put("auth", auth(f.caller()));
      }
      items.add(folder);
    }
    ws.requests().stream().filter(r -> r.folder() == null).map(this::request).forEach(items::add);
    collection.put("item", items);
    if (ws.defaultCaller() != null) {
      collection.put("auth", auth(ws.defaultCaller()));
    }
    List<Object> variables = new ArrayList<>();
    plainVariables.forEach((k, v) -> variables.add(Map.of("key", k, "value", v, "type", "string")));
    secretVariables.forEach((k, v) -> variables.add(Map.of("key", k, "value", "", "type", "string")));
    collection.put("variable", variables);
    if (!secretVariables.isEmpty()) {
      report.add(secretVariables.size() + " secret variable(s) are empty in the collection; fill them in Postman (current value): "
          + String.join(", ", secretVariables.keySet()));
    }
    return new PostmanCollections.Exported(Json.write(collection), report);
  }

  private Map<String, Object> request(SavedRequest r) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", r.method());
    List<Object> headers = new ArrayList<>();
    r.headers().forEach((k, v) -> headers.add(Map.of("key", k, "value", v)));
    request.put("header", headers);
    if (r.body() != null) {
      request.put("body", Map.of("mode", "raw", "raw", r.body(), "options", Map.of("raw", Map.of("language",
          r.headers().entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("content-type") && h.getValue().contains("json"))
              ? "json" : "text"))));
    }
    request.put("url", url(r));
    if (r.caller() != null) {
      request.put("auth", auth(r.caller()));
    }
    if (r.description() != null) {
      request.put("description", r.description());
    }
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("name", r.name());
    item.put("request", request);
    return item;
  }

  private Map<String, Object> url(SavedRequest r) {
    String host = "{{" + r.gateway() + ".baseUrl}}";
    String path = r.path().startsWith("/") ? r.path().substring(1) : r.path();
    StringBuilder raw = new StringBuilder(host).append('/').append(path);
    List<Object> query = new ArrayList<>();
    r.query().forEach((k, v) -> {
      raw.append(query.isEmpty() ? '?' : '&').append(k).append('=').append(v);
      query.add(Map.of("key", k, "value", v));
    });
    Map<String, Object> url = new LinkedHashMap<>();
    url.put("raw", raw.toString());
    url.put("host", List.of(host));
    url.put("path", path.isEmpty() ? List.of() : List.of(path.split("/", -1)));
    if (!query.isEmpty()) {
      url.put("query", query);
    }
    return url;
  }

  /** A caller as Postman auth; its secrets as empty {@code {{CALLER.FIELD}}} variables. */
  private Map<String, Object> auth(String callerName) {
    Caller caller = ws.caller(callerName).orElse(null);
    if (caller == null) {
      report.add("caller '" + callerName + "' is not defined; exported as no auth");
      return Map.of("type", "noauth");
    }
    String n = caller.name();
    return switch (caller) {
      case Caller.Iam iam -> {
        List<Object> params = new ArrayList<>();
        String keyId = iam.credentials() instanceof CredentialSource.StaticKeys s ? s.accessKeyId() : "";
        plainVariables.put(n + ".accessKeyId", keyId);
        params.add(param("accessKey", "{{" + n + ".accessKeyId}}"));
        params.add(param("secretKey", secret(n, "secretAccessKey")));
        if (iam.credentials() instanceof CredentialSource.StaticKeys s && s.sessionToken() != null) {
          params.add(param("sessionToken", secret(n, "sessionToken")));
        }
        params.add(param("region", iam.region() != null ? iam.region() : "us-east-1"));
        params.add(param("service", "execute-api"));
        if (!(iam.credentials() instanceof CredentialSource.StaticKeys)) {
          report.add("caller '" + n + "' takes its AWS credentials from " + iam.credentials().getClass().getSimpleName()
              + "; Postman needs keys: fill " + n + ".accessKeyId and " + n + ".secretAccessKey");
        }
        yield Map.of("type", "awsv4", "awsv4", params);
      }
      case Caller.ApiKey k -> {
        if (!k.headers().isEmpty()) {
          report.add("caller '" + n + "' also sends " + k.headers().keySet() + "; Postman's apikey auth carries one header, so add them to"
              + " the requests in Postman");
        }
        yield Map.of("type", "apikey", "apikey", List.of(param("key", "x-api-key"), param("value", secret(n, "apiKey")),
            param("in", "header")));
      }
      case Caller.CustomToken t -> t.header().equalsIgnoreCase("Authorization") && t.prefix().equals("Bearer ")
          ? Map.of("type", "bearer", "bearer", List.of(param("token", secret(n, "token"))))
          : Map.of("type", "apikey", "apikey", List.of(param("key", t.header()), param("value", t.prefix() + secret(n, "token")),
              param("in", "header")));
      case Caller.CognitoUser u -> {
        report.add("caller '" + n + "' logs in to Cognito with " + u.flow() + ", which Postman cannot do: exported as a bearer token;"
            + " fill " + n + ".token with $(portcullis token get --caller " + n + ")");
        yield Map.of("type", "bearer", "bearer", List.of(param("token", secret(n, "token"))));
      }
      case Caller.OidcClient o -> {
        List<Object> params = new ArrayList<>();
        params.add(param("grant_type", "client_credentials"));
        params.add(param("accessTokenUrl", o.issuer().replaceAll("/+$", "") + "/token"));
        params.add(param("clientId", o.clientId()));
        params.add(param("clientSecret", secret(n, "clientSecret")));
        params.add(param("client_authentication", o.clientAuth() == Caller.ClientAuth.CLIENT_SECRET_POST ? "body" : "header"));
        if (!o.scopes().isEmpty()) {
          params.add(param("scope", String.join(" ", o.scopes())));
        }
        if (o.audience() != null) {
          params.add(param("audience", o.audience()));
        }
        params.add(param("tokenName", n));
        params.add(param("addTokenTo", "header"));
        if (o.clientAuth() == Caller.ClientAuth.PRIVATE_KEY_JWT) {
          report.add("caller '" + n + "' authenticates with private_key_jwt, which Postman's OAuth 2.0 cannot; exported with a client secret");
        }
        yield Map.of("type", "oauth2", "oauth2", params);
      }
      case Caller.Anonymous a -> Map.of("type", "noauth");
    };
  }

  private String secret(String caller, String field) {
    String name = caller + "." + field;
    secretVariables.put(name, "");
    return "{{" + name + "}}";
  }

  private static Map<String, Object> param(String key, String value) {
    return Map.of("key", key, "value", value, "type", "string");
  }
}
