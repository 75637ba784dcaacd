package dev.portcullis.engine.exchange.postman;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postman auth to callers, one caller per distinct auth. A secret is never imported: a
 * {@code {{variable}}} becomes {@code env:VARIABLE} (non-name characters as {@code _}), a literal
 * becomes {@code env:CALLER_FIELD}, and the report says which variable to set for each.
 */
final class PostmanAuth {
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passwd|token|api[-_]?key|credential|private[-_]?key).*");
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");

  private final Workspace into;
  private final List<String> report;
  private final Map<String, Caller> byAuth = new LinkedHashMap<>();
  private final List<String> secretVariables = new ArrayList<>();
  private Map<String, String> variables = Map.of();

  PostmanAuth(Workspace into, List<String> report) {
    this.into = into;
    this.report = report;
  }

  void variables(Map<String, String> variables) {
    this.variables = variables;
  }

  void secretVariable(String name) {
    secretVariables.add(name);
  }

  List<Caller> callers() {
    return List.copyOf(byAuth.values());
  }

  static boolean looksSecret(String name) {
    return SECRET_NAME.matcher(name).matches();
  }

  static boolean isCredentialHeader(String name) {
    return name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("x-api-key") || name.equalsIgnoreCase("x-amz-security-token");
  }

  static String envName(String variable) {
    return variable.replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** The caller for an auth block ({@code context} names where it was, for names and the report). */
  String caller(JsonNode auth, String context) {
    String type = auth.path("type").asText("noauth");
    Map<String, String> p = params(auth.path(type));
    String key = type + p;
    Caller existing = byAuth.get(key);
    if (existing != null) {
      return existing.name();
    }
    String name = unique(nameHint(p).orElse(context + " (" + type + ")"));
    Caller caller = switch (type) {
      case "noauth" -> new Caller.Anonymous(unique("anonymous"), "No auth (from Postman)");
      case "awsv4" -> iam(name, p);
      case "bearer" -> new Caller.CustomToken(name, "Bearer token (from Postman)", secret(name, "token", p.get("token")), "Authorization",
          "Bearer ");
      case "apikey" -> apiKey(name, p);
      case "oauth2" -> oauth2(name, p);
      default -> {
        report.add(context + ": Postman auth '" + type + "' has no Portcullis caller kind (API Gateway has no authoriser for it);"
            + " imported as no auth");
        yield new Caller.Anonymous(unique("anonymous"), "No auth (Postman '" + type + "' auth)");
      }
    };
    byAuth.put(key, caller);
    return caller.name();
  }

  private Caller iam(String name, Map<String, String> p) {
    String keyId = plain(p.getOrDefault("accessKey", ""));
    String region = plain(p.getOrDefault("region", ""));
    String service = p.getOrDefault("service", "execute-api");
    if (!service.isEmpty() && !service.equals("execute-api")) {
      report.add("caller '" + name + "': signs for service " + service + "; API Gateway checks execute-api");
    }
    SecretRef secret = secret(name, "secretAccessKey", p.get("secretKey"));
    String session = p.getOrDefault("sessionToken", "");
    SecretRef token = session.isEmpty() ? null : secret(name, "sessionToken", session);
    CredentialSource source;
    if (keyId.isEmpty() || keyId.contains("{{")) {
      source = new CredentialSource.DefaultChain();
      report.add("caller '" + name + "': its access key id (" + p.getOrDefault("accessKey", "") + ") has no value in the collection, so it"
          + " signs with the AWS default chain (AWS_ACCESS_KEY_ID ..., or a profile)");
    } else {
      source = new CredentialSource.StaticKeys(keyId, secret, token);
    }
    return new Caller.Iam(name, "AWS Signature (from Postman)", source, region.isEmpty() || region.contains("{{") ? null : region);
  }

  private Caller apiKey(String name, Map<String, String> p) {
    String header = p.getOrDefault("key", "x-api-key");
    if (p.getOrDefault("in", "header").equals("query")) {
      report.add("caller '" + name + "': Postman sends its key in the query (" + header + "=...); API Gateway reads API keys from"
          + " the x-api-key header, so it is imported as that header");
      return new Caller.ApiKey(name, "API key (from Postman)", secret(name, "apiKey", p.get("value")), Map.of());
    }
    if (header.equalsIgnoreCase("x-api-key")) {
      return new Caller.ApiKey(name, "API key (from Postman)", secret(name, "apiKey", p.get("value")), Map.of());
    }
    String value = p.getOrDefault("value", "");
    Matcher v = VARIABLE.matcher(value);
    String prefix = v.find() ? value.substring(0, v.start()) : "";
    return new Caller.CustomToken(name, "Token in " + header + " (from Postman)", secret(name, "token", value.substring(prefix.length())),
        header, prefix);
  }

  private Caller oauth2(String name, Map<String, String> p) {
    String grant = p.getOrDefault("grant_type", "authorization_code");
    if (!grant.equals("client_credentials")) {
      report.add("caller '" + name + "': OAuth 2.0 grant " + grant + " needs a browser or a user; imported as a bearer token to paste");
      return new Caller.CustomToken(name, "OAuth 2.0 " + grant + " token (from Postman)", secret(name, "token", p.get("accessToken")),
          "Authorization", "Bearer ");
    }
    String tokenUrl = p.getOrDefault("accessTokenUrl", "");
    String issuer = tokenUrl.replaceAll("/(oauth2/)?token/?$", "").replaceAll("/v1$", "");
    if (issuer.isEmpty()) {
      issuer = "{{" + name.replaceAll("\\W", "_") + "_issuer}}";
    }
    if (!issuer.equals(tokenUrl.replaceAll("/token/?$", ""))) {
      report.add("caller '" + name + "': issuer " + issuer + " taken from the token URL " + tokenUrl + "; check it (discovery must be at"
          + " ISSUER/.well-known/openid-configuration)");
    }
    Caller.ClientAuth clientAuth = p.getOrDefault("client_authentication", "header").equals("body")
        ? Caller.ClientAuth.CLIENT_SECRET_POST : Caller.ClientAuth.CLIENT_SECRET_BASIC;
    String scope = p.getOrDefault("scope", "");
    return new Caller.OidcClient(name, "OAuth 2.0 client credentials (from Postman)", issuer, plain(p.getOrDefault("clientId", "")),
        secret(name, "clientSecret", p.get("clientSecret")), clientAuth, null,
        scope.isBlank() ? List.of() : Arrays.asList(scope.strip().split("\\s+")), p.getOrDefault("audience", "").isEmpty() ? null
            : p.get("audience"));
  }

  /** A secret field as a reference: never the value. */
  private SecretRef secret(String caller, String field, String value) {
    String v = value == null ? "" : value.strip();
    Matcher m = VARIABLE.matcher(v);
    if (m.matches()) {
      String env = envName(m.group(1));
      report.add("caller '" + caller + "' " + field + ": env:" + env + " (was {{" + m.group(1) + "}}); set " + env + " before sending");
      return new SecretRef.Env(env);
    }
    String env = envName(caller + "_" + field).toUpperCase(Locale.ROOT).replaceAll("_+", "_").replaceAll("^_|_$", "");
    report.add("caller '" + caller + "' " + field + ": " + (v.isEmpty() ? "empty in the collection" : "a literal secret, not imported")
        + "; it reads env:" + env + ", set that to the value");
    return new SecretRef.Env(env);
  }

  /** A non-secret value with a {@code {{variable}}} of the collection filled in. */
  private String plain(String value) {
    Matcher m = VARIABLE.matcher(value);
    if (m.matches() && variables.containsKey(m.group(1)) && !secretVariables.contains(m.group(1))) {
      return variables.get(m.group(1));
    }
    return value;
  }

  /** {@code {{CALLER.FIELD}}} in a secret names the caller (our own exports write them so). */
  private static java.util.Optional<String> nameHint(Map<String, String> p) {
    for (String field : List.of("secretKey", "token", "value", "clientSecret", "accessToken")) {
      Matcher m = VARIABLE.matcher(p.getOrDefault(field, ""));
      if (m.matches() && m.group(1).contains(".")) {
        return java.util.Optional.of(m.group(1).substring(0, m.group(1).lastIndexOf('.')));
      }
    }
    return java.util.Optional.empty();
  }

  private String unique(String name) {
    List<String> taken = new ArrayList<>(byAuth.values().stream().map(Caller::name).toList());
    if (name.equals("anonymous") && into.callers().stream().anyMatch(c -> c instanceof Caller.Anonymous && c.name().equals("anonymous"))) {
      return name; // the workspace's own anonymous caller serves
    }
    return PostmanReader.unique(name, taken);
  }

  /** v2.1 writes auth parameters as [{key, value}], v2.0 as an object. */
  private static Map<String, String> params(JsonNode node) {
    Map<String, String> out = new java.util.TreeMap<>();
    if (node.isArray()) {
      node.forEach(e -> out.put(e.path("key").asText(), e.path("value").isValueNode() ? e.path("value").asText() : e.path("value").toString()));
    } else if (node.isObject()) {
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    }
    return out;
  }
}
