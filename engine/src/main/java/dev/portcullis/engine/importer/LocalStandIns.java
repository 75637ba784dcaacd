package dev.portcullis.engine.importer;

import dev.portcullis.engine.handler.HandlerFunctions;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Expectation;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.UsagePlan;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local world an import needs so that Send and the matrix work at once: for each authoriser a
 * local stand-in (a local Cognito pool the authoriser also trusts, a local OIDC issuer, a rules
 * function that allows one known value), emulator fixtures, and two callers: the suggested one for
 * real AWS (secrets by {@code prompt}, {@code env:} or {@code aws-profile:default}) and a
 * {@code -local} twin that uses the fixtures. Fixture secrets are local-only values.
 */
final class LocalStandIns {
  private static final Pattern COGNITO_ISSUER = Pattern.compile("https://cognito-idp\\.([^/]+)\\.amazonaws\\.com/(.+)");
  private final ImportContext ctx;
  private final List<Emulator.UserPool> pools = new ArrayList<>();
  private final List<Emulator.OidcIssuer> issuers = new ArrayList<>();
  private final List<Emulator.ApiKeyFixture> apiKeys = new ArrayList<>();
  private final List<Emulator.TokenRecipe> tokens = new ArrayList<>();
  private final List<Emulator.AccessKey> accessKeys = new ArrayList<>();
  private final Map<String, Caller> callers = new LinkedHashMap<>();
  /** gateway/authoriser → the local caller that passes it. */
  private final Map<String, String> localCaller = new LinkedHashMap<>();
  /** gateway/authoriser → query parameters its stand-in reads. */
  private final Map<String, Map<String, String>> localQuery = new LinkedHashMap<>();
  private final List<Gateway> gateways = new ArrayList<>();
  private int counter;
  /** gateway/authoriser whose local twin cannot pass (a validation expression no stand-in value meets, an identity source no caller sends). */
  private final Set<String> unpassable = new java.util.HashSet<>();
  /** The identity values the import's Lambda stand-ins allow, one each (see {@link #tokenValue}). */
  private final Set<String> standInValues = new java.util.HashSet<>();

  LocalStandIns(ImportContext ctx) {
    this.ctx = ctx;
    callers.put("anonymous", new Caller.Anonymous("anonymous", "No credential: what an unauthenticated client gets"));
  }

  static Route.AuthorizationType typeOf(ImportedApi api, String authorizer) {
    ImportedAuthorizer a = api.authorizers().stream().filter(x -> x.name().equals(authorizer)).findFirst().orElseThrow();
    return switch (a.kind()) {
      case COGNITO -> api.flavor() == Gateway.Flavor.HTTP ? Route.AuthorizationType.JWT : Route.AuthorizationType.COGNITO_USER_POOLS;
      case JWT -> Route.AuthorizationType.JWT;
      case TOKEN, REQUEST -> Route.AuthorizationType.CUSTOM;
    };
  }

  Authorizer authorizer(String gateway, Gateway.Flavor flavor, ImportedAuthorizer a, List<ImportedRoute> using) {
    Set<String> scopes = new LinkedHashSet<>();
    using.forEach(r -> scopes.addAll(((Protection.ByAuthorizer) r.protection()).scopes()));
    return switch (a.kind()) {
      case COGNITO -> flavor == Gateway.Flavor.HTTP ? jwt(gateway, asJwt(a), scopes)
          : cognito(gateway, a, scopes, using.isEmpty() || using.stream().anyMatch(r -> ((Protection.ByAuthorizer) r.protection()).scopes().isEmpty()));
      case JWT -> jwt(gateway, a, scopes);
      case TOKEN, REQUEST -> lambda(gateway, flavor, a, using.stream().anyMatch(ImportedRoute::apiKeyRequired));
    };
  }

  private ImportedAuthorizer asJwt(ImportedAuthorizer a) {
    String pool = a.pools().get(0);
    String id = pool.substring(pool.lastIndexOf('/') + 1);
    String region = id.contains("_") ? id.substring(0, id.indexOf('_')) : "us-east-1";
    return ImportedAuthorizer.jwt(a.name(), "https://cognito-idp." + region + ".amazonaws.com/" + id, List.of(),
        a.identitySources().isEmpty() ? null : a.identitySources().get(0), a.origin());
  }

