package dev.portcullis.engine.advisor;

import dev.portcullis.engine.advisor.RouteFilters.BlastRadius;
import dev.portcullis.engine.advisor.RouteFilters.Coupling;
import dev.portcullis.engine.advisor.RouteFilters.HotPath;
import dev.portcullis.engine.advisor.RouteFilters.IdentitySource;
import dev.portcullis.engine.advisor.RouteFilters.Propagation;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** Computes the five filters of each route from the workspace alone (no network). */
final class FilterTable {
  static final List<String> REST_MECHANISMS = List.of("AWS_IAM", "COGNITO_USER_POOLS", "Lambda TOKEN", "Lambda REQUEST",
      "API key + usage plan", "resource policy", "NONE");
  static final List<String> HTTP_MECHANISMS = List.of("AWS_IAM", "JWT", "Lambda REQUEST (payload 1.0/2.0, simple responses)", "NONE");

  private final Workspace ws;

  FilterTable(Workspace ws) {
    this.ws = ws;
  }

  List<RouteFilters> all() {
    List<RouteFilters> rows = new ArrayList<>();
    for (Gateway g : ws.gateways()) {
      for (Route r : g.routes()) {
        rows.add(of(g, r));
      }
    }
    return rows;
  }

  RouteFilters of(Gateway g, Route r) {
    RouteRef ref = new RouteRef(g.name(), r.key());
    Optional<Authorizer> auth = Optional.ofNullable(r.authorizer()).flatMap(g::authorizer);
    List<String> available = g.flavor() == Flavor.REST ? REST_MECHANISMS : HTTP_MECHANISMS;
    boolean keyed = r.apiKeyRequired();
    String keySuffix = keyed ? " + API key" : "";
    return switch (r.authorization()) {
      case NONE -> keyed
          ? new RouteFilters(ref, g.flavor(), "API key only", IdentitySource.API_KEY, "x-api-key header (" + g.apiKeySource() + ")",
              native_("API key lookup and usage-plan check inside API Gateway"), Coupling.NONE, "API Gateway's own keys",
              new Propagation(Propagation.Kind.NOTHING, List.of("identity.apiKey", "identity.apiKeyId"), "only the key and its id"),
              available, g.flavor() == Flavor.REST, keyBlast(), List.of())
          : new RouteFilters(ref, g.flavor(), "NONE", IdentitySource.NONE, "no credential",
              new HotPath(HotPath.Kind.NOTHING, List.of(), 0, false, "nothing to check"), Coupling.NONE, "nothing",
              new Propagation(Propagation.Kind.NOTHING, List.of(), "nothing"), available, true,
              new BlastRadius(BlastRadius.Kind.NONE, "no credential to leak", "nothing to revoke: the route is open"), List.of());
      case AWS_IAM -> new RouteFilters(ref, g.flavor(), "AWS_IAM" + keySuffix, IdentitySource.SIGV4,
          "IAM credentials sign each request (no bearer token on the wire)",
          native_("SigV4 verification and policy evaluation inside API Gateway"), Coupling.IAM, "callers need AWS credentials of this or a trusted account",
          new Propagation(Propagation.Kind.PRINCIPAL, g.flavor() == Flavor.REST
              ? List.of("identity.userArn", "identity.accountId", "identity.accessKey", "identity.caller")
              : List.of("authorizer.iam.userArn", "authorizer.iam.accountId", "authorizer.iam.accessKey", "authorizer.iam.callerId"),
              "the principal: " + (g.flavor() == Flavor.REST ? "identity.userArn, accountId, accessKey, caller" : "authorizer.iam.userArn, accountId, accessKey, callerId")),
          available, true,
          new BlastRadius(BlastRadius.Kind.SIGNATURE, "a signed request replays for 5 minutes; role sessions last 15 min to 12 h",
              "deactivate the access key, or deny sessions issued before now (aws:TokenIssueTime); a request signature "
                  + "proves the key without revealing it"),
          List.of("AWS IAM / STS (callers' credentials)"));
      case COGNITO_USER_POOLS -> cognito(ref, g, r, auth, available, keySuffix);
      case JWT -> jwt(ref, g, r, auth, available, keySuffix);
      case CUSTOM -> lambda(ref, g, r, auth, available, keySuffix);
    };
  }

  private static HotPath native_(String text) {
    return new HotPath(HotPath.Kind.NATIVE, List.of(), 0, false, "native: " + text);
  }

