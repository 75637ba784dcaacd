package dev.portcullis.engine.rules.usage;

import dev.portcullis.engine.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsagePlanLimiterTest {
  private static final String KEY = "key-acme";
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T12:00:00Z"));

  private int passes(UsagePlanLimiter limiter, String key, String method, int attempts) {
    int allowed = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.check(key, method) instanceof UsageVerdict.Allowed) {
        allowed++;
      }
    }
    return allowed;
  }

  @Test
  void planThrottleGivesBurstThenRatePerKey() {
    UsagePlanLimiter limiter = UsagePlanLimiter.create(new UsagePlanLimits(new Throttle(100, 200), null, null), clock);
    assertThat(passes(limiter, KEY, "/pets/GET", 200)).isEqualTo(200);
    UsageVerdict next = limiter.check(KEY, "/pets/GET");
    assertThat(next).isInstanceOf(UsageVerdict.Throttled.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(passes(limiter, KEY, "/pets/GET", 101)).isEqualTo(100);
    assertThat(passes(limiter, "key-other", "/pets/GET", 1)).as("another key has its own bucket").isEqualTo(1);
  }

  @Test
  void throttledAnswerIsTheSection6Response() {
    UsagePlanLimiter limiter = UsagePlanLimiter.create(new UsagePlanLimits(new Throttle(1, 1), null, null), clock);
    limiter.check(KEY, "/pets/GET");
    var rejected = (UsageVerdict.Rejected) limiter.check(KEY, "/pets/GET");
    assertThat(rejected.status()).isEqualTo(429);
    assertThat(rejected.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    assertThat(rejected.errorType()).isEqualTo("TooManyRequestsException");
    assertThat(rejected.gatewayResponseType()).isEqualTo("THROTTLED");
  }

  @Test
  void methodThrottleOverridesThePlanAndHasItsOwnBucket() {
    // §6: apiStages[].throttle keyed "/<resourcePath>/<HTTP_METHOD>", e.g. {"/pets/GET":{"rateLimit":1.0,"burstLimit":1}}
    var limits = new UsagePlanLimits(new Throttle(100, 200), Map.of("/pets/GET", new Throttle(1, 1)), null);
    UsagePlanLimiter limiter = UsagePlanLimiter.create(limits, clock);
    assertThat(passes(limiter, KEY, "/pets/GET", 5)).isEqualTo(1);
    var throttled = (UsageVerdict.Throttled) limiter.check(KEY, "/pets/GET");
    assertThat(throttled.bucket()).isEqualTo("/pets/GET");
    assertThat(passes(limiter, KEY, "/pets/POST", 200)).as("other methods use the plan bucket").isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertThat(passes(limiter, KEY, "/pets/GET", 5)).isEqualTo(1);
  }

  @Test
  void rootResourceKeyIsDoubleSlash() {
    var limits = new UsagePlanLimits(null, Map.of(UsagePlanLimits.methodKey("/", "GET"), new Throttle(0, 2)), null);
    assertThat(UsagePlanLimits.methodKey("/", "GET")).isEqualTo("//GET");
    assertThat(passes(UsagePlanLimiter.create(limits, clock), KEY, "//GET", 5)).isEqualTo(2);
  }

  @ParameterizedTest(name = "§6 quota {0}: exhausted at {1}, still exhausted at {2}, reset at {3}")
  @CsvSource({
      "DAY,   2025-03-14T12:00:00Z, 2025-03-14T23:59:59Z, 2025-03-15T00:00:00Z",
      "WEEK,  2025-03-14T12:00:00Z, 2025-03-16T23:59:59Z, 2025-03-17T00:00:00Z",
      "MONTH, 2025-03-14T12:00:00Z, 2025-03-31T23:59:59Z, 2025-04-01T00:00:00Z"})
  void quotaIsExhaustedThenResetsAtTheUtcPeriodBoundary(QuotaPeriod period, Instant start, Instant lastMoment,
      Instant boundary) {
    clock.set(start);
    UsagePlanLimiter limiter = UsagePlanLimiter.create(new UsagePlanLimits(null, null, new Quota(3, period)), clock);
    assertThat(passes(limiter, KEY, "/pets/GET", 5)).isEqualTo(3);
    clock.set(lastMoment);
    UsageVerdict late = limiter.check(KEY, "/pets/GET");
    assertThat(late).isEqualTo(new UsageVerdict.QuotaExceeded(new Quota(3, period), boundary));
    clock.set(boundary);
    assertThat(passes(limiter, KEY, "/pets/GET", 5)).isEqualTo(3);
  }

  @Test
  void quotaAnswerIsTheSection6ResponseAndCountsDown() {
    UsagePlanLimiter limiter = UsagePlanLimiter.create(
        new UsagePlanLimits(new Throttle(10, 10), null, new Quota(2, QuotaPeriod.DAY)), clock);
    assertThat(limiter.check(KEY, "/a/GET")).isInstanceOfSatisfying(UsageVerdict.Allowed.class,
        a -> assertThat(a.quotaRemaining()).hasValue(1));
    assertThat(limiter.check(KEY, "/b/GET")).as("the quota is per key across methods")
        .isInstanceOfSatisfying(UsageVerdict.Allowed.class, a -> assertThat(a.quotaRemaining()).hasValue(0));
    var rejected = (UsageVerdict.Rejected) limiter.check(KEY, "/a/GET");
    assertThat(rejected.status()).isEqualTo(429);
    assertThat(rejected.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
    assertThat(rejected.errorType()).isEqualTo("LimitExceededException");
    assertThat(rejected.gatewayResponseType()).isEqualTo("QUOTA_EXCEEDED");
  }

  @Test
  void throttledRequestsDoNotUseQuota() {
    UsagePlanLimiter limiter = UsagePlanLimiter.create(
        new UsagePlanLimits(new Throttle(1, 1), null, new Quota(2, QuotaPeriod.DAY)), clock);
    assertThat(passes(limiter, KEY, "/a/GET", 10)).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.check(KEY, "/a/GET")).isInstanceOfSatisfying(UsageVerdict.Allowed.class,
        a -> assertThat(a.quotaRemaining()).hasValue(0));
  }
}
