package dev.portcullis.engine.rules.usage;

import java.time.Clock;

/**
 * Applies one usage plan's throttles and quota to requests, per API key (apigw-facts §6).
 *
 * <p>A method with its own throttle in the plan uses a bucket of its own per key; every other
 * method shares the key's plan-level bucket, because AWS applies plan limits "to requests for
 * individual API keys", not per method. The quota is per key across all methods.
 */
public interface UsagePlanLimiter {

  /**
   * Counts one request by {@code apiKeyId} to {@code methodKey} ({@link UsagePlanLimits#methodKey}).
   * A rejected request uses neither a token nor quota.
   */
  UsageVerdict check(String apiKeyId, String methodKey);

  /** One key's counters now: quota used in the period and tokens left in its plan bucket. */
  record Counter(String apiKeyId, Long quotaUsed, Integer quotaLimit, java.time.Instant quotaResetsAt, Double tokensLeft, Integer burst) {}

  /** The counters of every key seen so far. */
  default java.util.List<Counter> counters() {
    return java.util.List.of();
  }

  /** A limiter for {@code limits}; {@code clock} drives both the buckets and the quota periods. */
  static UsagePlanLimiter create(UsagePlanLimits limits, Clock clock) {
    return new DefaultUsagePlanLimiter(limits, clock);
  }
}
