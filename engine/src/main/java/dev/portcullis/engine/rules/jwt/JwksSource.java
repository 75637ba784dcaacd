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
   * Keys over HTTP as API Gateway fetches them (apigw-facts §3): discovery at
   * {@code {issuer}/.well-known/openid-configuration}, then its {@code jwks_uri}; each request
   * limited to 1500 ms and 150000 bytes. Key sets are cached for one hour: the HTTP API cache
   * duration is undocumented, and one hour is what AWS documents for the REST JWT authoriser.
   */
  static JwksSource http(Clock clock) {
    return new HttpJwksSource(Objects.requireNonNull(clock, "clock"), gatewayLimits(), Duration.ofHours(1), null);
  }

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
    java.util.List<SigningKey> keys = JwkKeys.pasted(text);
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
