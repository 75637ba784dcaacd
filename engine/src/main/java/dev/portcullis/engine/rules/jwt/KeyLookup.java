package dev.portcullis.engine.rules.jwt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the key a token names, recording each {@code jwks.fetch}. A kid missing from a cached set
 * triggers one refetch, as AWS documents for rotated keys (apigw-facts §3, REST-JWT: "When API
 * Gateway receives a token signed with a key it hasn't seen, it retrieves the key set again").
 */
final class KeyLookup {
  private KeyLookup() {}

  /** What the lookup found. */
  sealed interface Result {}

  record Found(SigningKey key, String evidence) implements Result {}

  record Unknown(String evidence) implements Result {}

  record FetchFailed(String reason) implements Result {}

  static Result find(JwksSource jwks, String issuer, String kid, CheckLog log) {
    JwksResult first = fetch(jwks, issuer, false, log);
    if (!(first instanceof JwksResult.Found cached)) {
      return new FetchFailed(((JwksResult.Failed) first).reason());
    }
    Optional<SigningKey> key = match(cached, kid);
    if (key.isPresent() || !cached.fromCache()) {
      return outcome(key, cached, kid, "");
    }
    JwksResult second = fetch(jwks, issuer, true, log);
    if (!(second instanceof JwksResult.Found fresh)) {
      return new FetchFailed(((JwksResult.Failed) second).reason());
    }
    return outcome(match(fresh, kid), fresh, kid, " after refetching because the cached set lacked it");
  }

  private static Result outcome(Optional<SigningKey> key, JwksResult.Found set, String kid, String how) {
    if (key.isPresent()) {
      return new Found(key.get(), "kid '" + kid + "' found in " + set.jwksUri() + how);
    }
    return new Unknown("kid '" + kid + "' is not among " + kids(set.keys()) + " at " + set.jwksUri() + how);
  }

  private static JwksResult fetch(JwksSource jwks, String issuer, boolean refresh, CheckLog log) {
    JwksResult result = jwks.keys(issuer, refresh);
    Outcome outcome = switch (result) {
      case JwksResult.Found found -> Outcome.pass(found.keys().size() + " keys for issuer " + issuer + " from "
          + found.jwksUri() + (found.fromCache() ? " (cached)" : refresh ? " (refetched)" : " (fetched)"));
      case JwksResult.Failed failed -> Outcome.fail("keys for issuer " + issuer + ": " + failed.reason());
    };
    log.record("jwks.fetch", outcome);
    return result;
  }

  private static Optional<SigningKey> match(JwksResult.Found set, String kid) {
    // a loop, not a stream: this runs for every JWT request
    for (SigningKey key : set.keys()) {
      if (Objects.equals(key.kid(), kid)) {
        return Optional.of(key);
      }
    }
    if (set.jwksUri().equals(JwksSource.PASTED) && set.keys().size() == 1 && set.keys().getFirst().kid() == null) {
      SigningKey sole = set.keys().getFirst();
      return Optional.of(new SigningKey(kid, sole.keyType(), sole.algorithm(), sole.key()));
    }
    return Optional.empty();
  }

  private static List<String> kids(List<SigningKey> keys) {
    return keys.stream().map(k -> k.kid() == null ? "(no kid)" : k.kid()).toList();
  }
}
