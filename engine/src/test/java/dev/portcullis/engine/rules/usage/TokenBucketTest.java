package dev.portcullis.engine.rules.usage;

import dev.portcullis.engine.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** apigw-facts §6: "the token bucket algorithm, where a token counts for a request"; burstLimit is the size. */
class TokenBucketTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T12:00:00Z"));

  private static int takeAll(TokenBucket bucket) {
    int taken = 0;
    while (bucket.tryTake()) {
      taken++;
    }
    return taken;
  }

  @Test
  void burstOf200ThenSteady100PerSecond() {
    TokenBucket bucket = TokenBucket.create(new Throttle(100, 200), clock::nanos);
    for (int i = 0; i < 200; i++) {
      assertThat(bucket.tryTake()).as("request %d at t=0", i + 1).isTrue();
    }
    assertThat(bucket.tryTake()).as("request 201 at t=0").isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(takeAll(bucket)).as("requests after 1 s").isEqualTo(100);
  }

  @ParameterizedTest(name = "§6 rate {0}/s burst {1}: after {2} ms idle from empty, {3} pass")
  @CsvSource({
      "100, 200, 10,    1",
      "100, 200, 9,     0",
      "100, 200, 5000,  200",
      "0.5, 3,   1999,  0",
      "0.5, 3,   2000,  1",
      "10,  0,   10000, 0"})
  void refillsAtTheRateUpToTheBurst(double rate, int burst, long idleMillis, int expected) {
    TokenBucket bucket = TokenBucket.create(new Throttle(rate, burst), clock::nanos);
    takeAll(bucket);
    clock.advance(Duration.ofMillis(idleMillis));
    assertThat(takeAll(bucket)).isEqualTo(expected);
  }

  @Test
  void aClockSteppingBackNeitherRefillsNorDrains() {
    TokenBucket bucket = TokenBucket.create(new Throttle(100, 5), clock::nanos);
    bucket.tryTake();
    clock.advance(Duration.ofSeconds(-30));
    assertThat(bucket.available()).isEqualTo(4.0);
  }

  @Test
  void concurrentTakersNeverGetMoreThanTheBurst() throws Exception {
    // The clock stands still, so exactly the burst may pass however the threads interleave.
    TokenBucket bucket = TokenBucket.create(new Throttle(100, 500), clock::nanos);
    java.util.concurrent.atomic.AtomicInteger passed = new java.util.concurrent.atomic.AtomicInteger();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      for (int t = 0; t < 4; t++) {
        pool.submit(() -> {
          for (int i = 0; i < 400; i++) {
            if (bucket.tryTake()) {
              passed.incrementAndGet();
            }
          }
        });
      }
    }
    assertThat(passed.get()).isEqualTo(500);
  }

  @Test
  void saysWhenTheNextTokenArrives() {
    TokenBucket bucket = TokenBucket.create(new Throttle(4, 1), clock::nanos);
    bucket.tryTake();
    assertThat(bucket.untilNextToken()).contains(Duration.ofMillis(250));
  }
}
