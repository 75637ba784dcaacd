package dev.portcullis.engine.importer.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.importer.CorpusExpectationsAccess;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixCell;
import dev.portcullis.engine.matrix.MatrixRunner;
import dev.portcullis.engine.matrix.MatrixSpec;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.store.DemoWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's gateways exported as OpenAPI with extensions and imported again keep every route's
 * protection, and the demo's matrix run on the imported protections gives the same results cell for
 * cell (the local world's stand-ins, plans and throttles stay the demo's: OpenAPI does not carry them).
 */
class DemoRoundTripTest {
  @Test
  void exportedAndImportedTheDemoProtectsEveryRouteAsBefore(@TempDir Path dir) throws Exception {
    Workspace demo = DemoWorkspace.load();
    List<Gateway> gateways = new ArrayList<>();
    for (Gateway g : demo.gateways()) {
      Path file = Files.writeString(dir.resolve(g.name() + ".json"), OpenApiExporter.export(g));
      Gateway imported = CorpusExpectationsAccess.only(Importer.create().importFile(file).workspace());
      assertThat(imported.flavor()).isEqualTo(g.flavor());
      assertThat(imported.apiKeySource()).isEqualTo(g.apiKeySource());
      assertThat(CorpusExpectationsAccess.routes(imported)).as(g.name()).isEqualTo(CorpusExpectationsAccess.routes(g));
      assertThat(imported.authorizers().stream().map(a -> a.name()).filter(n -> !n.equals("unreadable-protection")).toList())
          .containsExactlyInAnyOrderElementsOf(g.authorizers().stream().map(a -> a.name()).toList());
      List<Route> routes = g.routes().stream().map(r -> {
        Route i = imported.routes().stream().filter(x -> x.key().equals(r.key())).findFirst().orElseThrow();
        return new Route(r.method(), r.path(), i.authorization(), i.authorizer(), i.scopes(), i.apiKeyRequired(), r.integration(), r.throttle());
      }).toList();
      gateways.add(new Gateway(g.name(), g.flavor(), g.region(), g.accountId(), g.apiId(), g.stage(), g.baseUrl(), g.localPort(),
          imported.apiKeySource(), routes, g.authorizers(), g.usagePlans(), g.resourcePolicy()));
    }
    Workspace roundTripped = new Workspace(demo.schemaVersion(), demo.name(), demo.description(), demo.variables(), demo.defaultCaller(),
        gateways, demo.callers(), demo.folders(), demo.requests(), demo.environments(), demo.emulator());

    Map<String, String> before = results(demo);
    Map<String, String> after = results(roundTripped);
    assertThat(before).as("8 routes × 14 callers").hasSize(112);
    assertThat(after).isEqualTo(before);
  }

  private static Map<String, String> results(Workspace ws) throws Exception {
    try (Session s = Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { })) {
      Matrix m = MatrixRunner.create(s).run(MatrixSpec.all(), (d, t, c) -> { }, () -> false);
      Map<String, String> out = new TreeMap<>();
      for (MatrixCell c : m.cells()) {
        out.put(c.row() + " × " + c.caller(), c.allowed() + " " + c.status() + " " + c.result());
      }
      return out;
    }
  }
}