  private Authorizer cognito(String gateway, ImportedAuthorizer a, Set<String> scopes, boolean anyWithoutScopes) {
    int n = ++counter;
    String localPool = "us-east-1_Imported" + n;
    String clientId = "importedclient" + n;
    if (a.validationRegex() != null && (!scopes.isEmpty() || !matches(a.validationRegex(), clientId))) {
      // the expression is matched against the token's aud: access tokens have none, and the local client may not match
      unpassable.add(gateway + "/" + a.name());
      ctx.localEmulation("authoriser " + a.name() + ": identityValidationExpression " + a.validationRegex() + " is matched against"
          + " the token's aud, which " + (scopes.isEmpty() ? "the local client id " + clientId + " does not meet"
              : "access tokens (for its scoped routes) do not have") + ", so its local twins are refused (401) and its saved"
          + " requests carry no expectation.");
    }
    Integer ttl = a.ttlSeconds();
    if (ttl != null && (ttl < 0 || ttl > 3600)) {
      ctx.leftOut("authoriser " + a.name() + " TTL", ttl + " s is outside API Gateway's 0..3600, so it was not kept");
      ttl = null;
    }
    String user = "tester" + n;
    addPool(localPool, clientId, user, scopes);
    List<String> trusted = new ArrayList<>(a.pools());
    trusted.add(localPool);
    String source = a.identitySources().isEmpty() ? null : a.identitySources().get(0);
    Caller.TokenUse use = scopes.isEmpty() ? Caller.TokenUse.ID : Caller.TokenUse.ACCESS;
    String realPool = a.pools().get(0).substring(a.pools().get(0).lastIndexOf('/') + 1);
    suggest(new Caller.CognitoUser(a.name() + "-user", "Suggested: a user of " + a.pools().get(0) + " on AWS; set its client id and username",
        realPool, ctx.variable(a.name() + ".clientId", "the app client id of authoriser " + a.name() + "'s pool (not in the source)", null),
        null, ctx.variable(a.name() + ".username", "a user of authoriser " + a.name() + "'s pool", null), new SecretRef.Prompt("password"),
        Caller.CognitoFlow.USER_SRP_AUTH, use, null, null));
    // REST Cognito authorisers want an ID token on methods without scopes and an access token on methods with them
    if (anyWithoutScopes) {
      twin(gateway, a.name(), tokenTwin(a.name(), a.name() + "-local", source, localPool, clientId, user, Caller.TokenUse.ID, scopes));
    }
    if (!scopes.isEmpty()) {
      twin(gateway, a.name() + "#access", tokenTwin(a.name(), a.name() + (anyWithoutScopes ? "-access-local" : "-local"), source,
          localPool, clientId, user, Caller.TokenUse.ACCESS, scopes));
    }
    ctx.localEmulation("authoriser " + a.name() + ": also trusts the local pool " + localPool + " (user " + user
        + ", client " + clientId + (scopes.isEmpty() ? "" : ", group adding scopes " + scopes) + "), so caller " + a.name()
        + "-local passes it on the local gateway; the real pool(s) stay listed for AWS.");
    return new Authorizer.Cognito(a.name(), trusted, source, "{{idpBaseUrl}}/" + localPool, a.validationRegex(), ttl);
  }