  private static BlastRadius keyBlast() {
    return new BlastRadius(BlastRadius.Kind.SHARED_KEY, "until the key is disabled or deleted",
        "disable the key or take it out of the usage plan; every client of the partner shares it");
  }

  private RouteFilters cognito(RouteRef ref, Gateway g, Route r, Optional<Authorizer> auth, List<String> available, String keySuffix) {
    List<String> pools = auth.filter(a -> a instanceof Authorizer.Cognito).map(a -> ((Authorizer.Cognito) a).userPools()).orElse(List.of());
    String which = r.scopes().isEmpty() ? "ID token (no scopes on the method)" : "access token with any of " + r.scopes();
    return new RouteFilters(ref, g.flavor(), "COGNITO_USER_POOLS" + keySuffix, IdentitySource.COGNITO_TOKEN,
        which + " from " + (pools.isEmpty() ? "an unnamed pool" : String.join(", ", pools)),
        native_("token verified against the pool's JWKS inside API Gateway"), Coupling.COGNITO, "pool " + String.join(", ", pools),
        claims(List.of("sub", "cognito:groups", "cognito:username", "scope", "token_use")), available, g.flavor() == Flavor.REST,
        new BlastRadius(BlastRadius.Kind.BEARER, lifetime(pools),
            "revoking the refresh token (RevokeToken, GlobalSignOut) stops new tokens; issued ID and access tokens work until exp"),
        pools.stream().map(p -> "Cognito user pool " + p).toList());
  }

  private RouteFilters jwt(RouteRef ref, Gateway g, Route r, Optional<Authorizer> auth, List<String> available, String keySuffix) {
    Authorizer.Jwt jwt = auth.filter(a -> a instanceof Authorizer.Jwt).map(a -> (Authorizer.Jwt) a).orElse(null);
    String issuer = jwt == null ? "an unnamed issuer" : jwt.issuer();
    // told apart by the issuer as the workspace's own variables resolve it ({{bankIssuer}}, {{idpBaseUrl}}/{{mobilePoolId}})
    String resolved = Issuers.resolved(issuer, ws);
    boolean cognito = Issuers.isCognito(resolved, ws.emulator());
    List<String> keys = new ArrayList<>(List.of("sub", "iss", "aud / client_id", "scope"));
    keys.addAll(Issuers.localClaims(resolved, ws.emulator()));
    return new RouteFilters(ref, g.flavor(), "JWT" + keySuffix, cognito ? IdentitySource.COGNITO_TOKEN : IdentitySource.OIDC_JWT,
        "bearer JWT from " + issuer + (jwt == null ? "" : ", audience " + jwt.audiences())
            + (r.scopes().isEmpty() ? ", no scopes" : ", any of scopes " + r.scopes()),
        native_("signature, iss, aud, exp and scopes checked inside API Gateway; keys from the issuer's JWKS"),
        cognito ? Coupling.COGNITO : Coupling.OIDC_ISSUER, (cognito ? "the issuer is Cognito pool " + Issuers.poolId(resolved) + ": " : "issuer ") + issuer,
        claims(keys), available, g.flavor() == Flavor.HTTP,
        new BlastRadius(BlastRadius.Kind.BEARER, cognito ? lifetime(List.of(Issuers.poolId(resolved))) : "until the token's exp (the issuer's setting)",
            "none at the gateway: a leaked token works until exp; rotating the issuer's signing key revokes every token at once"),
        List.of("issuer " + issuer + (resolved.equals(issuer) ? "" : " = " + resolved) + " (discovery and JWKS, 1500 ms timeout)"));
  }

