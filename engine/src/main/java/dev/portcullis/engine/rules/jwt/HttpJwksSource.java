package dev.portcullis.engine.rules.jwt;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link JwksSource#http}: OIDC discovery, then the key set, cached per issuer; or, for {@link
 * JwksSource#jwksUrl}, the key set at one fixed URL with the same fetch and cache.
 *
 * <p>Requests that miss the cache at the same time share one fetch: the first thirty-two requests
 * of a fresh world wait on the same discovery and key set instead of each opening their own, so
 * under load the first answer is the hundredth's.
 *
 * <p>A failed fetch is remembered for {@link JwksSource#FAILURE_HOLD}: without it, an unreachable
 * issuer cost every request the whole timeout (twice for a local send: the prediction, then the
 * gateway). How soon API Gateway retries a failed fetch is undocumented; the refusal says that the
 * failure was remembered, since when, and when the next request fetches again.
 */
final class HttpJwksSource implements JwksSource {
  private final Clock clock;
  private final Fetch fetch;
  private final Duration ttl;
  private final String fixedJwksUri;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<JwksResult>> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();

  /** One GET; {@link BoundedFetch} over HTTP, or a local provider's document first. */
  @FunctionalInterface
  interface Fetch {
    String get(URI uri) throws BoundedFetch.FetchFailure;

    /** {@code local}'s document when it serves the URI, else {@code remote}. */
    static Fetch localFirst(LocalDocuments local, Fetch remote) {
      return uri -> {
        java.util.Optional<String> served = local.get(uri);
        return served.isPresent() ? served.get() : remote.get(uri);
      };
    }
  }

  private record Entry(String jwksUri, List<SigningKey> keys, Instant fetchedAt) {}

  private record Failure(String reason, Instant at) {}

  /** @param fixedJwksUri null to discover each issuer's jwks_uri */
  HttpJwksSource(Clock clock, Fetch fetch, Duration ttl, String fixedJwksUri) {
    this.clock = clock;
    this.fetch = fetch;
    this.ttl = ttl;
    this.fixedJwksUri = fixedJwksUri;
  }

  @Override
  public JwksResult keys(String issuerName, boolean refresh) {
    String issuer = fixedJwksUri != null ? fixedJwksUri : issuerName;
    Entry cached = cache.get(issuer);
    Instant now = clock.instant();
    if (!refresh && cached != null && now.isBefore(cached.fetchedAt().plus(ttl))) {
      return new JwksResult.Found(cached.keys(), cached.jwksUri(), true);
    }
    Failure failed = failures.get(issuer);
    if (failed != null && now.isBefore(failed.at().plus(FAILURE_HOLD))) {
      return new JwksResult.Failed(remembered(failed, now));
    }
    CompletableFuture<JwksResult> mine = new CompletableFuture<>();
    CompletableFuture<JwksResult> running = inFlight.putIfAbsent(issuer, mine);
    if (running != null) {
      return running.join();
    }
    try {
      JwksResult result = fetch(issuer, refresh, cached);
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(issuer, mine);
    }
  }

  private JwksResult fetch(String issuer, boolean refresh, Entry cached) {
    try {
      // An unknown kid means rotated keys, not a moved endpoint: reuse the discovered jwks_uri.
      String jwksUri = fixedJwksUri != null ? fixedJwksUri : refresh && cached != null ? cached.jwksUri() : discover(issuer);
      // List.copyOf once, here: a stream's list allows nulls, so Found's List.copyOf copied it again for every request
      List<SigningKey> keys = List.copyOf(JwkKeys.parse(fetch.get(httpUri(jwksUri, "jwks_uri")), jwksUri));
      cache.put(issuer, new Entry(jwksUri, keys, clock.instant()));
      failures.remove(issuer);
      return new JwksResult.Found(keys, jwksUri, false);
    } catch (BoundedFetch.FetchFailure e) {
      failures.put(issuer, new Failure(e.getMessage(), clock.instant()));
      return new JwksResult.Failed(e.getMessage());
    }
  }

  private static String remembered(Failure failed, Instant now) {
    long ago = Duration.between(failed.at(), now).toMillis();
    long retryIn = Duration.between(now, failed.at().plus(FAILURE_HOLD)).toMillis();
    return failed.reason() + " (a fetch " + seconds(ago) + " s ago, remembered: the emulator fetches again in "
        + seconds(retryIn) + " s; how soon API Gateway retries a failed fetch is undocumented)";
  }

  private static String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
  }

  private String discover(String issuer) throws BoundedFetch.FetchFailure {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    URI discovery = httpUri(base + "/.well-known/openid-configuration", "issuer");
    Map<String, Object> document;
    try {
      document = JSONObjectUtils.parse(fetch.get(discovery));
    } catch (ParseException e) {
      throw new BoundedFetch.FetchFailure("malformed discovery document at " + discovery + ": " + e.getMessage());
    }
    if (!(document.get("jwks_uri") instanceof String jwksUri) || jwksUri.isBlank()) {
      throw new BoundedFetch.FetchFailure("discovery document at " + discovery + " has no jwks_uri");
    }
    return jwksUri;
  }

  private static URI httpUri(String value, String what) throws BoundedFetch.FetchFailure {
    try {
      URI uri = new URI(value);
      boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
      if (!http || uri.getHost() == null) {
        throw new BoundedFetch.FetchFailure(what + " '" + value + "' is not an http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new BoundedFetch.FetchFailure(what + " '" + value + "' is not a URL: " + e.getReason());
    }
  }
}
