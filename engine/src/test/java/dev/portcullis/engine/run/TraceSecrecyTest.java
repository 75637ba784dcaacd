package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.export.TraceExport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Traces of real requests, exported, carry no secret or full token (the secrecy rule). */
class TraceSecrecyTest {
  @Test
  void exportedTracesOfEveryCallerKindHoldNoSecretNorFullToken() throws Exception {
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    try (Session session = Session.local(demo, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      List<Trace> traces = new ArrayList<>();
      for (String name : List.of("me as bob", "transactions as acme", "refresh as refresh-job", "settlements as the bank",
          "v2 me as alice")) {
        traces.add(session.run(demo.request(name).orElseThrow(), null, ChallengeHandler.none()));
      }
      List<String> secrets = new ArrayList<>(List.of("Bob#local-2026", "Alice#local-2026", "local-acme-3f9a1b7c5d2e4f60a1b2c3d4",
          "localonly/refreshjob/0000000000000000000000", "local-only-backoffice-secret-9a1c"));
      for (Trace t : traces) {
        t.steps().stream().filter(s -> s instanceof Step.Inspect i && i.token() != null)
            .map(s -> ((Step.Inspect) s).token().token()).forEach(secrets::add);
        t.steps().stream().filter(s -> s instanceof Step.Inspect i && i.sigv4() != null)
            .map(s -> ((Step.Inspect) s).sigv4().signature()).forEach(secrets::add);
      }
      assertThat(secrets).hasSizeGreaterThan(8);
      TraceExport export = TraceExport.create(session.masking());

      for (Trace t : traces) {
        String json = export.toJson(t);
        String markdown = export.toMarkdown(t);
        for (String secret : secrets) {
          assertThat(json).as("JSON export of %s", t.request().name()).doesNotContain(secret);
          assertThat(markdown).as("Markdown export of %s", t.request().name()).doesNotContain(secret);
        }
        assertThat(export.fromJson(json).steps()).hasSameSizeAs(t.steps());
      }
    }
  }
}
