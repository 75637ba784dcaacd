package dev.portcullis.engine.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that is not an importable definition gets one sentence naming the file, and nothing is written. */
class BadInputTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void aFileThatIsNoDefinitionSaysWhatWasExpected() throws Exception {
    Path notes = file("notes.yaml", "shopping:\n  - milk\n  - bread\n");
    assertThatThrownBy(() -> Importer.create().importFile(notes)).isInstanceOf(ImportException.class)
        .hasMessageStartingWith(notes.toString()).hasMessageContaining("is not a definition Portcullis imports")
        .hasMessageContaining("OpenAPI 3 or Swagger 2");
    Path list = file("list.json", "[1, 2, 3]");
    assertThatThrownBy(() -> Importer.create().importFile(list)).hasMessageContaining("is JSON but not a definition").hasMessageContaining("a list");
    Path prose = file("readme.txt", "This is a README, not an API.");
    assertThatThrownBy(() -> Importer.create().importFile(prose)).isInstanceOf(ImportException.class).hasMessageContaining("not a definition");
  }

  @Test
  void aTruncatedFileNamesTheLineAndSaysTruncated() throws Exception {
    String whole = Files.readString(CorpusExpectations.corpus("openapi/02-localstack-openapi.spec.global-auth.json"));
    Path cut = file("cut.json", whole.substring(0, whole.length() / 2));
    assertThatThrownBy(() -> Importer.create().importFile(cut)).isInstanceOf(ImportException.class)
        .hasMessageMatching(".*cut\\.json, line \\d+: the file ends in the middle of the JSON \\(truncated\\?\\).*");
    Path yaml = file("cut.yaml", "openapi: 3.0.1\npaths:\n  /a:\n    get:\n      security: [ {x: [\n");
    assertThatThrownBy(() -> Importer.create().importFile(yaml)).isInstanceOf(ImportException.class).hasMessageContaining("cut.yaml")
        .hasMessageNotContaining("Exception");
  }

  @Test
  void aFileOver20MegabytesIsRefusedBeforeParsing() throws Exception {
    Path huge = dir.resolve("huge.json");
    byte[] chunk = ("{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"" + "x".repeat(1000) + "\"}}\n").getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(huge)) {
      for (int i = 0; i < 50 * 1024; i++) {
        out.write(chunk);
      }
    }
    assertThat(Files.size(huge)).isGreaterThan(50L * 1000 * 1000);
    assertThatThrownBy(() -> Importer.create().importFile(huge)).isInstanceOf(ImportException.class)
        .hasMessageContaining("is 50 MB; the importer reads definitions up to 20 MB");
  }

  @Test
  void terraformIsNamedAsUnsupportedWithWhatToDoInstead() throws Exception {
    Path tf = CorpusExpectations.corpus("terraform/01-sam-cli-v1-lambda-authorizer-main.tf");
    assertThatThrownBy(() -> Importer.create().importFile(tf)).isInstanceOf(ImportException.class)
        .hasMessageContaining("is Terraform, which Portcullis does not import").hasMessageContaining("get-export");
  }

  @Test
  void aMissingExternalRefIsReportedAndTheRoutesStillImport() throws Exception {
    ImportResult r = Importer.create().importFile(CorpusExpectations.corpus("openapi/07-ecommerce-orders-openapi.yaml"));
    assertThat(r.report().leftOut()).anySatisfy(i -> {
      assertThat(i.subject()).isEqualTo("$ref ../../shared/resources/schemas.yaml");
      assertThat(i.detail()).contains("a file that is missing here");
    });
    assertThat(r.workspace().gateways().get(0).routes()).hasSize(1);
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void cloudFormationShortTagsParseIntoTheirLongForm() throws Exception {
    Path tagged = file("tags.yaml", """
        a: !Ref Param
        b: !GetAtt Pool.Arn
        c: !Sub "arn:${AWS::Partition}:x"
        d: !Join [",", [x, !Ref Y]]
        e: !If [Cond, !Ref A, !Ref AWS::NoValue]
        """);
    var tree = SourceReader.read(tagged).tree();
    assertThat(tree.get("a").toString()).isEqualTo("{\"Ref\":\"Param\"}");
    assertThat(tree.get("b").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Pool\",\"Arn\"]}");
    assertThat(tree.get("c").toString()).isEqualTo("{\"Fn::Sub\":\"arn:${AWS::Partition}:x\"}");
    assertThat(tree.get("d").toString()).isEqualTo("{\"Fn::Join\":[\",\",[\"x\",{\"Ref\":\"Y\"}]]}");
    assertThat(tree.get("e").toString()).isEqualTo("{\"Fn::If\":[\"Cond\",{\"Ref\":\"A\"},{\"Ref\":\"AWS::NoValue\"}]}");
  }

  @Test
  void twoThousandRoutesImportEachWithItsProtection() throws Exception {
    StringBuilder b = new StringBuilder("openapi: 3.0.1\ninfo: {title: big}\ncomponents:\n  securitySchemes:\n"
        + "    sig: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}\npaths:\n");
    for (int i = 0; i < 1000; i++) {
      b.append("  /r").append(i).append("/{id}:\n    get:\n      security: [{sig: []}]\n    post:\n      security: []\n");
    }
    Path big = file("big.yaml", b.toString());
    // how long it takes is a benchmark's question, not a test's (about 80 ms warm here); this checks it is all there
    ImportResult r = Importer.create().importFile(big);
    assertThat(r.workspace().gateways().get(0).routes()).hasSize(2000);
    assertThat(r.workspace().gateways().get(0).routes()).filteredOn(route -> route.method().equals("GET"))
        .hasSize(1000).allSatisfy(route -> assertThat(route.authorization().name()).isEqualTo("AWS_IAM"));
    assertThat(r.workspace().requests()).hasSize(2000);
  }
}
