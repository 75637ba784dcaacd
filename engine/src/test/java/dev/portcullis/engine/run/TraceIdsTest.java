package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.trace.Trace;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** House style 7: ids come from an injected source, so a test can name the trace it expects. */
class TraceIdsTest {
  @Test
  void traceIdsComeFromTheSessionsIdSource() throws Exception {
    Workspace demo = DemoWorkspace.load();
    AtomicInteger n = new AtomicInteger();
    Supplier<String> ids = () -> "id-" + n.incrementAndGet();
    try (Session session = Session.local(demo, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { }, ids)) {
      Trace first = session.run(demo.request("health (no auth)").orElseThrow(), null, ChallengeHandler.none());
      Trace second = session.run(demo.request("health (no auth)").orElseThrow(), null, ChallengeHandler.none());

      assertThat(first.id()).startsWith("id-");
      assertThat(second.id()).startsWith("id-").isNotEqualTo(first.id());
      assertThat(session.newId()).isEqualTo("id-" + (n.get()));
    }
  }
}
