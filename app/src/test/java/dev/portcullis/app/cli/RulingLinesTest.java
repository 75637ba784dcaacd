package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.rules.Ruling;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Memory and log size under load (issue 12, item 8): bounded ruling lines, and a heap bound in both launchers. */
class RulingLinesTest {
  private static Ruling ruling(int i, boolean allowed) {
    Ruling.Outcome outcome = allowed ? new Ruling.Outcome.Allowed(200, Map.of(), "")
        : new Ruling.Outcome.Denied(429, "THROTTLED", "TooManyRequestsException", "{}", Map.of(), "usagePlan.throttle");
    return new Ruling("id-" + i, Instant.EPOCH, "payments", Gateway.Flavor.REST, "GET", "/prod/health", "GET /health", outcome,
        List.of(), null);
  }

  @Test
  void aBusySecondPrintsItsFirstLinesThenOneSummary() {
    StringWriter text = new StringWriter();
    AtomicLong nanos = new AtomicLong(5_000_000_000L);
    RulingLines lines = new RulingLines(new PrintWriter(text), nanos::get);
    for (int i = 0; i < 1000; i++) {
      lines.accept(ruling(i, i % 10 != 0));
    }
    nanos.addAndGet(1_000_000_000L);
    lines.accept(null);
    lines.accept(ruling(1000, true));
    List<String> out = text.toString().lines().toList();
    assertThat(out).hasSize(RulingLines.PER_SECOND + 2);
    assertThat(out.get(RulingLines.PER_SECOND)).startsWith("… 950 more rulings that second (855 allowed, 95 denied)");
    assertThat(out.getLast()).startsWith("id-1000 payments GET /prod/health -> ALLOW");
  }

  @Test
  void bothLaunchersBoundTheHeap() throws Exception {
    Path root = Path.of(System.getProperty("portcullis.root"));
    assertThat(Files.readAllLines(root.resolve("portcullis"))).anySatisfy(l -> assertThat(l).startsWith("JVM_OPTS=(").contains("-Xmx"));
    assertThat(Files.readAllLines(root.resolve("installer/build.sh")))
        .anySatisfy(l -> assertThat(l).startsWith("JAVA_OPTIONS=(").contains("-Xmx"));
  }
}
