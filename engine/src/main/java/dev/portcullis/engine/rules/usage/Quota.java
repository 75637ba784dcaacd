package dev.portcullis.engine.rules.usage;

import java.util.Objects;

/**
 * How many requests an API key may make per period ({@code QuotaSettings}, apigw-facts §6).
 * AWS's {@code offset} (requests subtracted in the first period) is not modelled: the emulator
 * has no record of when the plan was created, so every period starts with the full limit.
 */
public record Quota(int limit, QuotaPeriod period) {
  public Quota {
    if (limit < 0) {
      throw new IllegalArgumentException("quota limit must be >= 0, not " + limit);
    }
    Objects.requireNonNull(period, "quota period is required (DAY, WEEK or MONTH)");
  }
}