  private Authorizer jwt(String gateway, ImportedAuthorizer a, Set<String> scopes) {
    String source = a.identitySources().isEmpty() ? null : a.identitySources().get(0);
    Matcher m = COGNITO_ISSUER.matcher(a.issuer());
    int n = ++counter;
    List<String> audiences = a.audiences();
    String clientId = audiences.isEmpty() ? "importedclient" + n : localValue(audiences.get(0), "importedclient" + n);
    if (audiences.stream().anyMatch(x -> x.contains("{{"))) {
      // a JWT authoriser compares audiences literally: an unresolved one is replaced by the local client id, and said so
      ctx.localEmulation("authoriser " + a.name() + ": audience " + audiences + " is not given by the source; the local client id "
          + clientId + " stands in for it. Put the real audience in the workspace before predicting AWS answers.");
      audiences = audiences.stream().map(x -> x.contains("{{") ? clientId : x).distinct().toList();
    }
    if (m.matches()) {
      String poolPart = m.group(2);
      String localPool = poolPart.matches("[\\w-]+_[0-9a-zA-Z]+") ? poolPart : localValue(poolPart, "us-east-1_Imported" + n);
      String user = "tester" + n;
      addPool(localPool, clientId, user, scopes);
      Caller.TokenUse use = scopes.isEmpty() ? Caller.TokenUse.ID : Caller.TokenUse.ACCESS;
      suggest(new Caller.CognitoUser(a.name() + "-user", "Suggested: a user of the pool behind " + a.issuer() + " on AWS",
          poolPart, audiences.isEmpty() ? ctx.variable(a.name() + ".clientId", "the app client of authoriser " + a.name(), null) : audiences.get(0),
          null, ctx.variable(a.name() + ".username", "a user of authoriser " + a.name() + "'s pool", null), new SecretRef.Prompt("password"),
          Caller.CognitoFlow.USER_SRP_AUTH, use, null, null));
      twin(gateway, a.name(), tokenTwin(a.name(), a.name() + "-local", source, localPool, clientId, user, use, scopes));
      ctx.localEmulation("authoriser " + a.name() + ": issuer " + a.issuer() + " is a Cognito pool; it is written {{idpBaseUrl}}/"
          + poolPart + " so the local pool " + localPool + " answers locally and the aws environment's idpBaseUrl points at Cognito.");
      return new Authorizer.Jwt(a.name(), "{{idpBaseUrl}}/" + poolPart, audiences, source);
    }
    String issuerName = WorkspaceAssembler.slug(a.name());
    String localClient = issuerName + "-local";
    String audience = audiences.isEmpty() ? null : clientIdFor(audiences.get(0));
    issuers.add(new Emulator.OidcIssuer(issuerName, List.of(new Emulator.OidcClientFixture(localClient, "local-only-" + localClient + "-secret",
        List.of("client_secret_basic", "client_secret_post"), audience, List.copyOf(scopes), Map.of(), null))));
    suggest(new Caller.OidcClient(a.name() + "-client", "Suggested: a client of " + a.issuer() + " on AWS (client credentials)",
        a.issuer(), ctx.variable(a.name() + ".clientId", "the OAuth client id for authoriser " + a.name(), null),
        new SecretRef.Env(envName(a.name()) + "_CLIENT_SECRET"), Caller.ClientAuth.CLIENT_SECRET_BASIC, null, List.copyOf(scopes), audience));
    Caller twin = new Caller.OidcClient(a.name() + "-local", "Local twin: a client of the local issuer standing in for " + a.issuer(),
        "{{idpBaseUrl}}/oidc/" + issuerName, localClient, new SecretRef.Local("clients/" + localClient), Caller.ClientAuth.CLIENT_SECRET_BASIC,
        null, List.copyOf(scopes), audience);
    twin(gateway, a.name(), twin);
    ctx.localEmulation("authoriser " + a.name() + ": its issuer " + a.issuer() + " cannot mint tokens locally, so the workspace points it at the"
        + " local issuer {{idpBaseUrl}}/oidc/" + issuerName + " (client " + localClient + "); set the issuer back to " + a.issuer()
        + " before predicting real AWS answers.");
    return new Authorizer.Jwt(a.name(), "{{idpBaseUrl}}/oidc/" + issuerName, audiences, source);
  }

