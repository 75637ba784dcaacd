package dev.portcullis.engine.idp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, shared by the local providers and the test's own clients. */
public final class TestClock extends Clock {
  /** Where every identity-provider test starts: a Monday morning, so token times are readable. */
  public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private volatile Instant now = START;

  public void advance(Duration step) {
    now = now.plus(step);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the test clock is UTC only");
  }
}
