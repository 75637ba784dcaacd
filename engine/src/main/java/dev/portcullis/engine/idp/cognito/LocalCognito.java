package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.idp.http.Exchanges;
import dev.portcullis.engine.idp.http.IdpContext;
import dev.portcullis.engine.idp.keys.KeyRing;
import dev.portcullis.engine.model.Emulator.AppClient;
import dev.portcullis.engine.model.Emulator.UserPool;
import dev.portcullis.engine.serve.Exchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local Cognito user pools: the Cognito Identity Provider JSON protocol (spec §9.1) for
 * InitiateAuth, RespondToAuthChallenge, GetUser and GlobalSignOut; each pool's discovery document
 * and JWKS; and the domain-style {@code /oauth2/token}. Created by
 * {@link dev.portcullis.engine.idp.LocalIdentityProviders}, which owns the HTTP server.
 */
public final class LocalCognito {

  private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
  private static final String AMZ_JSON = "application/x-amz-json-1.1";

  private final IdpContext context;
  private final String baseUrl;
  private final List<CognitoPool> pools;
  private final InitiateAuth initiateAuth;
  private final ChallengeResponder challenges;
  private final UserOperations userOperations;
  private final OAuthTokenEndpoint tokenEndpoint;

  /**
   * @param baseUrl the server's base URL; a pool's issuer is {@code baseUrl/poolId}
   * @param seed the workspace's {@code signingKeySeed}
   */
  public LocalCognito(List<UserPool> userPools, String baseUrl, String seed, IdpContext context) {
    this.context = context;
    this.baseUrl = baseUrl;
    CognitoSrpServer srpServer = CognitoSrpServer.create(context.random());
    this.pools = userPools.stream().map(p -> new CognitoPool(p, baseUrl + "/" + p.id(), seed, srpServer)).toList();
    LoginSteps steps = new LoginSteps(context);
    this.initiateAuth = new InitiateAuth(context, srpServer, steps);
    this.challenges = new ChallengeResponder(context, srpServer, steps);
    this.userOperations = new UserOperations(context, pools);
    this.tokenEndpoint = new OAuthTokenEndpoint(context, pools);
  }

  /** The key purpose {@link dev.portcullis.engine.idp.LocalIdentityProviders#mint} signs with for a pool. */
  public static final String MINTING_KEY = CognitoPool.ACCESS_KEY;

  /** Every pool's signing keys, e.g. to derive them all before serving ({@link KeyRing#warm(java.util.Collection)}). */
  public List<KeyRing> keyRings() {
    return pools.stream().map(CognitoPool::keys).toList();
  }

  /** The signing keys of a pool, by pool id. */
  public Optional<KeyRing> keys(String poolId) {
    return pool(poolId).map(CognitoPool::keys);
  }

  /** The issuer URL of a pool ({@code baseUrl/poolId}), by pool id. */
  public Optional<String> issuer(String poolId) {
    return pool(poolId).map(CognitoPool::issuer);
  }

  /** {@code POST /}: one operation named by {@code X-Amz-Target}. */
  public void handleApi(Exchange exchange) throws IOException {
    Map<String, Object> reply;
    try {
      reply = dispatch(operation(exchange), request(exchange));
    } catch (CognitoError error) {
      sendError(exchange, error);
      return;
    }
    Exchanges.sendJson(exchange, 200, reply, AMZ_JSON, Map.of());
  }

  /** {@code /oauth2/token}, see {@link OAuthTokenEndpoint}. */
  public void handleOAuthToken(Exchange exchange) throws IOException {
    tokenEndpoint.handle(exchange);
  }

  /**
   * {@code /{poolId}/.well-known/openid-configuration} or {@code jwks.json}.
   *
   * @return false when there is no such pool or document, so the caller answers 404
   */
  public boolean handleWellKnown(Exchange exchange, String poolId, String document) throws IOException {
    Optional<Map<String, Object>> body = wellKnown(poolId, document);
    if (body.isPresent()) {
      Exchanges.sendJson(exchange, 200, body.get());
    }
    return body.isPresent();
  }

