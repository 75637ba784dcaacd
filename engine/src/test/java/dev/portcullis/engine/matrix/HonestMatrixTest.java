package dev.portcullis.engine.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A cell is "as expected" only when its expectation came from somewhere other than the failure it
 * judges. When the issuer's keys cannot be fetched (spec/apigw-facts.md §3, "JWKS fetch, caching and
 * timeouts"), the rule book's prediction and the gateway's answer are the same failure: a derived
 * expectation taken from that prediction would pass it.
 */
class HonestMatrixTest {

  /** The demo with the mobile API's JWT issuer moved to a loopback port nothing listens on. */
  static Workspace keysUnreachable() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    return dev.portcullis.engine.testing.DemoVariants.mobileIssuer("http://127.0.0.1:" + closed + "/us-east-1_Local01");
  }

  @Test
  void unreachableIssuerKeysMakeTheCellsUnknownNotAsExpected() throws Exception {
    try (Session session = Session.local(keysUnreachable(), Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      Matrix matrix = MatrixRunner.create(session).run(new MatrixSpec(List.of("alice", "bob", "alice-id"), "mobile GET /v2/me", 2),
          (d, t, c) -> { }, () -> false);

      assertThat(matrix.cells()).hasSize(3);
      // bob and alice (access tokens) have no saved request here: their expectation would be derived from the prediction
      for (String caller : List.of("alice", "bob")) {
        MatrixCell cell = matrix.cell("mobile GET /v2/me", caller).orElseThrow();
        assertThat(cell.status()).as("the local gateway refuses: it cannot get the keys either").isEqualTo(401);
        assertThat(cell.decidedBy()).isEqualTo("jwks.fetch");
        assertThat(cell.result()).as(caller).isEqualTo(CellResult.UNKNOWN);
        assertThat(cell.expected().known()).isFalse();
        assertThat(cell.expected().why()).contains("rests on a fault", "jwks.fetch", "127.0.0.1");
      }
      // alice-id's saved request expects 200: that expectation is the user's, so the failure is an unexpected deny
      assertThat(matrix.cell("mobile GET /v2/me", "alice-id").orElseThrow().result()).isEqualTo(CellResult.UNEXPECTED_DENY);
      assertThat(matrix.count(CellResult.UNKNOWN)).isEqualTo(2);
      assertThat(matrix.count(CellResult.MATCH)).isZero();
      assertThat(matrix.passed()).isFalse();
    }
  }

  @Test
  void aCallerThatCannotPassAtAllIsStillExpectedDeniedFromTheKindCheck() throws Exception {
    try (Session session = Session.local(keysUnreachable(), Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      Matrix matrix = MatrixRunner.create(session).run(new MatrixSpec(List.of("anonymous"), "mobile GET /v2/me", 1),
          (d, t, c) -> { }, () -> false);

      MatrixCell anonymous = matrix.cells().getFirst();
      // sends no token at all, so the configuration alone says deny: the unreachable keys play no part
      assertThat(anonymous.result()).isEqualTo(CellResult.MATCH);
      assertThat(anonymous.expected().source()).isEqualTo(Expected.Source.DERIVED);
      assertThat(anonymous.expected().why()).doesNotContain("rule book predicts");
    }
  }

  @Test
  void aWorkspaceWithNoCallersOrNoRoutesIsRefusedWithASentence() throws Exception {
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    Workspace noCallers = demo.newBuilder().callers(List.of()).requests(List.of()).folders(List.of()).defaultCaller(null).build();
    assertThatThrownBy(() -> MatrixPlan.of(noCallers, MatrixSpec.all())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no callers").hasMessageContaining("add a caller");
    Workspace noRoutes = demo.newBuilder().gateways(demo.gateways().stream().map(g -> g.newBuilder().routes(List.of()).build()).toList())
        .requests(List.of()).build();
    assertThatThrownBy(() -> MatrixPlan.of(noRoutes, MatrixSpec.all())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no routes");
  }
}
