package dev.portcullis.engine.rules.usage;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The token bucket API Gateway throttles with (apigw-facts §6): it starts full at the burst size,
 * refills continuously at the rate, and a request passes when it can take a whole token. Time is a
 * supplied nanosecond reading, so tests step a fake clock instead of sleeping. Thread-safe.
 */
public final class TokenBucket {
  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final Throttle throttle;
  private final LongSupplier nanos;
  private double tokens;
  private long lastRefill;

  private TokenBucket(Throttle throttle, LongSupplier nanos) {
    this.throttle = Objects.requireNonNull(throttle, "token bucket: throttle is required");
    this.nanos = Objects.requireNonNull(nanos, "token bucket: time source is required");
    this.tokens = throttle.burstLimit();
    this.lastRefill = nanos.getAsLong();
  }

  /** A full bucket for {@code throttle}, reading time from {@code nanos}. */
  public static TokenBucket create(Throttle throttle, LongSupplier nanos) {
    return new TokenBucket(throttle, nanos);
  }

  /** Takes one token if there is one; false means throttled. */
  public synchronized boolean tryTake() {
    refill();
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** Tokens available now, fractions included. */
  public synchronized double available() {
    refill();
    return tokens;
  }

  /** How long until one token is there; empty when the bucket never refills to one. */
  public synchronized Optional<Duration> untilNextToken() {
    refill();
    if (tokens >= 1) {
      return Optional.of(Duration.ZERO);
    }
    if (throttle.rateLimit() == 0 || throttle.burstLimit() < 1) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / throttle.rateLimit() * NANOS_PER_SECOND)));
  }

  public Throttle throttle() {
    return throttle;
  }

  private void refill() {
    long now = nanos.getAsLong();
    // A clock that steps back must not drain or overfill the bucket; wait for it to catch up.
    if (now <= lastRefill) {
      return;
    }
    tokens = Math.min(throttle.burstLimit(), tokens + (now - lastRefill) * throttle.rateLimit() / NANOS_PER_SECOND);
    lastRefill = now;
  }
}