  private Authorizer lambda(String gateway, Gateway.Flavor flavor, ImportedAuthorizer a, boolean withKeys) {
    boolean http = flavor == Gateway.Flavor.HTTP;
    // Routes that also need an API key get the gateway's local partner key (made in register) as the twin's x-api-key.
    String keyRef = withKeys && !http ? "local:api-keys/" + gateway + "-partner" : null;
    String fixture = WorkspaceAssembler.slug(a.name()) + "-token";
    String value = tokenValue(a.validationRegex(), a.name());
    boolean passable = a.validationRegex() == null || matches(a.validationRegex(), value);
    for (String src : a.identitySources()) {
      if (!src.contains("request.header.") && !src.contains("request.querystring.")) {
        passable = false;
        ctx.localEmulation("authoriser " + a.name() + ": identity source " + src + " cannot be sent by a caller, so its local twin is refused"
            + " (401) until the value exists; its saved requests carry no expectation.");
      }
    }
    if (!passable) {
      unpassable.add(gateway + "/" + a.name());
    }
    apiKeys.add(new Emulator.ApiKeyFixture(fixture, "stand-in identity value for authoriser " + a.name(), value, true, List.of()));
    Map<String, String> match = new TreeMap<>();
    Map<String, String> headers = new TreeMap<>();
    Map<String, String> query = new TreeMap<>();
    List<String> sources = a.identitySources().stream().map(s -> http ? s : s.replace("$request.header.", "method.request.header.")
        .replace("$request.querystring.", "method.request.querystring.")).toList();
    if (!sources.equals(a.identitySources())) {
      ctx.leftOut("authoriser " + a.name() + " identity sources", "written in HTTP API syntax ($request.header.X) on a REST API; read as method.request.header.X");
    }
    for (String s : sources) {
      match.put(s, "local:api-keys/" + fixture);
      int h = s.indexOf("request.header.");
      int q = s.indexOf("request.querystring.");
      if (h >= 0 && s.substring(h + "request.header.".length()).equalsIgnoreCase("x-api-key")) {
        if (keyRef != null) {
          match.put(s, keyRef);
        }
        continue; // the twin's own API key header carries it
      } else if (h >= 0) {
        headers.put(s.substring(h + "request.header.".length()), "local:api-keys/" + fixture);
      } else if (q >= 0) {
        query.put(s.substring(q + "request.querystring.".length()), value);
      }
    }
    String header = headers.isEmpty() ? "Authorization" : headers.keySet().iterator().next();
    // An API-key caller sends its headers as they are (no "Bearer " prefix), which a TOKEN stand-in compares whole.
    Caller twin = new Caller.ApiKey(a.name() + "-local", "Local twin: sends the identity values the stand-in for authoriser " + a.name()
        + " allows" + (keyRef == null ? "" : ", with the local partner key"), SecretRef.parse(keyRef == null ? "local:api-keys/" + fixture : keyRef), headers);
    twin(gateway, a.name(), twin);
    localQuery.put(gateway + "/" + a.name(), query);
    suggest(new Caller.CustomToken(a.name() + "-token", "Suggested: a token your authoriser function accepts, from the environment",
        new SecretRef.Env(envName(a.name()) + "_TOKEN"), header, null));
    int ttl = a.ttlSeconds() == null ? (http ? 0 : 300) : a.ttlSeconds();
    if (ttl < 0 || ttl > 3600) {
      ctx.leftOut("authoriser " + a.name() + " TTL", ttl + " s is outside API Gateway's 0..3600; 300 is used");
      ttl = 300;
    }
    String payload = http ? (a.payloadFormat() == null ? "2.0" : a.payloadFormat().startsWith("1") ? "1.0" : "2.0") : null;
    Authorizer.LambdaType type = a.kind() == ImportedAuthorizer.Kind.TOKEN && !http ? Authorizer.LambdaType.TOKEN
        : Authorizer.LambdaType.REQUEST;
    String function = a.functionUri() == null ? "(not named)" : a.functionUri();
    if (a.code() instanceof HandlerFunctions.Mapped code) {
      LambdaFunction.Handler h = code.function();
      // the user's handler decides, so no expectation can be written for the twin's stand-in value
      unpassable.add(gateway + "/" + a.name());
      ctx.mapped("authoriser " + a.name() + " function", "runs your handler " + h.handler() + " (" + h.runtime() + ") from "
          + h.codeUri() + " on the local gateway, timeout " + h.timeoutSeconds() + " s, memory " + h.memoryMb() + " MB");
      code.notes().forEach(n -> ctx.localEmulation("authoriser " + a.name() + ": " + n + "."));
      ctx.localEmulation("authoriser " + a.name() + ": runs your handler code locally once the workspace is trusted; its local"
          + " twin sends the value of fixture " + fixture + ", so its saved requests carry no expectation (your handler decides).");
      return new Authorizer.Lambda(a.name(), type, sources, a.validationRegex(), ttl, payload, http && a.simpleResponses(), h);
    }
    String why = a.code() instanceof HandlerFunctions.NotMapped n ? n.reason()
        : "the source does not define it (only its ARN or name), so there is no code to run";
    var rule = new LambdaFunction.Rule("local stand-in for " + (a.functionUri() == null ? "the authoriser function" : a.functionUri())
        + ": allows the " + a.name() + "-local caller's value", match, LambdaFunction.Rule.Effect.ALLOW, "imported-local", Map.of(),
        LambdaFunction.Rule.ResourceScope.API, null);
    ctx.localEmulation("authoriser " + a.name() + ": the function " + function + " does not run locally (" + why + "); a rules"
        + " stand-in allows the value of fixture " + fixture + " and refuses anything else (401). To run the real code, change its"
        + " function to kind handler (your code folder), command or invoke.");
    return new Authorizer.Lambda(a.name(), type, sources, a.validationRegex(), ttl, payload, http && a.simpleResponses(),
        new LambdaFunction.Rules(List.of(rule), LambdaFunction.Rule.Effect.UNAUTHORIZED));
  }

