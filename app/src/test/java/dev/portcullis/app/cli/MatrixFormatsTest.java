package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.engine.model.Route;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every output format, on one run per format of a broken copy (so failures show) over the internal
 * routes and three callers: 2 rows × 3 callers = 6 cells, one of them an unexpected allow.
 */
class MatrixFormatsTest {
  @TempDir static Path dir;
  private static Path broken;
  private static final String[] SUBSET = {"--routes", "*/internal/*", "--callers", "refresh-job,reporting,anonymous"};

  @BeforeAll
  static void breakTheSyncRoute() throws Exception {
    broken = Cli.demoCopy(dir, Cli.authorization("mobile", "/v2/internal/sync", Route.AuthorizationType.NONE, false));
  }

  private static String report(String format) throws Exception {
    Path out = dir.resolve("matrix." + format);
    String[] args = new String[] {"matrix", "--workspace", broken.toString(), "--format", format, "--out", out.toString()};
    Cli run = Cli.run(concat(args, SUBSET));
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("6 cells in").contains("1 unexpected allow");
    return Files.readString(out);
  }

  @Test
  void junitHasOneTestCasePerCellAndAFailureForTheUnexpectedAllow() throws Exception {
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(report("junit").getBytes(StandardCharsets.UTF_8)));
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(6);
    assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("6");
    NodeList failures = xml.getElementsByTagName("failure");
    assertThat(failures.getLength()).isGreaterThanOrEqualTo(1);
    Element failed = (Element) failures.item(0).getParentNode();
    assertThat(failed.getAttribute("classname") + " " + failed.getAttribute("name")).isEqualTo("mobile POST /v2/internal/sync reporting");
    assertThat(((Element) failures.item(0)).getAttribute("type")).isEqualTo("UNEXPECTED_ALLOW");
    assertThat(failures.item(0).getTextContent()).contains("Verdict").doesNotContain("localonly/reporting");
  }

  @Test
  void markdownPutsFailuresFirstThenTheGrid() throws Exception {
    String md = report("md");
    assertThat(md.indexOf("**unexpected allow**")).isPositive().isLessThan(md.indexOf("| route |"));
    assertThat(md).contains("| payments POST /internal/refresh |").contains("✓ 200 integration").contains("‼ 200 integration");
  }

  @Test
  void jsonCarriesEveryCellWithItsMaskedTrace() throws Exception {
    String json = report("json");
    assertThat(json).contains("\"passed\": false").contains("\"result\": \"UNEXPECTED_ALLOW\"").contains("\"source\": \"DERIVED\"")
        .contains("\"schemaVersion\"").doesNotContain("localonly/refreshjob");
    var parsed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json); // a test may use Jackson to check validity
    assertThat(parsed.path("cells")).hasSize(6);
  }

  @Test
  void htmlIsSelfContainedAndShowsTheGridInHeadlessChromium() throws Exception {
    String html = report("html");
    assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").contains("<table id=\"matrix\"").doesNotContain("localonly/");
    assertThat(html.indexOf("UNEXPECTED_ALLOW")).isLessThan(html.indexOf("<table"));
    Path file = dir.resolve("matrix.html");
    String chromium = chromium();
    assumeTrue(chromium != null, "chromium is not installed (apt-get install -y chromium); the rendered grid is not checked");
    Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", file.toUri().toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(dom).contains("<table id=\"matrix\">").contains("mobile POST /v2/internal/sync");
    assertThat(dom.split("<td class=\"")).hasSize(7);
    assertThat(dom).containsPattern("<td class=\"UNEXPECTED_ALLOW allow[^\"]*\" data-result=\"UNEXPECTED_ALLOW\"");
    int firstRow = dom.indexOf("<tbody>");
    assertThat(dom.indexOf("mobile POST /v2/internal/sync", firstRow)).isLessThan(dom.indexOf("payments POST /internal/refresh", firstRow));
  }

  private static String chromium() {
    for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
      for (String dirName : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        if (Files.isExecutable(Path.of(dirName, name))) {
          return Path.of(dirName, name).toString();
        }
      }
    }
    return null;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
