package dev.portcullis.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.MutableClock;
import dev.portcullis.engine.trust.TrustGate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One builder, built more than once (a session and its world, a reset): each pipeline is the first one again. */
class PipelineBuilderTest {
  private final MutableClock clock = new MutableClock(PipelineFixtures.START);

  private Workspace workspace() throws Exception {
    String json = """
        {
          "schemaVersion": 1, "name": "twice",
          "gateways": [
            {"name": "twice", "flavor": "REST", "apiId": "twice1", "stage": "dev",
             "routes": [{"method": "GET", "path": "/echo", "authorization": "NONE", "integration": {"type": "echo"}}],
             "usagePlans": []}
          ],
          "emulator": {"localOnly": true}
        }
        """;
    return WorkspaceStore.create(clock).parse(Path.of("twice.json"), json.getBytes());
  }

  private Ruling echo(Pipeline pipeline, Workspace ws) {
    return pipeline.decide(PipelineFixtures.request(clock, "GET", "/dev/echo"), ws.gateway("twice").orElseThrow());
  }

  @Test
  void aSecondBuildBehindAClosedGateStillHandsTheEchoedEventJsonToTheRuling() throws Exception {
    Workspace ws = workspace();
    Pipeline.Builder builder = Pipeline.builder(ws).clock(clock).requestIds(PipelineFixtures.numberedIds())
        .trust(TrustGate.closed("twice.json"));

    try (Pipeline first = builder.build(); Pipeline second = builder.build()) {
      for (Pipeline pipeline : new Pipeline[] {first, second}) {
        Ruling ruling = echo(pipeline, ws);
        Ruling.Outcome.Allowed allowed = (Ruling.Outcome.Allowed) ruling.outcome();
        // the text the echo integration answered with is the ruling's event, not a second serialisation of it
        assertThat(ruling.eventJson()).as("the event JSON the echo wrote").isNotNull().isEqualTo(allowed.body());
        assertThat(ruling.integrationEventJson()).isEqualTo(allowed.body());
      }
    }
  }
}
