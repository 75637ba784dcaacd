package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} (workspace or Postman) and the stand-in {@code import} (Postman or curl), as a user runs them. */
class ExportImportCommandTest {
  private static Path demoFile(Path dir, String name) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, Files.readString(Path.of(System.getProperty("portcullis.root", "."), "profiles", "payments-demo.json")));
    return file;
  }

  @Test
  void aPostmanExportHasEveryRequestAndNoSecretAndSaysWhatPostmanCannotDo(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("demo.postman_collection.json");
    Cli export = Cli.run("export", "--format", "postman", "--out", out.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    String json = Files.readString(out);
    assertThat(json).contains("\"schema\": \"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\"")
        .contains("{{payments.baseUrl}}/partners/{{partnerId}}/transactions").contains("{{acme.apiKey}}")
        .doesNotContain("local-acme-3f9a").doesNotContain("localonly/");
    assertThat(export.err()).contains("caller 'bob' logs in to Cognito with USER_SRP_AUTH, which Postman cannot do")
        .contains("exported as postman to " + out);
  }

  @Test
  void theWorkspaceFormatGoesThroughTheExporterAndRefusesLiteralSecrets(@TempDir Path dir) throws Exception {
    Cli plain = Cli.run("export");
    assertThat(plain.exit()).isZero();
    assertThat(plain.out()).contains("\"schemaVersion\": 1").contains("local:api-keys/acme");
    Path leaky = dir.resolve("leaky.json");
    Files.writeString(leaky, Files.readString(demoFile(dir, "d.json")).replace("\"apiKey\": \"local:api-keys/acme\"",
        "\"apiKey\": \"acme-literal-key-0001\""));
    for (String format : new String[] {"workspace", "postman"}) {
      Cli refused = Cli.run("export", "-w", leaky.toString(), "--format", format);
      assertThat(refused.exit()).isEqualTo(2);
      assertThat(refused.err()).contains("export refused: 1 field(s) hold a literal secret").contains("caller 'acme' apiKey");
      assertThat(refused.out()).doesNotContain("acme-literal-key-0001");
    }
    Cli badFormat = Cli.run("export", "--format", "har");
    assertThat(badFormat.exit()).isEqualTo(2);
    assertThat(badFormat.err()).isEqualTo("portcullis: 'har' is not an export format; use --format workspace or postman\n"
        + "  see 'portcullis export --help'\n");
  }

  @Test
  void aCurlCommandImportsAsASavedRequestThatSendsFromTheCli(@TempDir Path dir) throws Exception {
    Path ws = demoFile(dir, "ws.json");
    Cli imported = Cli.run("import", "curl", "curl -s http://127.0.0.1:9321/prod/health", "-w", ws.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported 1 request(s), 0 caller(s)");
    Cli send = Cli.run("send", "--request", "curl GET /health", "-w", ws.toString());
    assertThat(send.exit()).as(send.out() + send.err()).isZero();
    assertThat(send.out()).contains("HTTP 200");
  }

  @Test
  void aPostmanExportImportsBackIntoAWorkspaceWithItsRequestsAndSecretsAsReferences(@TempDir Path dir) throws Exception {
    Path collection = dir.resolve("c.json");
    assertThat(Cli.run("export", "--format", "postman", "--out", collection.toString()).exit()).isZero();
    Path ws = demoFile(dir, "ws.json");
    Cli imported = Cli.run("import", collection.toString(), "-w", ws.toString(), "--out", dir.resolve("merged.json").toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported 24 request(s)");
    assertThat(imported.err()).contains("caller 'acme' apiKey: env:acme_apiKey (was {{acme.apiKey}}); set acme_apiKey before sending");
    String merged = Files.readString(dir.resolve("merged.json"));
    assertThat(merged).contains("\"name\": \"me as bob (2)\"").contains("\"name\": \"acme (2)\"").contains("\"apiKey\": \"env:acme_apiKey\"");
    assertThat(Cli.run("import", collection.toString()).err()).contains("the embedded demo cannot be changed; give the workspace to add to with -w FILE");
  }
}
