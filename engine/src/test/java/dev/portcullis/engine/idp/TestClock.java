package dev.portcullis.engine.idp;

import dev.portcullis.engine.testing.MutableClock;
import java.time.Instant;

/** The clock of the identity-provider tests, shared by the local providers and the test's own clients. */
public final class TestClock extends MutableClock {
  /** Where every identity-provider test starts: a Monday morning, so token times are readable. */
  public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  public TestClock() {
    super(START);
  }
}
