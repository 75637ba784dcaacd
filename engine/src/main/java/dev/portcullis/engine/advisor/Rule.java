package dev.portcullis.engine.advisor;

/**
 * The advisor's rule catalogue. Ids are stable (SARIF and CI suppressions refer to them); a rule
 * that is retired keeps its id unused. Each rule names the spec section its reasoning rests on.
 */
public enum Rule {
  OPEN_ROUTE("PC101", "open-route-not-public", Severity.HIGH,
      "A route with authorization NONE that nothing marks as public",
      "Anyone on the internet reaches the integration. A route is marked public when a saved request expects an "
          + "anonymous caller to get a 2xx from it (spec/apigw-facts.md §7)."),
  API_KEY_ONLY("PC102", "api-key-only-protection", Severity.HIGH,
      "An API key is the only protection of a route that returns per-tenant data",
      "API keys identify a plan, not a caller: AWS says \"Don't use API keys for authentication or authorization\" "
          + "(spec/apigw-facts.md §6). A key leaks with every request log and is shared by a whole partner."),
  LAMBDA_ONLY_VERIFIES_JWT("PC103", "lambda-verifies-only-a-jwt", Severity.MEDIUM,
      "A Lambda authoriser on an HTTP API that only verifies a bearer JWT",
      "The HTTP API's native JWT authoriser verifies issuer, audience, expiry and scopes for free and adds no "
          + "Lambda latency or cold starts (spec/apigw-facts.md §3, §4.5)."),
  CACHED_METHOD_POLICY("PC104", "cached-method-policy", Severity.HIGH,
      "A cached Lambda policy whose Resource names one method (the cached-policy trap)",
      "\"To enable caching, your authorizer must return a policy that is applicable to all methods across an API\": "
          + "the cached policy is reused for the other methods of the authoriser, which are then denied with 403 "
          + "until the TTL runs out (spec/apigw-facts.md §4.3)."),
  TTL_ZERO_BUSY("PC105", "ttl-zero-on-busy-route", Severity.MEDIUM,
      "A Lambda authoriser with TTL 0 on a busy route",
      "With caching off, every request invokes the function: cost and latency scale with traffic instead of with "
          + "the number of distinct callers (spec/apigw-facts.md §4.3)."),
  CACHE_KEY_PER_REQUEST("PC106", "cache-key-varies-per-request", Severity.MEDIUM,
      "A REQUEST authoriser whose identity sources include a value that changes on every request",
      "The identity sources are the cache key; a per-request value (request id, trace id, date, nonce) makes every "
          + "lookup a miss, so the cache costs a TTL of stale risk and saves nothing (spec/apigw-facts.md §4.1, §4.3)."),
  NO_IDENTITY_SOURCE("PC107", "request-authoriser-without-identity-source", Severity.MEDIUM,
      "A REQUEST authoriser with no identity sources, so nothing is cached",
      "\"To enable caching, your authorizer must have at least one identity source\": without one every request "
          + "invokes the function, and a request without credentials still costs an invocation (spec/apigw-facts.md §4.1, §4.5)."),
  COGNITO_WITHOUT_SCOPES("PC108", "cognito-authoriser-without-scopes", Severity.MEDIUM,
      "A REST Cognito authoriser on a method without scopes, so ID tokens are accepted",
      "Without authorizationScopes API Gateway treats the token as an ID token: any ID token of the pool, of any "
          + "app client, passes, and the access token's scopes are never checked (spec/apigw-facts.md §2)."),
  JWT_MIXED_AUDIENCES("PC109", "jwt-audiences-of-several-clients", Severity.MEDIUM,
      "A JWT authoriser that accepts the audiences of several clients",
      "A valid JWT \"must provide an aud that matches at least one entry\": a token minted for one client opens "
          + "every route of the authoriser, so the routes cannot tell the clients apart (spec/apigw-facts.md §3)."),
  INVOKE_ON_STAR("PC110", "execute-api-invoke-on-star", Severity.HIGH,
      "An identity policy allows execute-api:Invoke on every API",
      "Resource \"*\" lets the principal call every method of every API in the account, present and future; "
          + "name the method ARNs instead (spec/apigw-facts.md §5)."),
  API_KEY_WITHOUT_PLAN("PC111", "api-key-route-without-usage-plan", Severity.MEDIUM,
      "A route requires an API key but the API has no usage plan",
      "A key only works once it is in a usage plan of the same API and stage; until then every request gets "
          + "403 Forbidden (spec/apigw-facts.md §6)."),
  POLICY_DENIES_NOTHING("PC112", "resource-policy-denies-nothing", Severity.LOW,
      "A resource policy that allows everyone and denies nothing",
      "Every statement allows any principal without a condition, so the policy adds no protection; it reads like a "
          + "guard and is not one (spec/apigw-facts.md §5, Table A)."),
  FLAVOUR_MISMATCH("PC113", "feature-of-the-other-flavour", Severity.MEDIUM,
      "A REST feature configured on an HTTP API, or an HTTP feature on a REST API",
      "The feature does not exist on this flavour: the deployment rejects it or silently ignores it, and the route "
          + "is not protected the way the configuration reads (spec/apigw-facts.md §6, §7)."),
  AUTH_ERROR_WITHOUT_CORS("PC114", "auth-error-without-cors-headers", Severity.LOW,
      "A REST API with CORS whose 401/403 gateway responses carry no CORS headers",
      "API Gateway's own errors carry only the headers their gateway response adds, so a browser page that is "
          + "refused sees a CORS error instead of the 401 or 403 and cannot tell an expired token from a network "
          + "fault (spec/apigw-facts.md §1.1; observed in serverless/serverless#3191)."),
  PREFLIGHT_NEEDS_CREDENTIALS("PC115", "cors-preflight-needs-credentials", Severity.MEDIUM,
      "An OPTIONS method behind an authoriser, IAM or an API key, where API Gateway does not answer preflight itself",
      "A browser sends the CORS preflight without the page's credentials (Fetch standard, CORS-preflight request), so "
          + "the OPTIONS method refuses it with 401 or 403 and the browser never sends the real request. SAM does "
          + "this by default: AddDefaultAuthorizerToCorsPreflight and AddApiKeyRequiredToCorsPreflight are true.");

  private final String id;
  private final String slug;
  private final Severity severity;
  private final String title;
  private final String rationale;

  Rule(String id, String slug, Severity severity, String title, String rationale) {
    this.id = id;
    this.slug = slug;
    this.severity = severity;
    this.title = title;
    this.rationale = rationale;
  }

  /** The stable id, e.g. {@code PC104}. */
  public String id() {
    return id;
  }

  /** A readable name, e.g. {@code cached-method-policy}. */
  public String slug() {
    return slug;
  }

  public Severity severity() {
    return severity;
  }

  public String title() {
    return title;
  }

  /** Why it matters, with the spec section. */
  public String rationale() {
    return rationale;
  }
}
