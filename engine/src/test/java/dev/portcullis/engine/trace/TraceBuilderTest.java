package dev.portcullis.engine.trace;

import dev.portcullis.engine.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceBuilderTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));
  private final RequestSummary request = new RequestSummary("me", "GET", "http://localhost/prod/me", "alice", "local");

  @Test
  void timesStepsWithTheInjectedClock() {
    TraceBuilder builder = TraceBuilder.start("t-1", request, clock);
    TraceBuilder.Timer timer = builder.timer();
    clock.advance(Duration.ofMillis(250));

    builder.add(new Step.Acquire(Outcome.OK, "Signed in", List.of(), timer.elapsed(), "USER_SRP_AUTH", "local", false));
    Trace trace = builder.abort("the gateway did not answer", null);

    assertThat(trace.startedAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(trace.steps().getFirst().duration()).isEqualTo(Duration.ofMillis(250));
    assertThat(trace.steps().getLast()).isInstanceOf(Step.Verdict.class);
    assertThat(trace.verdict().result()).isEqualTo(Verdict.Result.INCOMPLETE);
    assertThat(trace.verdict().sentence()).contains("the gateway did not answer");
  }

  @Test
  void refusesStepsOutOfPipelineOrder() {
    TraceBuilder builder = TraceBuilder.start("t-1", request, clock);
    builder.add(new Step.Predict(Outcome.SKIPPED, "Local gateway: no prediction", List.of(), Duration.ZERO, null));

    assertThatThrownBy(() -> builder.add(new Step.Acquire(Outcome.OK, "late", List.of(), Duration.ZERO, "", "", false)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ACQUIRE after PREDICT");
  }

  @Test
  void aSummaryIsOneLine() {
    assertThatThrownBy(() -> new Step.Context(Outcome.OK, "two\nlines", List.of(), Duration.ZERO, ""))
        .hasMessageContaining("one line");
  }

}
