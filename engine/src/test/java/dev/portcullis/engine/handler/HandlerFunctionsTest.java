package dev.portcullis.engine.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.handler.HandlerFunctions.Mapped;
import dev.portcullis.engine.handler.HandlerFunctions.NotMapped;
import dev.portcullis.engine.model.SecretRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importers' entry: a SAM function's CodeUri/Handler/Runtime as a handler function, or why not. */
class HandlerFunctionsTest {
  @TempDir Path template;

  @Test
  void samNodeFunctionWithCodeOnDiskBecomesAHandlerFunction() throws Exception {
    Files.createDirectories(template.resolve("authorizer"));
    Files.writeString(template.resolve("authorizer/index.mjs"), "export const handler = async () => ({});");
    Map<String, String> env = new HashMap<>();
    env.put("TABLE", "tenants");
    env.put("TABLE_ARN", null);
    Mapped mapped = (Mapped) HandlerFunctions.fromTemplate(template, "PartnerGate", "authorizer/", "index.handler",
        "nodejs20.x", 5, null, env);
    assertThat(mapped.function().codeUri()).isEqualTo(template.resolve("authorizer").toAbsolutePath().normalize().toString());
    assertThat(mapped.function().functionName()).isEqualTo("PartnerGate");
    assertThat(mapped.function().timeoutSeconds()).isEqualTo(5);
    assertThat(mapped.function().memoryMb()).isEqualTo(128);
    assertThat(mapped.function().environment()).containsExactly(Map.entry("TABLE", new SecretRef.Literal("tenants")));
    assertThat(mapped.notes()).singleElement().asString().contains("TABLE_ARN is computed by CloudFormation");
  }

  @Test
  void pythonPackagesAndSamBuildOutputAreFound() throws Exception {
    Files.createDirectories(template.resolve("src/gate"));
    Files.writeString(template.resolve("src/gate/__init__.py"), "");
    assertThat(HandlerFunctions.fromTemplate(template, "Gate", "src", "gate.lambda_handler", "python3.12", null, null, null))
        .isInstanceOf(Mapped.class);
    Files.createDirectories(template.resolve("ts"));
    Files.writeString(template.resolve("ts/app.ts"), "export const handler = async () => ({});");
    assertThat(((NotMapped) HandlerFunctions.fromTemplate(template, "Ts", "ts", "app.handler", "nodejs20.x", null, null,
        null)).reason()).contains("TypeScript: run `sam build` first");
    Files.createDirectories(template.resolve(".aws-sam/build/Ts"));
    Files.writeString(template.resolve(".aws-sam/build/Ts/app.js"), "exports.handler = async () => ({});");
    Mapped built = (Mapped) HandlerFunctions.fromTemplate(template, "Ts", "ts", "app.handler", "nodejs20.x", null, null, null);
    assertThat(built.function().codeUri()).endsWith("build/Ts".replace('/', java.io.File.separatorChar));
    assertThat(built.notes()).singleElement().asString().contains("sam build output");
  }

  @Test
  void whatCannotRunLocallySaysWhy() {
    assertThat(((NotMapped) HandlerFunctions.fromTemplate(template, "J", ".", "app.Handler::handle", "java21", null, null,
        null)).reason()).isEqualTo("function J uses runtime java21; only nodejs and python handlers run locally");
    assertThat(((NotMapped) HandlerFunctions.fromTemplate(template, "S", "s3://bucket/code.zip", "index.handler",
        "nodejs20.x", null, null, null)).reason()).contains("is a package, not a folder on disk");
    assertThat(((NotMapped) HandlerFunctions.fromTemplate(template, "M", "missing", "index.handler", "nodejs20.x", null,
        null, null)).reason()).contains("does not exist");
    assertThat(((NotMapped) HandlerFunctions.fromTemplate(template, "I", ".", "index.handler", null, null, null, null))
        .reason()).contains("has no Runtime");
  }

  @Test
  void declaredListsEachHandlerWithItsFolderForTheTrustPrompt() {
    var ws = dev.portcullis.engine.rules.HandlerFixtures.demoWithPartnerFunction(
        dev.portcullis.engine.rules.HandlerFixtures.seedNode());
    assertThat(HandlerFunctions.declared(ws)).singleElement().satisfies(d -> {
      assertThat(d.gateway() + "/" + d.authorizer()).isEqualTo("payments/partner-gate");
      assertThat(d.folder()).isEqualTo(dev.portcullis.engine.rules.HandlerFixtures.handlerFolder("seed-node"));
    });
    assertThat(HandlerFunctions.declared(dev.portcullis.engine.rules.PipelineFixtures.demo())).isEmpty();
  }
}
