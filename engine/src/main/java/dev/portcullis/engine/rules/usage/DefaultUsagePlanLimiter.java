package dev.portcullis.engine.rules.usage;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Buckets and quota counters in concurrent maps; each key's check runs under that key's lock so the
 * quota test, the token and the quota count move together.
 */
final class DefaultUsagePlanLimiter implements UsagePlanLimiter {
  private static final String PLAN_BUCKET = "plan";

  private final UsagePlanLimits limits;
  private final Clock clock;
  private final LongSupplier nanos;
  private final Map<BucketKey, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, QuotaCount> quotas = new ConcurrentHashMap<>();

  /** A bucket per API key and method; methods without their own throttle share {@link #PLAN_BUCKET}. */
  private record BucketKey(String apiKeyId, String bucket) {}

  /** Requests counted in the current period; guarded by its own monitor. */
  private static final class QuotaCount {
    private Instant periodStart = Instant.MIN;
    private long used;
  }

  DefaultUsagePlanLimiter(UsagePlanLimits limits, Clock clock) {
    this.limits = Objects.requireNonNull(limits, "usage plan limiter: limits are required");
    this.clock = Objects.requireNonNull(clock, "usage plan limiter: clock is required");
    this.nanos = () -> {
      Instant now = clock.instant();
      return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    };
  }

  @Override
  public UsageVerdict check(String apiKeyId, String methodKey) {
    Objects.requireNonNull(apiKeyId, "usage plan check: api key id is required");
    Objects.requireNonNull(methodKey, "usage plan check: method key is required, e.g. /pets/GET");
    QuotaCount count = quotas.computeIfAbsent(apiKeyId, k -> new QuotaCount());
    synchronized (count) {
      Quota quota = limits.quota();
      Instant now = clock.instant();
      // Quota first: a key that is out of quota is refused without spending a token. AWS does not
      // document the order of the two checks (apigw-facts §7, "Not documented").
      if (quota != null) {
        Instant start = quota.period().start(now);
        if (!start.equals(count.periodStart)) {
          count.periodStart = start;
          count.used = 0;
        }
        if (count.used >= quota.limit()) {
          return new UsageVerdict.QuotaExceeded(quota, quota.period().nextStart(now));
        }
      }
      OptionalDouble tokens = OptionalDouble.empty();
      TokenBucket bucket = bucketFor(apiKeyId, methodKey);
      if (bucket != null) {
        if (!bucket.tryTake()) {
          return new UsageVerdict.Throttled(bucketName(methodKey), bucket.throttle(), bucket.untilNextToken());
        }
        tokens = OptionalDouble.of(bucket.available());
      }
      if (quota == null) {
        return new UsageVerdict.Allowed(tokens, OptionalLong.empty());
      }
      count.used++;
      return new UsageVerdict.Allowed(tokens, OptionalLong.of(quota.limit() - count.used));
    }
  }

  @Override
  public java.util.List<UsagePlanLimiter.Counter> counters() {
    java.util.Set<String> keys = new java.util.TreeSet<>(quotas.keySet());
    buckets.keySet().forEach(k -> keys.add(k.apiKeyId()));
    Instant now = clock.instant();
    return keys.stream().map(key -> {
      QuotaCount count = quotas.get(key);
      Quota quota = limits.quota();
      Long used = null;
      if (quota != null && count != null) {
        synchronized (count) {
          used = quota.period().start(now).equals(count.periodStart) ? count.used : 0L;
        }
      }
      TokenBucket bucket = buckets.get(new BucketKey(key, PLAN_BUCKET));
      return new UsagePlanLimiter.Counter(key, used, quota == null ? null : quota.limit(), quota == null ? null : quota.period().nextStart(now),
          bucket == null ? null : bucket.available(), bucket == null ? null : bucket.throttle().burstLimit());
    }).toList();
  }

  private TokenBucket bucketFor(String apiKeyId, String methodKey) {
    Throttle method = limits.methodThrottles().get(methodKey);
    Throttle throttle = method != null ? method : limits.throttle();
    if (throttle == null) {
      return null;
    }
    return buckets.computeIfAbsent(new BucketKey(apiKeyId, bucketName(methodKey)), k -> TokenBucket.create(throttle, nanos));
  }

  private String bucketName(String methodKey) {
    return limits.methodThrottles().containsKey(methodKey) ? methodKey : PLAN_BUCKET;
  }
}
