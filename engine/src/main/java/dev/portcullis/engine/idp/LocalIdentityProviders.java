package dev.portcullis.engine.idp;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.portcullis.engine.idp.cognito.LocalCognito;
import dev.portcullis.engine.idp.http.Exchanges;
import dev.portcullis.engine.idp.http.IdpContext;
import dev.portcullis.engine.idp.keys.JwtSigning;
import dev.portcullis.engine.idp.keys.KeyRing;
import dev.portcullis.engine.idp.oidc.LocalOidcIssuer;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.model.Emulator.TokenRecipe;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import dev.portcullis.engine.serve.Exchange;
import dev.portcullis.engine.serve.LocalServer;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local identity providers of a workspace's emulator section, served on 127.0.0.1 only:
 * <ul>
 *   <li>{@code POST /}: the Cognito Identity Provider JSON protocol (spec §9.1);</li>
 *   <li>{@code /{poolId}/.well-known/openid-configuration} and {@code .../jwks.json}: a pool's
 *       discovery and keys; its issuer is {@code {baseUrl}/{poolId}};</li>
 *   <li>{@code /oauth2/token}: a pool domain's token endpoint, client_credentials (spec §9.6);</li>
 *   <li>{@code /oidc/{name}/.well-known/openid-configuration}, {@code /jwks.json}, {@code /token}: a
 *       local OIDC issuer, whose issuer is {@code {baseUrl}/oidc/{name}}.</li>
 * </ul>
 * Issuers are named by pool id or OIDC issuer name in {@link #rotate}, {@link #mint} and
 * {@link #issuerUrl}. Tokens are signed with keys derived from {@code signingKeySeed} (see
 * {@link dev.portcullis.engine.idp.keys.DerivedRsaKeys}), so JWKS and kids are the same every run.
 * State (sessions, refresh tokens, changed passwords, rotations) lives until {@link #close()}.
 */
public final class LocalIdentityProviders implements AutoCloseable {

  /**
   * How long a rotated-out key stays published with {@code keepOldForGrace}: an hour, the longest
   * that API Gateway's new JWT authoriser caches an issuer's keys (spec §3).
   */
  public static final Duration ROTATION_GRACE = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(LocalIdentityProviders.class);
  private static final Pattern POOL_WELL_KNOWN = Pattern.compile("/([\\w-]+_[0-9a-zA-Z]+)/\\.well-known/([\\w.-]+)");
  private static final Pattern OIDC_PATH = Pattern.compile("/oidc/([^/]+)(/.*)");

  private final Emulator emulator;
  private final IdpContext context;
  private final LocalServer server;
  // a request on a fixed port can arrive as soon as it is bound, before the handlers below exist
  private final CountDownLatch ready = new CountDownLatch(1);
  private final URI baseUrl;
  private final LocalCognito cognito;
  private final Map<String, LocalOidcIssuer> oidcIssuers = new LinkedHashMap<>();

  private LocalIdentityProviders(Builder builder, URI offlineBaseUrl) throws IOException {
    this.emulator = builder.emulator;
    this.context = new IdpContext(builder.clock, builder.random, builder.log);
    // its own server and executor, apart from the gateway's: a slow API client cannot stall logins, nor the reverse
    this.server = offlineBaseUrl != null ? null
        : LocalServer.builder("portcullis-idp", this::route).port(builder.port).maxBodyBytes(Exchanges.MAX_BODY)
            .clock(builder.clock).start();
    this.baseUrl = offlineBaseUrl != null ? offlineBaseUrl : URI.create("http://127.0.0.1:" + server.port());
    String base = baseUrl.toString();
    this.cognito = new LocalCognito(emulator.userPools(), base, emulator.signingKeySeed(), context);
    emulator.oidcIssuers().forEach(i -> oidcIssuers.put(i.name(),
        new LocalOidcIssuer(i, base + "/oidc/" + i.name(), emulator.signingKeySeed(), context)));
    if (server == null) {
      return;
    }
    // keys before the first request: the first JWKS answer must not wait on deriving them
    List<KeyRing> rings = new ArrayList<>(cognito.keyRings());
    oidcIssuers.values().forEach(i -> rings.add(i.keys()));
    KeyRing.warm(rings);
    ready.countDown();
    context.event("Local identity providers listening on " + baseUrl);
  }

  /**
   * @param emulator the workspace's emulator section; its {@code idpPort} is used unless
   *     {@link Builder#port} overrides it (null or 0 picks a free port)
   * @param clock the source of every token and session time
   * @param random session ids, refresh tokens, jti and SRP values; a SecureRandom outside tests
   */
  public static Builder builder(Emulator emulator, Clock clock, RandomGenerator random) {
    return new Builder(emulator, clock, random);
  }

  /** Configures and starts {@link LocalIdentityProviders}. */
  public static final class Builder {
    private final Emulator emulator;
    private final Clock clock;
    private final RandomGenerator random;
    private Consumer<String> log = line -> { };
    private int port;

    private Builder(Emulator emulator, Clock clock, RandomGenerator random) {
      this.emulator = Objects.requireNonNull(emulator, "emulator");
      this.clock = Objects.requireNonNull(clock, "clock");
      this.random = Objects.requireNonNull(random, "random");
      this.port = emulator.idpPort() == null ? 0 : emulator.idpPort();
    }

    /** Receives event lines (logins, SMS codes, rotations), e.g. for the app's log pane. */
    public Builder log(Consumer<String> log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /** Overrides the emulator's {@code idpPort}; 0 picks a free port (tests). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Binds 127.0.0.1 and starts serving. */
    public LocalIdentityProviders start() throws IOException {
      return new LocalIdentityProviders(this, null);
    }

    /**
     * Serves nothing: the providers as those listening at {@code baseUrl} (another process's world
     * of the same workspace) are, with the same issuer URLs and derived keys, so {@link #mint} makes
     * tokens that world accepts. Sessions and rotations there are not seen here.
     */
    public LocalIdentityProviders offline(URI baseUrl) throws IOException {
      return new LocalIdentityProviders(this, Objects.requireNonNull(baseUrl, "baseUrl"));
    }
  }

  /** {@code http://127.0.0.1:<port>}, the value of the workspace's {@code {{idpBaseUrl}}}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The issuer URL of a pool ({@code {baseUrl}/{poolId}}) or OIDC issuer ({@code {baseUrl}/oidc/{name}}). */
  public String issuerUrl(String issuerName) {
    return issuer(issuerName).url();
  }

  /**
   * Rotates an issuer's signing keys (a pool's ID and access keys together).
   *
   * @param keepOldForGrace true keeps the old keys in the JWKS for {@link #ROTATION_GRACE}, so tokens
   *     already issued still verify; false drops them at once, so those tokens fail with "kid not found"
   */
  public void rotate(String issuerName, boolean keepOldForGrace) {
    Issuer issuer = issuer(issuerName);
    issuer.keys().rotate(context.clock().instant(), keepOldForGrace ? ROTATION_GRACE : Duration.ZERO);
    context.event("Rotated the keys of " + issuerName + ": new kid " + issuer.keys().current(issuer.purpose()).getKeyID()
        + (keepOldForGrace ? ", old keys published for " + ROTATION_GRACE.toMinutes() + " more minutes" : ", old keys dropped"));
  }

  /**
   * Mints a token for failure cases and fixtures. Registered claims come first and {@code claims}
   * are laid over them, so a caller can forge any of them (a wrong {@code iss}, a future {@code nbf}).
   *
   * @param audience {@code aud}, or null for none (as on Cognito access tokens)
   * @param lifetime from now to {@code exp}; negative gives a token that has already expired, as if
   *     issued an hour before it expired
   * @param useUnpublishedKey sign with a key that is not in the issuer's JWKS
   * @return the compact JWS
   */
  public String mint(String issuerName, Map<String, Object> claims, String audience, Duration lifetime,
      boolean useUnpublishedKey) {
    Issuer issuer = issuer(issuerName);
    Instant now = context.clock().instant();
    Instant expires = now.plus(lifetime);
    Instant issued = lifetime.isNegative() ? expires.minus(Duration.ofHours(1)) : now;
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("iss", issuer.url());
    if (audience != null) {
      all.put("aud", audience);
    }
    all.put("iat", issued.getEpochSecond());
    all.put("exp", expires.getEpochSecond());
    all.put("jti", context.randomUuid());
    all.putAll(claims);
    var key = useUnpublishedKey ? issuer.keys().unpublished(issuer.purpose()) : issuer.keys().current(issuer.purpose());
    String token = JwtSigning.sign(key, all);
    context.event("Minted a token of " + issuerName + (useUnpublishedKey ? " with an unpublished key" : "")
        + ": " + Exchanges.abbreviate(token));
    return token;
  }

  /**
   * Mints the workspace's token recipe {@code name} ({@code local:tokens/NAME}). A recipe without
   * {@code lifetimeSeconds} (0) lives an hour.
   *
   * @throws IllegalArgumentException when there is no such recipe or its signingKey is unknown
   */
  public String mintRecipe(String name) {
    TokenRecipe recipe = emulator.tokens().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No token recipe '" + name + "' in the emulator section; it has "
            + emulator.tokens().stream().map(TokenRecipe::name).toList()));
    boolean unpublished = switch (recipe.signingKey()) {
      case "jwks" -> false;
      case "unpublished" -> true;
      default -> throw new IllegalArgumentException("Token recipe '" + name + "': signingKey '" + recipe.signingKey()
          + "' is neither \"jwks\" nor \"unpublished\"");
    };
    Duration lifetime = Duration.ofSeconds(recipe.lifetimeSeconds() == 0 ? 3600 : recipe.lifetimeSeconds());
    return mint(recipe.issuer(), recipe.claims(), recipe.audience(), lifetime, unpublished);
  }

  /**
   * What a GET of {@code uri} would answer, when it is one of these providers' discovery documents
   * or key sets, read in-process: the local gateway's authorisers use it, so the keys derived at
   * start ({@link dev.portcullis.engine.idp.keys.KeyRing#warm}) are never behind a network fetch.
   */
  public Optional<String> document(URI uri) {
    String base = baseUrl.toString();
    String asked = uri.toString();
    if (!asked.startsWith(base + "/") || uri.getRawQuery() != null) {
      return Optional.empty();
    }
    String path = uri.getRawPath();
    Matcher oidc = OIDC_PATH.matcher(path);
    Matcher pool = POOL_WELL_KNOWN.matcher(path);
    Optional<Map<String, Object>> body = oidc.matches()
        ? Optional.ofNullable(oidcIssuers.get(oidc.group(1))).flatMap(i -> i.wellKnown(oidc.group(2)))
        : pool.matches() ? cognito.wellKnown(pool.group(1), pool.group(2)) : Optional.empty();
    return body.map(JSONObjectUtils::toJSONString);
  }

  /** Stops serving; sessions, refresh tokens and rotations are forgotten. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }

  private record Issuer(String url, KeyRing keys, String purpose) {}

  private Issuer issuer(String name) {
    Optional<Issuer> pool = cognito.keys(name).map(k -> new Issuer(cognito.issuer(name).orElseThrow(), k, LocalCognito.MINTING_KEY));
    return pool.or(() -> Optional.ofNullable(oidcIssuers.get(name))
            .map(i -> new Issuer(i.issuer(), i.keys(), LocalOidcIssuer.SIGNING_KEY)))
        .orElseThrow(() -> new IllegalArgumentException("No local issuer '" + name + "': user pools "
            + emulator.userPools().stream().map(Emulator.UserPool::id).toList() + ", OIDC issuers " + oidcIssuers.keySet()));
  }

  private void route(Exchange exchange) {
    try {
      if (!ready.await(10, TimeUnit.SECONDS)) {
        Exchanges.sendJson(exchange, 503, Map.of("__type", "InternalErrorException", "message", "Starting"));
        return;
      }
      if (!serve(exchange, exchange.path())) {
        Exchanges.sendJson(exchange, 404, Map.of("message", "Not found: " + exchange.path()));
      }
    } catch (IOException | RuntimeException e) {
      // Logged once here; the client sees a 500 unless the response had already started.
      LOG.warn("Local identity providers: {} {} failed", exchange.method(), exchange.path(), e);
      sendInternalError(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean serve(Exchange exchange, String path) throws IOException {
    if (path.equals("/")) {
      cognito.handleApi(exchange);
      return true;
    }
    if (path.equals("/oauth2/token")) {
      cognito.handleOAuthToken(exchange);
      return true;
    }
    Matcher oidc = OIDC_PATH.matcher(path);
    if (oidc.matches()) {
      LocalOidcIssuer issuer = oidcIssuers.get(oidc.group(1));
      return issuer != null && issuer.handle(exchange, oidc.group(2));
    }
    Matcher pool = POOL_WELL_KNOWN.matcher(path);
    return pool.matches() && cognito.handleWellKnown(exchange, pool.group(1), pool.group(2));
  }

  private static void sendInternalError(Exchange exchange) {
    if (exchange.responded()) {
      return;
    }
    try {
      Exchanges.sendJson(exchange, 500, Map.of("__type", "InternalErrorException", "message", "Internal error"));
    } catch (IOException ignored) {
      // The client has gone; there is no one left to tell.
    }
  }
}
