package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code portcullis matrix} never passes a failure by judging it against itself: with the issuer's
 * keys unreachable (spec/apigw-facts.md §3, "JWKS fetch, caching and timeouts") the derived cells are
 * UNKNOWN in every format and the run exits 1; an empty workspace is a usage error (exit 2).
 */
class HonestMatrixCommandTest {
  @TempDir static Path dir;
  private static Path unreachable;
  private static final String[] CELLS = {"--routes", "mobile GET /v2/me", "--callers", "alice,bob"};

  @BeforeAll
  static void moveTheIssuerToAClosedPort() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String issuer = "http://127.0.0.1:" + closed + "/us-east-1_Local01";
    UnaryOperator<Gateway> change = g -> !g.name().equals("mobile") ? g : g.newBuilder().authorizers(g.authorizers().stream()
        .map(a -> a instanceof Authorizer.Jwt j ? new Authorizer.Jwt(j.name(), issuer, j.audiences(), j.identitySource()) : a).toList())
        .build();
    unreachable = Cli.demoCopy(dir, change);
  }

  private static Cli matrix(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("matrix", "--workspace", unreachable.toString()));
    args.addAll(List.of(CELLS));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void theTableShowsUnknownCellsCountedApartAndExitsOne() {
    Cli run = matrix();
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("UNKNOWN          mobile GET /v2/me × alice: got 401 jwks.fetch; nothing to judge it by")
        .contains("rests on a fault (jwks.fetch").contains("2 cells in").contains(": 0 as expected, 2 unknown")
        .contains("◌ 401").contains("◌ unknown").doesNotContain("✓ 401");
  }

  @Test
  void everyReportFormatSaysUnknown() throws Exception {
    Path md = dir.resolve("m.md");
    assertThat(matrix("--format", "md", "--out", md.toString()).exit()).isEqualTo(1);
    assertThat(Files.readString(md)).contains("**unknown**: mobile GET /v2/me × alice").contains("◌ 401 jwks.fetch");

    Path html = dir.resolve("m.html");
    assertThat(matrix("--format", "html", "--out", html.toString()).exit()).isEqualTo(1);
    assertThat(Files.readString(html)).contains("<td class=\"UNKNOWN deny\" data-result=\"UNKNOWN\"").contains("nothing to judge by");

    Path json = dir.resolve("m.json");
    assertThat(matrix("--format", "json", "--out", json.toString()).exit()).isEqualTo(1);
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    assertThat(tree.get("passed").asBoolean()).isFalse();
    assertThat(tree.get("cells")).allSatisfy(c -> {
      assertThat(c.get("result").asText()).isEqualTo("UNKNOWN");
      assertThat(c.get("expected").get("source").asText()).isEqualTo("NONE");
    });

    Path junit = dir.resolve("m.xml");
    assertThat(matrix("--format", "junit", "--out", junit.toString()).exit()).isEqualTo(1);
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(Files.readAllBytes(junit)));
    assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("2");
    assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    assertThat(xml.getElementsByTagName("error").item(0).getAttributes().getNamedItem("type").getNodeValue()).isEqualTo("UNKNOWN");
  }

  @Test
  void aWorkspaceWithoutCallersOrRoutesExitsTwoWithASentence() throws Exception {
    Workspace demo = dev.portcullis.engine.store.DemoWorkspace.load();
    Path noCallers = dir.resolve("no-callers.json");
    WorkspaceStore.create(Clock.systemUTC()).save(demo.newBuilder().callers(List.of()).requests(List.of()).folders(List.of())
        .environments(List.of()).defaultCaller(null).build(), noCallers);
    Cli none = Cli.run("matrix", "--workspace", noCallers.toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("has no callers, so the matrix has no columns").doesNotContain("as expected").doesNotContain("\tat ");
    assertThat(none.out()).isEmpty();

    Path noRoutes = dir.resolve("no-routes.json");
    WorkspaceStore.create(Clock.systemUTC()).save(demo.newBuilder().gateways(demo.gateways().stream()
        .map(g -> g.newBuilder().routes(List.of()).build()).toList()).requests(List.of()).build(), noRoutes);
    Cli empty = Cli.run("matrix", "--workspace", noRoutes.toString());
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).contains("has no routes, so the matrix has no rows");
  }
}
