package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.matrix.CellResult;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixCell;
import dev.portcullis.engine.matrix.MatrixRunner;
import dev.portcullis.engine.matrix.MatrixSpec;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request that gets no answer says why in the trace's send step, its verdict, and the matrix cell (no real network: .invalid). */
class NamedFailuresTest {
  private static final String HOST = "zz9plural9.execute-api.us-east-1.amazonaws.com.invalid";

  private static Workspace unresolvable() throws Exception {
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    List<Gateway> gateways = demo.gateways().stream().map(g -> g.newBuilder().baseUrl("https://" + HOST + "/" + g.stage()).build()).toList();
    return demo.newBuilder().gateways(gateways).build();
  }

  @Test
  void aDnsFailureIsNamedInTheSendStepAndTheVerdict() throws Exception {
    Workspace ws = unresolvable();

    Trace trace = Session.remote(ws, null).build()
        .run(ws.request("health (no auth)").orElseThrow(), null, ChallengeHandler.none());

    Step send = trace.step(Step.Kind.SEND).orElseThrow();
    assertThat(send.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(send.summary()).isEqualTo("DNS failed: the host " + HOST + " could not be resolved.");
    assertThat(send.details()).anySatisfy(d -> assertThat(d).isInstanceOfSatisfying(Detail.Text.class, t -> {
      assertThat(t.label()).isEqualTo("fix");
      assertThat(t.text()).contains("API id 'zz9plural9'", "region 'us-east-1'", "private API");
    }));
    assertThat(trace.verdict().result()).isEqualTo(Verdict.Result.INCOMPLETE);
    assertThat(trace.verdict().sentence()).startsWith("No answer to judge: DNS failed: the host " + HOST).contains("Fix: API id");
  }

  @Test
  void theMatrixCellCarriesTheSameSentence() throws Exception {
    try (Session session = Session.remote(unresolvable(), null).build()) {
      Matrix matrix = MatrixRunner.create(session).run(new MatrixSpec(List.of("anonymous"), "payments GET /health", 1),
          (d, t, c) -> { }, () -> false);

      MatrixCell cell = matrix.cells().getFirst();
      assertThat(cell.result()).isEqualTo(CellResult.ERROR);
      assertThat(cell.trace().verdict().sentence()).contains("DNS failed: the host " + HOST + " could not be resolved.");
    }
  }
}
