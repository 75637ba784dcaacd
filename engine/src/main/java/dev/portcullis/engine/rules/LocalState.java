package dev.portcullis.engine.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What earlier requests left behind in a pipeline and decides later ones: Lambda authoriser answers
 * in the result cache, token buckets and quota counts of usage plans (spec/apigw-facts.md §4.3, §6).
 * A snapshot; {@link Pipeline#resetState()} empties the real thing.
 */
public record LocalState(List<CachedPolicy> cachedPolicies, List<UsageCounter> usage) {
  public static final LocalState EMPTY = new LocalState(List.of(), List.of());

  public LocalState {
    cachedPolicies = List.copyOf(cachedPolicies);
    usage = List.copyOf(usage);
  }

  public boolean isEmpty() {
    return cachedPolicies.isEmpty() && usage.isEmpty();
  }

  /**
   * A cached authoriser answer.
   *
   * @param key the identity-source values it is cached under, masked
   * @param storedFor the method ARN of the call whose answer it is
   */
  public record CachedPolicy(String gateway, String authorizer, String key, String storedFor, Instant storedAt, Instant expiresAt) {
    public CachedPolicy {
      Objects.requireNonNull(storedFor, "cached policy: the call that stored it");
    }
  }

  /**
   * One API key's counters in one usage plan.
   *
   * @param quotaUsed requests counted in the current quota period; null when the plan has no quota
   * @param quotaResetsAt when the period ends; null without a quota
   * @param tokensLeft tokens in the key's plan bucket now; null when the plan has no throttle
   */
  public record UsageCounter(String gateway, String plan, String apiKeyId, Long quotaUsed, Integer quotaLimit, Instant quotaResetsAt,
      Double tokensLeft, Integer burst) {
    public UsageCounter {
      Objects.requireNonNull(apiKeyId, "usage counter: api key id");
    }
  }
}