  private static boolean matches(String regex, String value) {
    try {
      return Pattern.compile(regex).matcher(value).matches();
    } catch (java.util.regex.PatternSyntaxException e) {
      return false;
    }
  }

  /**
   * A value the authoriser's validation expression accepts (a TOKEN authoriser refuses others before its function), and no
   * other stand-in of this import was given: each stand-in allows its own twin's value only, so a twin that passes a
   * route's authoriser is the one made for it (two stand-ins with one value let each twin pass both).
   */
  private String tokenValue(String regex, String authorizer) {
    // a literal expression (mycustomauthexpression, ^abc$) is its own match
    String literal = regex == null ? null : regex.replaceAll("^\\^|\\$$", "");
    List<String> bases = regex == null ? List.of("allow-local-caller")
        : List.of("allow-local-caller", "Bearer allow-local-caller", "allowlocal", "x-allowlocal", "Allow", "allow123", literal);
    String slug = WorkspaceAssembler.slug(authorizer);
    String letters = slug.replaceAll("[^a-z]", "");
    Pattern p;
    try {
      p = regex == null ? null : Pattern.compile(regex);
    } catch (java.util.regex.PatternSyntaxException e) {
      return bases.get(0);
    }
    // the plain values first (an import's first stand-in keeps the value it always had), then each with the authoriser's name
    List<String> values = new ArrayList<>(bases);
    bases.forEach(base -> values.addAll(List.of(base + "-" + slug, base + letters)));
    String shared = null;
    for (String value : values) {
      if (p == null || p.matcher(value).matches()) {
        if (standInValues.add(value)) {
          return value;
        }
        shared = shared == null ? value : shared;
      }
    }
    if (shared != null) {
      ctx.localEmulation("authoriser " + authorizer + ": its validation expression " + regex + " allows no value another stand-in"
          + " does not already use, so its local twin's value " + shared + " also passes that stand-in.");
      return shared;
    }
    ctx.localEmulation("validation expression " + regex + ": no stand-in value matches it; edit the fixture so the local caller passes.");
    return bases.get(0);
  }

  private Caller tokenTwin(String auth, String callerName, String source, String pool, String clientId, String user, Caller.TokenUse use, Set<String> scopes) {
    String header = source == null ? "authorization" : source.replaceAll(".*header\\.", "");
    if (header.equalsIgnoreCase("Authorization")) {
      return new Caller.CognitoUser(callerName, "Local twin: a user of the local pool " + pool, pool, clientId, null, user,
          new SecretRef.Local("users/" + user), Caller.CognitoFlow.USER_SRP_AUTH, use, "{{idpBaseUrl}}", null);
    }
    Map<String, Object> claims = new TreeMap<>();
    claims.put("token_use", use == Caller.TokenUse.ID ? "id" : "access");
    claims.put("cognito:username", user);
    if (use == Caller.TokenUse.ACCESS) {
      claims.put("client_id", clientId);
      claims.put("scope", String.join(" ", scopes));
    }
    String recipe = WorkspaceAssembler.slug(callerName) + "-token";
    tokens.add(new Emulator.TokenRecipe(recipe, pool, use == Caller.TokenUse.ID ? clientId : null, claims, 3600, "jwks"));
    return new Caller.CustomToken(callerName, "Local twin: a token of the local pool " + pool + " in header " + header,
        new SecretRef.Local("tokens/" + recipe), header, null);
  }

