package dev.portcullis.engine.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Step;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's whole matrix through the local gateway, and a copy with one route broken. */
class MatrixRunnerTest {
  private static final String REFRESH = "payments POST /internal/refresh";
  private static Workspace demo;
  private static Session session;
  private static Matrix matrix;
  private static final List<Integer> PROGRESS = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void runTheDemo() throws Exception {
    demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    session = Session.local(demo, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { });
    matrix = MatrixRunner.create(session).run(MatrixSpec.all(), (done, total, cell) -> PROGRESS.add(done), () -> false);
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static MatrixCell cell(String row, String caller) {
    return matrix.cell(row, caller).orElseThrow(() -> new AssertionError("no cell " + row + " × " + caller));
  }

  @Test
  void everyCellOfTheDemoMeetsItsExpectation() {
    assertThat(matrix.rows()).hasSize(8).startsWith("payments GET /me").contains(REFRESH, "b2b POST /b2b/settlements");
    assertThat(matrix.callers()).hasSize(demo.callers().size());
    assertThat(matrix.cells()).hasSize(8 * demo.callers().size());
    assertThat(matrix.failures()).as("failures: %s", matrix.failures().stream()
        .map(c -> c.row() + " × " + c.caller() + ": " + c.trace().verdict().sentence()).toList()).isEmpty();
    assertThat(matrix.passed()).isTrue();
  }

  @Test
  void savedCellsUseTheSavedRequestAndDerivedCellsSayWhy() {
    MatrixCell refreshJob = cell(REFRESH, "refresh-job");
    assertThat(refreshJob.expected().source()).isEqualTo(Expected.Source.SAVED);
    assertThat(refreshJob.trace().request().name()).isEqualTo("refresh as refresh-job");
    assertThat(refreshJob.allowed()).isTrue();
    MatrixCell anonymous = cell(REFRESH, "anonymous");
    assertThat(anonymous.expected()).satisfies(e -> {
      assertThat(e.source()).isEqualTo(Expected.Source.DERIVED);
      assertThat(e.allow()).isFalse();
      assertThat(e.why()).contains("AWS_IAM route").contains("does not sign with SigV4");
    });
    assertThat(anonymous.status()).isEqualTo(403);
    assertThat(cell("payments GET /health", "bob").expected().allow()).isTrue();
    assertThat(cell("mobile GET /v2/me", "alice").trace().request().url()).endsWith("/v2/me");
  }

  @Test
  void theCachedPolicyTrapSpringsBecauseOneCallersCellsRunInWorkspaceOrder() {
    assertThat(cell("payments POST /partners/{id}/transactions", "initech").allowed()).isTrue();
    MatrixCell trap = cell("payments GET /partners/{id}/transactions", "initech");
    assertThat(trap.decidedBy()).isEqualTo("lambda.cache");
    assertThat(trap.result()).isEqualTo(CellResult.MATCH);
  }

  @Test
  void theTrapListedBeforeItsPostStillSpringsBecauseItDependsOnIt() throws Exception {
    List<dev.portcullis.engine.model.SavedRequest> reordered = new java.util.ArrayList<>(demo.requests());
    dev.portcullis.engine.model.SavedRequest trap = demo.request("transactions: cached-policy trap").orElseThrow();
    reordered.remove(trap);
    reordered.addFirst(trap);
    Workspace ws = new Workspace(demo.schemaVersion(), demo.name(), demo.description(), demo.variables(), demo.defaultCaller(),
        demo.gateways(), demo.callers(), demo.folders(), reordered, demo.environments(), demo.emulator());
    try (Session s = Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      Matrix m = MatrixRunner.create(s).run(new MatrixSpec(List.of("initech"), "payments * /partners/{id}/transactions", 1),
          ProgressListener.none(), () -> false);
      MatrixCell get = m.cells().stream().filter(c -> c.row().equals("payments GET /partners/{id}/transactions")).findFirst().orElseThrow();
      assertThat(get.decidedBy()).isEqualTo("lambda.cache");
      assertThat(get.result()).isEqualTo(CellResult.MATCH);
    }
  }

  @Test
  void tokenCallersGetTheirCredentialOnceNotPerCell() {
    for (Caller c : demo.callers()) {
      if (c instanceof Caller.CognitoUser || c instanceof Caller.OidcClient) {
        long fresh = matrix.cells().stream().filter(cell -> cell.caller().equals(c.name()))
            .map(cell -> cell.trace().step(Step.Kind.ACQUIRE).map(s -> (Step.Acquire) s).orElseThrow())
            .filter(a -> !a.cached()).count();
        assertThat(fresh).as("fresh acquisitions for %s", c.name()).isEqualTo(1);
      }
    }
  }

  @Test
  void burstsQuotasAndSkewedClocksAreLeftOutAndSaidSo() {
    List<String> excluded = MatrixRunner.create(session).excluded(MatrixSpec.all());
    assertThat(excluded).anyMatch(s -> s.startsWith("'transactions: throttled burst'"))
        .anyMatch(s -> s.startsWith("'transactions: trial quota'")).anyMatch(s -> s.startsWith("'refresh with clock skew'"));
  }

  @Test
  void progressCountsEveryCellUpToTheTotal() {
    assertThat(PROGRESS).hasSize(matrix.cells().size());
    assertThat(PROGRESS.stream().sorted().toList()).isEqualTo(PROGRESS);
    assertThat(PROGRESS.getLast()).isEqualTo(matrix.cells().size());
  }

  @Test
  void anIamRouteSetToNoneLetsInACallerItShouldNot() throws Exception {
    Workspace broken = withRoute(demo, "mobile", "/v2/internal/sync", Route.AuthorizationType.NONE);
    Matrix m = runInternalRoutes(broken);
    assertThat(m.passed()).isFalse();
    MatrixCell first = m.failures().getFirst();
    assertThat(first.result()).isEqualTo(CellResult.UNEXPECTED_ALLOW);
    assertThat(first.row()).isEqualTo("mobile POST /v2/internal/sync");
    assertThat(first.caller()).isEqualTo("reporting");
    assertThat(first.expected().source()).isEqualTo(Expected.Source.SAVED);
    assertThat(m.failures()).allMatch(c -> c.row().equals("mobile POST /v2/internal/sync"));
  }

  /**
   * With NONE on the REST route the resource policy still applies, to an anonymous caller: its Deny
   * on {@code StringNotEquals aws:PrincipalArn} matches when the key is absent, so nobody gets in and
   * the failure is refresh-job's unexpected deny, not an allow. Without that deny, reporting gets in.
   */
  @Test
  void theRestRouteSetToNoneIsStillGuardedByTheResourcePolicyUntilItsDenyGoes() throws Exception {
    Workspace broken = withRoute(demo, "payments", "/internal/refresh", Route.AuthorizationType.NONE);
    Matrix guarded = runInternalRoutes(broken);
    assertThat(guarded.failures()).extracting(MatrixCell::caller, MatrixCell::result)
        .contains(org.assertj.core.groups.Tuple.tuple("refresh-job", CellResult.UNEXPECTED_DENY));
    assertThat(guarded.failures()).noneMatch(c -> c.result() == CellResult.UNEXPECTED_ALLOW);

    Workspace open = withoutResourcePolicy(broken, "payments");
    MatrixCell first = runInternalRoutes(open).failures().getFirst();
    assertThat(first.result()).isEqualTo(CellResult.UNEXPECTED_ALLOW);
    assertThat(first.row()).isEqualTo(REFRESH);
    assertThat(first.caller()).isEqualTo("reporting");
  }

  private static Matrix runInternalRoutes(Workspace ws) throws Exception {
    try (Session s = Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      return MatrixRunner.create(s).run(new MatrixSpec(List.of("refresh-job", "reporting", "anonymous"), "*/internal/*", 2),
          ProgressListener.none(), () -> false);
    }
  }

  static Workspace withoutResourcePolicy(Workspace ws, String gateway) {
    List<Gateway> gateways = ws.gateways().stream().map(g -> !g.name().equals(gateway) ? g : new Gateway(g.name(), g.flavor(), g.region(),
        g.accountId(), g.apiId(), g.stage(), g.baseUrl(), g.localPort(), g.apiKeySource(), g.routes(), g.authorizers(), g.usagePlans(),
        null)).toList();
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), gateways, ws.callers(),
        ws.folders(), ws.requests(), ws.environments(), ws.emulator());
  }

  @Test
  void cancellingStopsStartingCells() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    Matrix m = MatrixRunner.create(session).run(new MatrixSpec(List.of("anonymous", "acme"), "payments GET /health", 1),
        (done, total, cell) -> seen.set(done), () -> seen.get() >= 1);
    assertThat(m.cells()).hasSize(1);
    assertThat(m.passed()).isFalse();
  }

  @Test
  void unknownCallersAndGlobsMatchingNothingAreConfigurationErrors() {
    MatrixRunner runner = MatrixRunner.create(session);
    assertThatThrownBy(() -> runner.run(new MatrixSpec(List.of("mallory"), null, 1), ProgressListener.none(), () -> false))
        .hasMessageContaining("caller 'mallory' is not in workspace payments-demo");
    assertThatThrownBy(() -> runner.run(new MatrixSpec(List.of(), "/nothing/*", 1), ProgressListener.none(), () -> false))
        .hasMessageContaining("no route matches '/nothing/*'");
  }

  static Workspace withRoute(Workspace ws, String gateway, String path, Route.AuthorizationType type) {
    List<Gateway> gateways = ws.gateways().stream().map(g -> !g.name().equals(gateway) ? g : new Gateway(g.name(), g.flavor(), g.region(),
        g.accountId(), g.apiId(), g.stage(), g.baseUrl(), g.localPort(), g.apiKeySource(), g.routes().stream()
        .map(r -> !r.path().equals(path) ? r : new Route(r.method(), r.path(), type, null, List.of(), r.apiKeyRequired(), r.integration(),
            r.throttle())).toList(), g.authorizers(), g.usagePlans(), g.resourcePolicy())).toList();
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), gateways, ws.callers(),
        ws.folders(), ws.requests(), ws.environments(), ws.emulator());
  }
}
