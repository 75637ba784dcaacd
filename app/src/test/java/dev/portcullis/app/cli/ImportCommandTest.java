package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portcullis import}: a workspace file that the other commands use at once, a report, and the exit codes 0, 1 and 2. */
class ImportCommandTest {
  private static Path corpus(String file) {
    return Path.of(System.getProperty("portcullis.root"), "../shared/oracles/import-corpus", file);
  }

  @Test
  void importsAFileTheMatrixThenRunsOnTheLocalGateway(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("global.pcws");
    Cli imported = Cli.run("import", corpus("openapi/02-localstack-openapi.spec.global-auth.json").toString(), "--out", out.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported ").contains("route test-global-authorizer GET /pets: CUSTOM by GatewayAuthorizer");
    assertThat(imported.err()).contains("wrote " + out).contains("0 item(s) left out");
    Workspace ws = WorkspaceStore.create(Clock.systemUTC()).load(out);
    assertThat(ws.gateways()).singleElement().satisfies(g -> assertThat(g.routes()).hasSize(2));

    Cli matrix = Cli.run("matrix", "-w", out.toString(), "--trust", "--callers", "anonymous,GatewayAuthorizer-local");
    assertThat(matrix.exit()).as(matrix.out() + matrix.err()).isZero();
  }

  @Test
  void itemsLeftOutMakeExitOneAndTheJsonReportListsThem(@TempDir Path dir) throws Exception {
    Cli r = Cli.run("import", corpus("openapi/03-localstack-openapi.spec.pulumi.json").toString(), "--out", dir.resolve("p.pcws").toString(),
        "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    var report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("kind").asText()).isEqualTo("Swagger 2.0");
    assertThat(report.get("leftOut").toString()).contains("x-amazon-apigateway-binary-media-types");
    assertThat(report.get("mapped").toString()).contains("x-amazon-apigateway-gateway-responses");
    assertThat(report.get("mapped").toString()).contains("GET /just_do_it");
  }

  @Test
  void terraformAndNonsenseExitTwoWithOneSentenceAndNoStackTrace(@TempDir Path dir) throws Exception {
    Cli tf = Cli.run("import", corpus("terraform/02-sam-cli-v2-lambda-authorizer-main.tf").toString(), "--out", dir.resolve("t.pcws").toString());
    assertThat(tf.exit()).isEqualTo(2);
    assertThat(tf.err()).contains("is Terraform, which Portcullis does not import").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(Files.exists(dir.resolve("t.pcws"))).isFalse();
    Path junk = Files.writeString(dir.resolve("junk.yaml"), "key: [unclosed\n");
    Cli bad = Cli.run("import", junk.toString(), "--out", dir.resolve("j.pcws").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("junk.yaml").doesNotContain("\tat ");
  }

  @Test
  void anExistingFileIsNotOverwrittenButAWorkspaceCanBeImportedInto(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("w.pcws");
    assertThat(Cli.run("import", corpus("sam/09-apigw-iam-template.yaml").toString(), "--out", out.toString()).exit()).isIn(0, 1);
    String before = Files.readString(out);
    Cli again = Cli.run("import", corpus("sam/09-apigw-iam-template.yaml").toString(), "--out", out.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("exists; not overwritten");
    assertThat(Files.readString(out)).isEqualTo(before);
    Cli into = Cli.run("import", corpus("sam/06-owasp-order-cognito-template.yaml").toString(), "--into", out.toString());
    assertThat(into.exit()).as(into.err()).isIn(0, 1);
    assertThat(into.out()).contains("Changes:").contains("gateway orderapi: added");
    Workspace merged = WorkspaceStore.create(Clock.systemUTC()).load(out);
    assertThat(merged.gateways()).extracting(g -> g.name()).containsExactlyInAnyOrder("appapi", "orderapi");
  }

  @Test
  void anImportedWorkspaceIsAdvisedWithoutTrustSinceAdviceRunsAndSendsNothing(@TempDir Path dir) {
    Path out = dir.resolve("cognito.pcws");
    assertThat(Cli.run("import", corpus("cloudformation/03-oauth-cognito-scopes-prerequisite.yaml").toString(), "--out", out.toString())
        .exit()).isIn(0, 1);
    Cli advise = Cli.run("advise", "-w", out.toString(), "--format", "json");
    assertThat(advise.exit()).as(advise.err()).isIn(0, 1);
    assertThat(advise.err()).doesNotContain("not trusted");
    assertThat(advise.out()).contains("\"findings\"");
    // sending is another matter: the imported callers read env: secrets for hosts the template names
    assertThat(Cli.run("matrix", "-w", out.toString()).err()).contains("not trusted on this machine");
  }
}
