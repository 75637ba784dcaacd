package dev.portcullis.engine.rules.jwt;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The signing keys of an issuer, cached. Implementations are thread-safe and never throw for a
 * network or document problem: they answer {@link JwksResult.Failed}.
 */
public interface JwksSource {

  /**
   * The issuer's keys.
   *
   * @param issuer the configured issuer URL (never one read from an unverified token)
   * @param refresh true to refetch even when cached, as API Gateway does on an unknown {@code kid}
   */
  JwksResult keys(String issuer, boolean refresh);

  /**
   * Keys over HTTP as an HTTP API's JWT authoriser fetches them (apigw-facts §3): discovery at
   * {@code {issuer}/.well-known/openid-configuration}, then its {@code jwks_uri}; each request
   * limited to 1500 ms and 150000 bytes, the HTTP API quotas (AGW-ARCH {@code limits.md}). Key sets
   * are cached for one hour: the HTTP API cache duration is undocumented, and one hour is what AWS
   * documents for the REST JWT authoriser.
   */
  static JwksSource http(Clock clock) {
    return http(clock, LocalDocuments.NONE);
  }

  /** As {@link #http(Clock)}, with the local world's own providers read in-process, without the quota. */
  static JwksSource http(Clock clock, LocalDocuments local) {
    return new HttpJwksSource(Objects.requireNonNull(clock, "clock"),
        HttpJwksSource.Fetch.localFirst(Objects.requireNonNull(local, "local"), gatewayLimits()), Duration.ofHours(1), null);
  }

  /**
   * Keys of the user pools a REST Cognito authoriser names: the same discovery and cache as {@link
   * #http}, but not its 1500 ms / 150000 bytes, which AWS documents only as HTTP API quotas; how API
   * Gateway reaches Cognito for a REST authoriser is undocumented (apigw-facts §2: "cannot reach
   * Cognito" is AUTHORIZER_CONFIGURATION_ERROR), so the emulator gives a remote pool
   * {@value #COGNITO_TIMEOUT_SECONDS} s.
   */
  static JwksSource cognito(Clock clock, LocalDocuments local) {
    BoundedFetch remote = new BoundedFetch(Duration.ofSeconds(COGNITO_TIMEOUT_SECONDS), COGNITO_MAX_BYTES);
    return new HttpJwksSource(Objects.requireNonNull(clock, "clock"),
        HttpJwksSource.Fetch.localFirst(Objects.requireNonNull(local, "local"), remote), Duration.ofHours(1), null);
  }

  /**
   * How long a failed fetch of an issuer's keys is remembered before the next request fetches again
   * (the emulator's choice; AWS does not document its retry): long enough that a burst of requests,
   * or a prediction and the gateway's decision of the same send, wait for one timeout, not one
   * each; short enough that an issuer started after the first refusal is found within seconds.
   */
  Duration FAILURE_HOLD = Duration.ofSeconds(10);

  /** Seconds a REST Cognito authoriser's key fetch may take in the emulator (undocumented by AWS). */
  int COGNITO_TIMEOUT_SECONDS = 10;

  /** A bound on a user pool's key set, only so a wrong URL cannot fill memory (undocumented by AWS). */
  int COGNITO_MAX_BYTES = 1_000_000;

  /**
   * The keys at a fixed JWKS URL, whatever the issuer asked for: the same fetch, limits and cache as
   * {@link #http}, without discovery. For tools given a key set's URL rather than an issuer.
   */
  static JwksSource jwksUrl(String jwksUrl, Clock clock) {
    Objects.requireNonNull(jwksUrl, "jwksUrl");
    return new HttpJwksSource(Objects.requireNonNull(clock, "clock"), gatewayLimits(), Duration.ofHours(1), jwksUrl.strip());
  }

  /**
   * Keys pasted by a user: a JWKS, a single JWK, or a PEM public key.
   *
   * @throws IllegalArgumentException with a sentence naming what is wrong with the text
   */
  static JwksSource pasted(String text) {
    java.util.List<SigningKey> keys = java.util.List.copyOf(JwkKeys.pasted(text)); // once, not per request (see Found)
    return (issuer, refresh) -> new JwksResult.Found(keys, PASTED, !refresh);
  }

  /**
   * Where {@link #pasted} keys come from. A pasted key without a kid (a PEM key has none) stands
   * for the kid the token names when it is the only key: the user chose it for this token.
   */
  String PASTED = "the pasted key";

  private static BoundedFetch gatewayLimits() {
    return new BoundedFetch(Duration.ofMillis(1500), 150_000);
  }
}
