package dev.portcullis.engine.rules.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a usage plan says about one request. The rejections carry API Gateway's answer
 * (apigw-facts §6 and §1.2): status 429 is documented; the bodies and {@code x-amzn-ErrorType}
 * values are only observed (§10, open question 4), so the trace should say so.
 */
public sealed interface UsageVerdict {

  /**
   * Let through.
   *
   * @param tokensRemaining whole and fractional tokens left in the bucket used; empty without a throttle
   * @param quotaRemaining requests left this period; empty without a quota
   */
  record Allowed(OptionalDouble tokensRemaining, OptionalLong quotaRemaining) implements UsageVerdict {
    public Allowed {
      Objects.requireNonNull(tokensRemaining, "tokensRemaining");
      Objects.requireNonNull(quotaRemaining, "quotaRemaining");
    }
  }

  /** A refusal, with the response API Gateway sends. */
  sealed interface Rejected extends UsageVerdict {
    int status();

    String body();

    String errorType();

    /** The gateway response type (§1.1) an API may customise. */
    String gatewayResponseType();

    /** One sentence for the trace. */
    String reason();
  }

  /**
   * The bucket had no whole token.
   *
   * @param bucket which throttle applied: {@code plan} or the method key
   * @param retryAfter when a token will be there; empty if the bucket never refills
   */
  record Throttled(String bucket, Throttle throttle, Optional<Duration> retryAfter) implements Rejected {
    public Throttled {
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(throttle, "throttle");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override public int status() { return 429; }
    @Override public String body() { return "{\"message\":\"Too Many Requests\"}"; }
    @Override public String errorType() { return "TooManyRequestsException"; }
    @Override public String gatewayResponseType() { return "THROTTLED"; }

    @Override
    public String reason() {
      return "throttled by the " + bucket + " throttle (rate " + throttle.rateLimit() + "/s, burst "
          + throttle.burstLimit() + ")" + retryAfter.map(d -> "; next token in " + d.toMillis() + " ms").orElse("");
    }
  }

  /** The key used up its quota for the period; it resets at {@code resetsAt}. */
  record QuotaExceeded(Quota quota, Instant resetsAt) implements Rejected {
    public QuotaExceeded {
      Objects.requireNonNull(quota, "quota");
      Objects.requireNonNull(resetsAt, "resetsAt");
    }

    @Override public int status() { return 429; }
    @Override public String body() { return "{\"message\":\"Limit Exceeded\"}"; }
    @Override public String errorType() { return "LimitExceededException"; }
    @Override public String gatewayResponseType() { return "QUOTA_EXCEEDED"; }

    @Override
    public String reason() {
      return "quota of " + quota.limit() + " per " + quota.period() + " used up; resets at " + resetsAt + " (UTC)";
    }
  }
}