  private void addPool(String id, String clientId, String user, Set<String> scopes) {
    List<Emulator.Group> groups = scopes.isEmpty() ? List.of() : List.of(new Emulator.Group("imported-scopes", "Adds the scopes the imported routes ask for", List.copyOf(scopes)));
    pools.add(new Emulator.UserPool(id, List.of(new Emulator.AppClient(clientId, "imported", null,
        List.of("USER_SRP_AUTH", "USER_PASSWORD_AUTH", "REFRESH_TOKEN_AUTH"), List.copyOf(scopes), 60, 60, 30)), groups,
        List.of(new Emulator.User(user, null, "Local#" + user + "-only", user + "@example.com", "CONFIRMED",
            scopes.isEmpty() ? List.of() : List.of("imported-scopes"), null, Map.of())), List.of()));
  }

  /** The local value of a {@code {{variable}}}, set to {@code fallback}; a literal is its own value. */
  private String localValue(String text, String fallback) {
    Matcher m = Pattern.compile("\\{\\{([^}]+)}}").matcher(text);
    if (m.matches()) {
      ctx.setLocalValue(m.group(1), fallback);
      return fallback;
    }
    return text.contains("{{") ? fallback : text;
  }

  private String clientIdFor(String audience) {
    return audience.contains("{{") ? localValue(audience, "imported-audience") : audience;
  }

  private void suggest(Caller c) {
    callers.putIfAbsent(c.name(), c);
  }

  private void twin(String gateway, String authorizer, Caller c) {
    callers.putIfAbsent(c.name(), c);
    localCaller.put(gateway + "/" + authorizer, c.name());
  }

  private static String envName(String s) {
    return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
  }

  Gateway register(Gateway g) {
    Gateway withPlans = g;
    boolean keys = g.routes().stream().anyMatch(Route::apiKeyRequired);
    if (keys) {
      List<UsagePlan> plans = g.usagePlans();
      if (plans.isEmpty()) {
        plans = List.of(new UsagePlan("imported-local", null, null, Map.of()));
        ctx.localEmulation(g.name() + ": routes require an API key and the source names no usage plan of this API, so a local plan"
            + " 'imported-local' without limits holds the local partner key.");
        withPlans = new Gateway(g.name(), g.flavor(), g.region(), g.accountId(), g.apiId(), g.stage(), g.baseUrl(), g.localPort(),
            g.apiKeySource(), g.routes(), g.authorizers(), plans, g.resourcePolicy());
      }
      String id = g.name() + "-partner";
      apiKeys.add(new Emulator.ApiKeyFixture(id, "local partner key of " + g.name(), "local-" + id + "-key-0000000000", true,
          plans.stream().map(p -> g.name() + "/" + p.name()).toList()));
      suggest(new Caller.ApiKey(id, "Suggested: an API key of " + g.name() + " on AWS, from the environment",
          new SecretRef.Env(envName(g.name()) + "_API_KEY"), Map.of()));
      twin(g.name(), "#apikey", new Caller.ApiKey(id + "-local", "Local twin: the local key in " + plans.get(0).name(),
          new SecretRef.Local("api-keys/" + id), Map.of()));
    }
    if (g.routes().stream().anyMatch(r -> r.authorization() == Route.AuthorizationType.AWS_IAM) && !callers.containsKey("iam-local")) {
      String keyId = "AKIAIMPORTEDLOCAL001";
      accessKeys.add(new Emulator.AccessKey(keyId, "localonly/imported/00000000000000000000000000",
          "arn:aws:iam::123456789012:user/imported-local", List.of(PolicyDocument.of(new PolicyDocument.PolicyStatement("ImportedLocalInvoke",
              PolicyDocument.Effect.Allow, null, List.of("execute-api:Invoke"), null, List.of("*"), null, null)))));
      suggest(new Caller.Iam("iam-caller", "Suggested: your AWS credentials (profile default) signing with SigV4",
          new CredentialSource.Profile("default"), null));
      callers.put("iam-local", new Caller.Iam("iam-local", "Local twin: a local access key allowed execute-api:Invoke on everything",
          new CredentialSource.StaticKeys(keyId, new SecretRef.Local("access-keys/" + keyId), null), null));
    }
    gateways.add(withPlans);
    return withPlans;
  }

