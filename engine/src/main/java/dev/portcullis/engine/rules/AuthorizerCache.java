package dev.portcullis.engine.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lambda authoriser results, keyed by the identity-source values (spec §4.3, §4.5): what the
 * cached-policy trap is made of. Each entry remembers which call stored it, so the trace can say
 * that a refusal came from a policy written for another method.
 */
final class AuthorizerCache {
  private final Clock clock;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  record Key(String gateway, String authorizer, List<String> identityValues) {}

  /**
   * One cached answer.
   *
   * @param storedFor the method or route ARN of the call whose answer this is
   */
  record Entry(Map<String, Object> payload, String storedFor, Instant storedAt, Instant expiresAt) {}

  AuthorizerCache(Clock clock) {
    this.clock = clock;
  }

  Optional<Entry> find(Key key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expiresAt())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  void store(Key key, Map<String, Object> payload, String storedFor, int ttlSeconds) {
    Instant now = clock.instant();
    entries.put(key, new Entry(payload, storedFor, now, now.plus(Duration.ofSeconds(ttlSeconds))));
  }

  /** Live entries (expired ones are dropped), for the console's "state left behind". */
  List<LocalState.CachedPolicy> snapshot() {
    Instant now = clock.instant();
    entries.entrySet().removeIf(e -> !now.isBefore(e.getValue().expiresAt()));
    return entries.entrySet().stream().map(e -> new LocalState.CachedPolicy(e.getKey().gateway(), e.getKey().authorizer(),
        String.join(", ", e.getKey().identityValues().stream().map(dev.portcullis.engine.mask.Masking::mask).toList()), e.getValue().storedFor(),
        e.getValue().storedAt(), e.getValue().expiresAt())).toList();
  }

  void clear() {
    entries.clear();
  }

  Instant now() {
    return clock.instant();
  }
}