  /** The body of {@code /{poolId}/.well-known/{document}}, served over HTTP or read in-process. */
  public Optional<Map<String, Object>> wellKnown(String poolId, String document) {
    return pool(poolId).flatMap(pool -> switch (document) {
      case "jwks.json" -> Optional.of(pool.keys().publicJwks(context.clock().instant()).toJSONObject(true));
      case "openid-configuration" -> Optional.of(discovery(pool));
      default -> Optional.empty();
    });
  }

  private Map<String, Object> dispatch(String operation, Map<String, Object> request) {
    return switch (operation) {
      case "InitiateAuth" -> initiateAuth.handle(poolOf(request), client(request), request);
      case "RespondToAuthChallenge" -> challenges.handle(poolOf(request), client(request), request);
      case "GetUser" -> userOperations.getUser(request);
      case "GlobalSignOut" -> userOperations.globalSignOut(request);
      default -> throw new CognitoError("UnknownOperationException",
          "The local Cognito does not emulate " + operation + "; it serves InitiateAuth, RespondToAuthChallenge,"
              + " GetUser and GlobalSignOut");
    };
  }

  private static String operation(Exchange exchange) {
    String target = exchange.header("X-Amz-Target").orElse(null);
    if (!"POST".equals(exchange.method()) || target == null || !target.startsWith(TARGET_PREFIX)) {
      throw new CognitoError("UnknownOperationException",
          "Expected POST / with X-Amz-Target: " + TARGET_PREFIX + "<Operation>");
    }
    return target.substring(TARGET_PREFIX.length());
  }

  private static Map<String, Object> request(Exchange exchange) throws IOException {
    return Exchanges.body(exchange).flatMap(Exchanges::jsonObject)
        .orElseThrow(() -> new CognitoError("SerializationException", "The request body is not a JSON object"));
  }

  private CognitoPool poolOf(Map<String, Object> request) {
    String clientId = Params.required(request, "ClientId");
    return pools.stream().filter(p -> p.client(clientId).isPresent()).findFirst()
        .orElseThrow(() -> new CognitoError("ResourceNotFoundException", "User pool client " + clientId + " does not exist."));
  }

  private AppClient client(Map<String, Object> request) {
    String clientId = Params.required(request, "ClientId");
    return poolOf(request).client(clientId).orElseThrow();
  }

  private Optional<CognitoPool> pool(String poolId) {
    return pools.stream().filter(p -> p.model().id().equals(poolId)).findFirst();
  }

  /**
   * A pool's discovery document, the fields a JWT authoriser and OIDC libraries read. Endpoints the
   * local pool does not serve (authorize, userInfo) are left out rather than pointed nowhere;
   * {@code response_types_supported} stays, as OIDC Discovery requires it, with a real pool's values.
   */
  private Map<String, Object> discovery(CognitoPool pool) {
    return Map.of(
        "issuer", pool.issuer(),
        "jwks_uri", pool.issuer() + "/.well-known/jwks.json",
        "token_endpoint", baseUrl + "/oauth2/token",
        "grant_types_supported", List.of("client_credentials"),
        "response_types_supported", List.of("code", "token"),
        "subject_types_supported", List.of("public"),
        "id_token_signing_alg_values_supported", List.of("RS256"),
        "scopes_supported", List.of("openid", "email", "phone", "profile"),
        "token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
  }

  /** Cognito's error shape: {@code __type} in the body and {@code x-amzn-ErrorType} (spec §9.1), status 400. */
  private void sendError(Exchange exchange, CognitoError error) throws IOException {
    Exchanges.sendJson(exchange, 400, Map.of("__type", error.type(), "message", error.getMessage()), AMZ_JSON,
        Map.of("x-amzn-ErrorType", error.type()));
  }
}
