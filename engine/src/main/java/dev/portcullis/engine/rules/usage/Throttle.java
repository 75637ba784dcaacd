package dev.portcullis.engine.rules.usage;

/**
 * A usage plan's or a method's throttle, as API Gateway's {@code ThrottleSettings} (apigw-facts §6):
 * a token bucket that refills at {@code rateLimit} tokens per second and holds at most
 * {@code burstLimit}; each request takes one token.
 */
public record Throttle(double rateLimit, int burstLimit) {
  public Throttle {
    if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
      throw new IllegalArgumentException("throttle rateLimit must be a finite number of requests per second >= 0, not "
          + rateLimit);
    }
    if (burstLimit < 0) {
      throw new IllegalArgumentException("throttle burstLimit must be >= 0, not " + burstLimit);
    }
  }
}
