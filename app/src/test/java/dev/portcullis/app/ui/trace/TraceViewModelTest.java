package dev.portcullis.app.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.WorkbenchViewModel;
import dev.portcullis.engine.http.Timings;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceViewModelTest {
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJlLWJ5dGVz";
  private final WorkbenchViewModel workbench = new WorkbenchViewModel(BackgroundTasks.direct());
  private final TraceViewModel model = workbench.trace();

  @AfterEach
  void close() {
    workbench.close();
  }

  @Test
  void tokensAreMaskedUntilRevealed() {
    assertThat(model.shown("Bearer " + JWT)).doesNotContain(JWT).contains("eyJh****");
    assertThat(model.shown("Authorization", "Bearer abcdefghijklmnopqrstuvwxyz")).isEqualTo("Bearer abcd****wxyz");

    model.revealedProperty().set(true);

    assertThat(model.shown("Bearer " + JWT)).contains(JWT);
    assertThat(model.shown("Authorization", "Bearer abcdefghijklmnopqrstuvwxyz")).endsWith("abcdefghijklmnopqrstuvwxyz");
  }

  @Test
  void aHugeBodyIsCutWithItsSizeSaid() {
    String huge = "x".repeat(3 * 1024 * 1024);

    TraceViewModel.Body body = model.body(huge, huge.length());

    assertThat(body.text()).hasSize(TraceViewModel.SHOWN_BODY_CHARS);
    assertThat(body.note()).isEqualTo("Showing the first 64.0 KB of 3.0 MB; export the trace for all of it.");
  }

  @Test
  void aJsonBodyIsPrettyPrinted() {
    TraceViewModel.Body body = model.body("{\"a\":{\"b\":1}}", 13);

    assertThat(body.json()).isTrue();
    assertThat(body.text()).contains("\n").contains("\"b\": 1");
    assertThat(body.note()).isEqualTo("13 B");
  }

  @Test
  void timingsBecomeConsecutiveBars() {
    var phases = TraceViewModel.phases(new Timings(Duration.ofMillis(2), Duration.ofMillis(3), null,
        Duration.ofMillis(20), Duration.ofMillis(26)));

    assertThat(phases).extracting(TraceViewModel.Phase::name).containsExactly("DNS", "Connect", "Waiting", "Download");
    assertThat(phases).extracting(TraceViewModel.Phase::startMillis).containsExactly(0L, 2L, 5L, 20L);
    assertThat(phases.getLast().millis()).isEqualTo(6);
  }

  @Test
  void theExpiryCountsDownWithTheClock() {
    Instant start = Instant.parse("2026-01-01T10:00:00Z");
    Clock[] clock = {Clock.fixed(start, ZoneOffset.UTC)};
    TraceViewModel ticking = new TraceViewModel(BackgroundTasks.direct(), workbench.log(), () -> null, new Clock() {
      public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
      public Clock withZone(java.time.ZoneId zone) { return this; }
      public Instant instant() { return clock[0].instant(); }
    });
    Instant exp = start.plusSeconds(3600);
    assertThat(ticking.countdown(exp)).isEqualTo("expires in 60:00");

    clock[0] = Clock.fixed(start.plusSeconds(61), ZoneOffset.UTC);
    ticking.tick();

    assertThat(ticking.countdown(exp)).isEqualTo("expires in 58:59");
    clock[0] = Clock.fixed(exp.plusSeconds(180), ZoneOffset.UTC);
    ticking.tick();
    assertThat(ticking.countdown(exp)).isEqualTo("expired 3 min ago");
  }

  @Test
  void anExportedTraceHidesTheTokenEvenWhenRevealed(@TempDir Path dir) throws Exception {
    workbench.openDemo();
    workbench.selectRequest("me as bob");
    workbench.request().send();
    Trace trace = model.traceProperty().get();
    String token = ((Step.Inspect) trace.step(Step.Kind.INSPECT).orElseThrow()).token().token();
    model.revealedProperty().set(true);

    model.exportJson(dir.resolve("t.json"));
    model.exportMarkdown(dir.resolve("t.md"));

    assertThat(Files.readString(dir.resolve("t.json"))).contains("schemaVersion").doesNotContain(token);
    assertThat(Files.readString(dir.resolve("t.md"))).contains("me as bob").doesNotContain(token);
    assertThat(workbench.statusProperty().get()).contains("secrets masked");
  }

  @Test
  void theContextIsAnOutline() {
    var root = model.outline("{\"requestContext\":{\"authorizer\":{\"tenantId\":\"acme\"}}}").orElseThrow();

    assertThat(root.children().getFirst().key()).isEqualTo("requestContext");
    assertThat(root.children().getFirst().children().getFirst().children().getFirst().value()).isEqualTo("acme");
    assertThat(model.outline("not json")).isEmpty();
  }
}