  /** The workspace with callers, one saved request per route, folders and the emulator section. */
  Workspace complete(Workspace ws) {
    List<SavedRequest> requests = new ArrayList<>();
    List<Workspace.Folder> folders = new ArrayList<>();
    for (Gateway g : gateways) {
      folders.add(new Workspace.Folder(g.name(), null, "One request per route of " + g.name()));
      for (Route r : g.routes()) {
        requests.add(request(g, r));
      }
    }
    boolean fixtures = !(pools.isEmpty() && issuers.isEmpty() && accessKeys.isEmpty() && apiKeys.isEmpty());
    Emulator emulator = new Emulator(true, "imported", null, pools, issuers, accessKeys, apiKeys, tokens);
    if (fixtures) {
      ctx.localEmulation("the emulator section holds local-only fixtures (users, clients, keys) for the -local callers; run the matrix"
          + " on the local gateway with --callers anonymous," + String.join(",", callers.keySet().stream().filter(n -> n.endsWith("-local")).toList())
          + "; the other callers are for real AWS (--aws aws) once their variables and secrets are set.");
    }
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), "anonymous", gateways,
        List.copyOf(callers.values()), folders, requests, ws.environments(), emulator);
  }

  private SavedRequest request(Gateway g, Route r) {
    String method = r.method().equals("ANY") || r.method().equals("$default") ? "GET" : r.method();
    String path = r.path().equals("$default") ? "/" : r.path().replaceAll("\\{([^}+]+)\\+}", "example").replaceAll("\\{([^}]+)}", "example-$1");
    String caller = null;
    Map<String, String> query = Map.of();
    Expectation expect = null;
    if (r.authorization() == Route.AuthorizationType.AWS_IAM) {
      caller = "iam-local";
    } else if (r.authorizer() != null && localCaller.containsKey(g.name() + "/" + r.authorizer() + (r.scopes().isEmpty() ? "" : "#access"))) {
      caller = localCaller.get(g.name() + "/" + r.authorizer() + (r.scopes().isEmpty() ? "" : "#access"));
      query = localQuery.getOrDefault(g.name() + "/" + r.authorizer(), Map.of());
    } else if (r.authorizer() != null && localCaller.containsKey(g.name() + "/" + r.authorizer())) {
      caller = localCaller.get(g.name() + "/" + r.authorizer());
      query = localQuery.getOrDefault(g.name() + "/" + r.authorizer(), Map.of());
    } else if (r.authorizer() == null && r.apiKeyRequired()) {
      caller = localCaller.get(g.name() + "/#apikey");
    }
    boolean keyMismatch = r.apiKeyRequired() && caller != null && !(callers.get(caller) instanceof Caller.ApiKey k
        && k.apiKey().text().equals("local:api-keys/" + g.name() + "-partner"));
    if (WorkspaceAssembler.UNREADABLE.equals(r.authorizer())) {
      caller = null;
    } else if (g.resourcePolicy() != null) {
      // the policy decides (source VPC endpoints, IP ranges, principals) and a local request meets few of its conditions
      ctx.localEmulation(g.name() + ": has a resource policy, which the local gateway enforces; its saved requests carry no"
          + " expectation, since the policy's conditions (VPC endpoint, source IP, principal) decide.");
    } else if (caller != null && !keyMismatch && !unpassable.contains(g.name() + "/" + r.authorizer())) {
      expect = new Expectation(200, null, null, null, null);
    }
    return new SavedRequest(g.name() + " " + r.key(), g.name(), "Imported route " + r.key(), g.name(), method, path, query, Map.of(), null,
        caller, Map.of(), null, expect);
  }
}