  private RouteFilters lambda(RouteRef ref, Gateway g, Route r, Optional<Authorizer> auth, List<String> available, String keySuffix) {
    Authorizer.Lambda fn = auth.filter(a -> a instanceof Authorizer.Lambda).map(a -> (Authorizer.Lambda) a).orElse(null);
    if (fn == null) {
      return new RouteFilters(ref, g.flavor(), "CUSTOM (authoriser missing)" + keySuffix, IdentitySource.CUSTOM, "unknown",
          new HotPath(HotPath.Kind.LAMBDA_PER_REQUEST, List.of(), 0, false, "unknown authoriser '" + r.authorizer() + "'"),
          Coupling.FREEFORM, "freeform", new Propagation(Propagation.Kind.CONTEXT, List.of(), "unknown"), available, true,
          new BlastRadius(BlastRadius.Kind.BEARER, "unknown", "unknown"), List.of("Lambda authoriser '" + r.authorizer() + "'"));
    }
    HotPath hot = hotPath(fn, g.flavor());
    TreeSet<String> keys = new TreeSet<>();
    keys.add("principalId");
    boolean known = fn.function() instanceof LambdaFunction.Rules;
    if (fn.function() instanceof LambdaFunction.Rules rules) {
      rules.rules().forEach(rule -> keys.addAll(rule.context().keySet()));
    }
    String reads = fn.eventType() == Authorizer.LambdaType.TOKEN ? "the token header " + fn.identitySources()
        : fn.identitySources().isEmpty() ? "the whole request (no identity sources)" : String.join(", ", fn.identitySources());
    List<String> outage = new ArrayList<>(List.of("Lambda function of '" + fn.name() + "'" + (known ? "" : " and whatever it calls")));
    if (r.apiKeyRequired()) {
      reads = reads + ", and API Gateway checks the API key";
    }
    return new RouteFilters(ref, g.flavor(), "Lambda " + fn.eventType() + keySuffix, r.apiKeyRequired() ? IdentitySource.API_KEY : IdentitySource.CUSTOM,
        "the function reads " + reads, hot, Coupling.FREEFORM, "whatever the function checks",
        new Propagation(Propagation.Kind.CONTEXT, List.copyOf(keys), known ? "context map " + keys : "context map (keys set by the function's code)"),
        available, g.flavor() == Flavor.REST || fn.eventType() == Authorizer.LambdaType.REQUEST,
        new BlastRadius(r.apiKeyRequired() ? BlastRadius.Kind.SHARED_KEY : BlastRadius.Kind.BEARER,
            r.apiKeyRequired() ? "until the key is disabled" : "whatever the function accepts",
            "the function's own check (a revocation list" + (known ? " in its rules" : "") + "), effective "
                + (hot.ttlSeconds() > 0 && hot.cacheEffective() ? "after up to " + hot.ttlSeconds() + " s (cached results)" : "at once (no cache)")),
        outage);
  }

  static HotPath hotPath(Authorizer.Lambda fn, Flavor flavor) {
    List<String> key = fn.identitySources();
    boolean perRequest = key.stream().anyMatch(FilterTable::variesPerRequest);
    boolean cached = fn.ttlSeconds() > 0 && !key.isEmpty();
    if (!cached) {
      String why = fn.ttlSeconds() == 0 ? "TTL 0" : "no identity sources, so no cache key";
      return new HotPath(HotPath.Kind.LAMBDA_PER_REQUEST, key, 0, false, "a Lambda invocation per request (" + why + ")");
    }
    if (perRequest) {
      return new HotPath(HotPath.Kind.LAMBDA_PER_REQUEST, key, fn.ttlSeconds(), false,
          "a Lambda invocation per request: the cache key " + key + " changes on every request");
    }
    return new HotPath(HotPath.Kind.LAMBDA_CACHED, key, fn.ttlSeconds(), true,
        "a Lambda invocation per distinct " + key + " per " + fn.ttlSeconds() + " s, then cached");
  }

  /** Identity-source values that differ on every request, so a cache keyed on them never hits. */
  static boolean variesPerRequest(String identitySource) {
    String s = identitySource.toLowerCase(Locale.ROOT);
    String name = s.substring(s.lastIndexOf('.') + 1);
    return name.equals("requestid") || name.equals("x-request-id") || name.equals("x-amzn-trace-id") || name.equals("traceparent")
        || name.equals("x-correlation-id") || name.equals("date") || name.equals("x-amz-date") || name.contains("nonce")
        || name.contains("timestamp") || name.equals("requesttime") || name.equals("requesttimeepoch")
        || name.equals("idempotency-key") || name.equals("x-amzn-requestid");
  }

  private static Propagation claims(List<String> keys) {
    return new Propagation(Propagation.Kind.CLAIMS, keys, "the token's claims (as strings), e.g. " + String.join(", ", keys));
  }

  private String lifetime(List<String> pools) {
    for (Emulator.UserPool pool : ws.emulator().userPools()) {
      if (pools.stream().anyMatch(p -> p.equals(pool.id()) || p.endsWith("/" + pool.id()))) {
        int id = pool.clients().stream().mapToInt(Emulator.AppClient::idTokenMinutes).max().orElse(60);
        int access = pool.clients().stream().mapToInt(Emulator.AppClient::accessTokenMinutes).max().orElse(60);
        return "ID token up to " + id + " min, access token up to " + access + " min (local pool " + pool.id() + ")";
      }
    }
    return "ID and access tokens 5 min to 1 day (Cognito default 1 h)";
  }
}
