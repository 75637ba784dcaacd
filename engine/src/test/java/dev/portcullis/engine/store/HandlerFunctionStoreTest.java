package dev.portcullis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.HandlerFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code handler} function kind in the workspace file: its fields in order, and bad values in one sentence. */
class HandlerFunctionStoreTest {
  @TempDir Path dir;
  private final WorkspaceStore store = WorkspaceStore.create(Clock.systemUTC());

  private static final String FUNCTION = """
        "function": {
          "kind": "handler",
          "functionName": "partner-gate",
          "runtime": "nodejs20.x",
          "codeUri": "authorizers/partner-gate",
          "handler": "index.handler",
          "environment": {
            "PARTNER_SECRET": "env:PARTNER_SECRET",
            "TABLE": "tenants"
          },
          "timeoutSeconds": 5,
          "memoryMb": 256
        }""";

  private Workspace withHandler() {
    return HandlerFixtures.demoWithPartnerFunction(new LambdaFunction.Handler("partner-gate", "nodejs20.x",
        "authorizers/partner-gate", "index.handler", Map.of("TABLE", SecretRef.parse("tenants"),
            "PARTNER_SECRET", SecretRef.parse("env:PARTNER_SECRET")), 5, 256));
  }

  @Test
  void handlerFunctionRoundTripsWithItsFieldsInDeclarationOrder() throws Exception {
    Workspace ws = withHandler();
    String text = WorkspaceStore.render(ws);
    assertThat(text).contains(FUNCTION.lines().map(l -> "          " + l).collect(java.util.stream.Collectors.joining("\n")));
    Path file = dir.resolve("ws.json");
    Files.writeString(file, text);
    Workspace loaded = store.load(file);
    assertThat(loaded).isEqualTo(ws);
    assertThat(WorkspaceStore.render(loaded)).isEqualTo(text);
    Authorizer.Lambda gate = (Authorizer.Lambda) loaded.gateway("payments").orElseThrow().authorizers().stream()
        .filter(a -> a instanceof Authorizer.Lambda).findFirst().orElseThrow();
    assertThat(((LambdaFunction.Handler) gate.function()).environment().get("PARTNER_SECRET"))
        .isEqualTo(new SecretRef.Env("PARTNER_SECRET"));
  }

  @Test
  void defaultsAreLambdasAndAnUnsupportedRuntimeIsOneSentence() throws Exception {
    String text = WorkspaceStore.render(withHandler());
    Path file = dir.resolve("ws.json");
    Files.writeString(file, text.replaceAll(",\\s*\"timeoutSeconds\": 5", "").replaceAll(",\\s*\"memoryMb\": 256", ""));
    LambdaFunction.Handler fn = (LambdaFunction.Handler) ((Authorizer.Lambda) store.load(file).gateway("payments")
        .orElseThrow().authorizers().get(1)).function();
    assertThat(fn.timeoutSeconds()).isEqualTo(3);
    assertThat(fn.memoryMb()).isEqualTo(128);

    Files.writeString(file, text.replace("\"runtime\": \"nodejs20.x\"", "\"runtime\": \"java21\""));
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> store.load(file));
    assertThat(t).isInstanceOf(WorkspaceException.class);
    assertThat(t.getMessage()).contains("runtime 'java21' cannot run locally: a handler function runs nodejs or python")
        .containsPattern("line \\d+, column \\d+").doesNotContain("\tat ");
  }

  @Test
  void exportRefusesALiteralSecretVariableButNotAPlainSetting() {
    Workspace ws = HandlerFixtures.demoWithPartnerFunction(new LambdaFunction.Handler(null, "python3.12", "gate",
        "app.lambda_handler", Map.of("TABLE", SecretRef.parse("tenants"), "SIGNING_SECRET", SecretRef.parse("hunter2-hunter2"),
            "API_KEY", SecretRef.parse("env:PARTNER_API_KEY")), 3, 128));
    assertThat(WorkspaceExporter.literalSecrets(ws))
        .containsExactly("gateway 'payments' authoriser 'partner-gate' environment variable SIGNING_SECRET");
  }
}
