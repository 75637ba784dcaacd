package dev.portcullis.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
 * Finds the literal secrets of a workspace a person is about to share, one step removed as well as
 * in plain sight: every {@code {{variable}}} is resolved (with the workspace's variables and each
 * environment's) before judging, header and parameter names are normalised, and query strings,
 * bodies, URLs ({@code user:pass@}) and Lambda rule values are judged too. Only field names are
 * reported, never a value. The emulator section is not judged: its fixtures open nothing real.
 */
final class ExportJudge {
  private static final Pattern JWT = Pattern.compile("eyJ[\\w-]{4,}\\.eyJ[\\w-]{4,}\\.[\\w-]*");
  private static final Pattern VAR = Pattern.compile("\\{\\{\\s*([\\w.$-]+)\\s*}}");
  private static final Pattern SCHEME = Pattern.compile("(?i)^(bearer|basic|token|digest|aws4-hmac-sha256)\\s+");
  private static final Pattern TEXT_PAIR = Pattern.compile("(?i)([\\w-]+)\\s*[=:]\\s*\"?([^\\s\"&,;]+)");

  private final Workspace ws;
  private final List<Map<String, String>> scopes = new ArrayList<>();
  private final Set<String> out = new LinkedHashSet<>();

  private ExportJudge(Workspace ws) {
    this.ws = ws;
    scopes.add(ws.variables());
    for (Environment e : ws.environments()) {
      Map<String, String> merged = new LinkedHashMap<>(ws.variables());
      merged.putAll(e.variables());
      scopes.add(merged);
    }
  }

  static List<String> judge(Workspace ws) {
    ExportJudge judge = new ExportJudge(ws);
    judge.all();
    return List.copyOf(judge.out);
  }

  private void all() {
    variables("workspace variable", ws.variables());
    ws.environments().forEach(e -> variables("environment '" + e.name() + "' variable", e.variables()));
    ws.callers().forEach(this::caller);
    ws.environments().forEach(e -> e.callers().forEach(this::caller));
    ws.requests().forEach(this::request);
    ws.gateways().forEach(this::gateway);
  }

  private void caller(Caller c) {
    String where = "caller '" + c.name() + "'";
    switch (c) {
      case Caller.CognitoUser u -> {
        secret(where + " clientSecret", u.clientSecret());
        secret(where + " password", u.password());
        secret(where + " mfaSecret", u.mfaSecret());
        url(where + " endpoint", u.endpoint());
      }
      case Caller.OidcClient o -> {
        secret(where + " clientSecret", o.clientSecret());
        secret(where + " privateKey", o.privateKey());
        url(where + " issuer", o.issuer());
      }
      case Caller.Iam i -> credentials(where, i.credentials());
      case Caller.ApiKey k -> {
        secret(where + " apiKey", k.apiKey());
        headers(where + " header", k.headers());
      }
      case Caller.CustomToken t -> secret(where + " token", t.token());
      case Caller.Anonymous a -> { }
    }
  }

  private void request(SavedRequest r) {
    String where = "request '" + r.name() + "'";
    headers(where + " header", r.headers());
    r.query().forEach((name, value) -> parameter(where + " query " + name, name, value));
    int q = r.path().indexOf('?');
    if (q >= 0) {
      query(where + " path query", r.path().substring(q + 1));
    }
    if (hasJwt(r.path())) {
      out.add(where + " path");
    }
    body(where + " body", r.body());
    variables(where + " variable", r.variables());
  }

  private void gateway(Gateway g) {
    String where = "gateway '" + g.name() + "'";
    url(where + " baseUrl", g.baseUrl());
    for (Authorizer a : g.authorizers()) {
      String aw = where + " authoriser '" + a.name() + "'";
      switch (a) {
        case Authorizer.Jwt j -> url(aw + " issuer", j.issuer());
        case Authorizer.Cognito c -> url(aw + " issuerOverride", c.issuerOverride());
        case Authorizer.Lambda l -> function(aw, l.function());
      }
    }
    for (Route r : g.routes()) {
      if (r.integration() instanceof Integration.Http http) {
        url(where + " route " + r.key() + " integration url", http.url());
      }
    }
  }

  private void function(String where, LambdaFunction fn) {
    switch (fn) {
      case LambdaFunction.Rules rules -> {
        for (int i = 0; i < rules.rules().size(); i++) {
          LambdaFunction.Rule rule = rules.rules().get(i);
          for (Map.Entry<String, String> m : rule.match().entrySet()) {
            String source = m.getKey().substring(m.getKey().lastIndexOf('.') + 1);
            boolean credential = credentialName(source) || m.getKey().toLowerCase(Locale.ROOT).contains("header.authorization");
            if ((credential || looksSecret(m.getValue())) && literal(m.getValue())) {
              out.add(where + " rule " + (i + 1) + " match " + m.getKey());
            }
          }
        }
      }
      case LambdaFunction.Invoke inv -> {
        if (inv.credentials() != null) {
          credentials(where, inv.credentials());
        }
        url(where + " endpointOverride", inv.endpointOverride());
      }
      case LambdaFunction.Command cmd -> { }
      // a handler's environment: literal settings (TABLE=tenants) are fine to share, credentials by name are not
      case LambdaFunction.Handler h -> h.environment().forEach((name, ref) -> {
        if (credentialName(name)) {
          secret(where + " environment variable " + name, ref);
        }
      });
    }
  }

  private void credentials(String where, CredentialSource source) {
    switch (source) {
      case CredentialSource.StaticKeys s -> {
        secret(where + " secretAccessKey", s.secretAccessKey());
        secret(where + " sessionToken", s.sessionToken());
      }
      case CredentialSource.AssumeRole r -> credentials(where, r.source());
      case CredentialSource.DefaultChain d -> { }
      case CredentialSource.Profile p -> { }
    }
  }

  /** A field that holds a secret by its kind: refused when it, or any variable it names, is a literal. */
  private void secret(String field, SecretRef ref) {
    if (ref != null && ref.isLiteral() && literal(ref.text())) {
      out.add(field);
    }
  }

  private void headers(String where, Map<String, String> headers) {
    headers.forEach((name, value) -> {
      if ((credentialName(name) && literal(value)) || hasJwtResolved(value)) {
        out.add(where + " " + name.strip());
      }
    });
  }

  private void variables(String where, Map<String, String> vars) {
    vars.forEach((name, value) -> {
      if (value == null || value.isEmpty()) {
        return;
      }
      boolean byName = credentialName(name) && !name.toLowerCase(Locale.ROOT).endsWith("url") && literal(value);
      if (byName || hasJwt(value) || userInfo(value) || urlCredentials(value)) {
        out.add(where + " " + name);
      }
    });
  }

  private void parameter(String field, String name, String value) {
    if ((credentialName(name) && literal(value)) || hasJwtResolved(value)) {
      out.add(field);
    }
  }

  private void query(String where, String query) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!value.isEmpty()) {
        parameter(where + " " + name, name, value);
      }
    }
  }

  /** A URL field: refused with {@code user:pass@} or a credential in its query string, after variables. */
  private void url(String field, String url) {
    if (url == null) {
      return;
    }
    for (String resolved : resolutions(url)) {
      if (userInfo(resolved) || urlCredentials(resolved) || hasJwt(resolved)) {
        out.add(field);
        return;
      }
    }
  }

  private void body(String where, String body) {
    if (body == null || body.isBlank()) {
      return;
    }
    try {
      JsonNode tree = Json.mapper().readTree(body);
      if (tree != null && tree.isContainerNode()) {
        json(where, tree);
        return;
      }
    } catch (IOException e) {
      // not JSON: judged as text below
    }
    Matcher m = TEXT_PAIR.matcher(body);
    while (m.find()) {
      parameter(where + " " + m.group(1), m.group(1), decode(m.group(2)));
    }
    if (hasJwtResolved(body)) {
      out.add(where);
    }
  }

  private void json(String where, JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getValue().isValueNode() && !f.getValue().isNull()) {
          parameter(where + " field " + f.getKey(), f.getKey(), f.getValue().asText());
        } else {
          json(where, f.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> {
        if (n.isTextual()) {
          if (hasJwtResolved(n.asText())) {
            out.add(where);
          }
        } else {
          json(where, n);
        }
      });
    }
  }

  /** True when some resolution of {@code text} is a value itself, not a reference or a variable left for run time. */
  private boolean literal(String text) {
    for (String resolved : resolutions(text)) {
      String v = SCHEME.matcher(resolved.strip()).replaceFirst("").strip();
      if (v.isEmpty() || VAR.matcher(v).matches()) {
        continue; // empty, or a variable defined nowhere: the value comes at run time
      }
      if (v.contains("{{")) {
        v = VAR.matcher(v).replaceAll("").strip();
        if (v.isEmpty()) {
          continue;
        }
      }
      if (SecretRef.parse(v).isLiteral()) {
        return true;
      }
    }
    return false;
  }

  /** The text with variables applied, once with the workspace's and once with each environment's; a reference stops there. */
  private List<String> resolutions(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (Map<String, String> scope : scopes) {
      out.add(apply(text, scope, 0));
    }
    return List.copyOf(out);
  }

  private static String apply(String text, Map<String, String> vars, int depth) {
    if (depth > 5 || !text.contains("{{")) {
      return text;
    }
    Matcher m = VAR.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = vars.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(sb);
    String next = sb.toString();
    return next.equals(text) ? next : apply(next, vars, depth + 1);
  }

  private static boolean credentialName(String name) {
    return CredentialNames.isCredential(name);
  }

  private static boolean looksSecret(String value) {
    return hasJwt(value);
  }

  private static boolean hasJwt(String text) {
    return text != null && JWT.matcher(text).find();
  }

  private boolean hasJwtResolved(String text) {
    return text != null && resolutions(text).stream().anyMatch(ExportJudge::hasJwt);
  }

  private static boolean userInfo(String url) {
    try {
      URI uri = URI.create(url.strip());
      return uri.getRawUserInfo() != null && !uri.getRawUserInfo().isEmpty();
    } catch (IllegalArgumentException e) {
      return url.matches("(?i)^[a-z][a-z0-9+.-]*://[^/@\\s]+:[^/@\\s]*@.*");
    }
  }

  private boolean urlCredentials(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return false;
    }
    ExportJudge probe = new ExportJudge(ws);
    probe.query("url", url.substring(q + 1));
    return !probe.out.isEmpty();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
