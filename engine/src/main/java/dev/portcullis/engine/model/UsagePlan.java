package dev.portcullis.engine.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A REST usage plan: throttle and quota for the API keys in it.
 *
 * @param methodThrottles per method ({@code POST /partners/{id}/transactions}), overriding {@code throttle}
 */
public record UsagePlan(String name, Throttle throttle, Quota quota, Map<String, Throttle> methodThrottles) {
  public UsagePlan {
    Names.require(name, "usage plan name");
    methodThrottles =
        methodThrottles == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(methodThrottles));
  }

  /** Steady-state requests per second and bucket size. */
  public record Throttle(double rateLimit, int burstLimit) {
    public Throttle {
      if (rateLimit < 0 || burstLimit < 0) {
        throw new IllegalArgumentException("throttle rate and burst must not be negative");
      }
    }
  }

  public record Quota(long limit, Period period) {
    public Quota {
      if (limit < 0) {
        throw new IllegalArgumentException("quota limit must not be negative");
      }
      period = period == null ? Period.DAY : period;
    }

    public enum Period { DAY, WEEK, MONTH }
  }
}
