package dev.portcullis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  private static final String KNOWN_SECRET = "s3cr3t-7f1e9a-never-written";
  @TempDir Path dir;
  private final WorkspaceStore store = WorkspaceStore.create(Clock.systemUTC());

  private static Keychain noKeychain() {
    return new Keychain() {
      public Optional<String> lookup(String name) {
        return Optional.empty();
      }

      public String description() {
        return "test keychain";
      }
    };
  }

  private Workspace demoWithAcmeKey(SecretRef ref) throws Exception {
    Workspace ws = store.load(ProjectFiles.demo());
    List<Caller> callers = new ArrayList<>(ws.callers());
    callers.replaceAll(c -> c.name().equals("acme") ? new Caller.ApiKey("acme", "partner", ref, Map.of()) : c);
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), ws.gateways(),
        callers, ws.folders(), ws.requests(), ws.environments(), ws.emulator());
  }

  @Test
  void unsetEnvReferenceNamesWorkspaceCallerAndVariable() {
    SecretResolver resolver = SecretResolver.create(null, (w, l) -> Optional.empty(), name -> null, noKeychain());

    assertThatThrownBy(() -> resolver.resolve(SecretRef.parse("env:ACME_KEY"), "Workspace payments.json, caller 'acme'"))
        .hasMessage("Workspace payments.json, caller 'acme': secret reference env:ACME_KEY is not set. "
            + "Set the environment variable ACME_KEY before starting Portcullis.");
  }

  @Test
  void referencesResolveFromTheirSources() throws Exception {
    Path file = dir.resolve("key.txt");
    Files.writeString(file, "from-a-file\n");
    Workspace ws = store.load(ProjectFiles.demo());
    List<String> asked = new ArrayList<>();
    SecretResolver resolver = SecretResolver.create(ws.emulator(), (where, label) -> {
      asked.add(label);
      return Optional.of("typed");
    }, Map.of("K", "from-env")::get, noKeychain());

    assertThat(resolver.resolve(SecretRef.parse("env:K"), "t")).isEqualTo("from-env");
    assertThat(resolver.resolve(SecretRef.parse("file:" + file), "t")).isEqualTo("from-a-file");
    assertThat(resolver.resolve(SecretRef.parse("local:users/alice"), "t")).isEqualTo("Alice#local-2026");
    assertThat(resolver.resolve(SecretRef.parse("local:api-keys/acme"), "t")).startsWith("local-acme-");
    assertThat(resolver.resolve(SecretRef.parse("prompt:MFA code"), "t")).isEqualTo("typed");
    assertThat(resolver.resolve(SecretRef.parse("prompt:MFA code"), "t")).as("asked once per session").isEqualTo("typed");
    assertThat(asked).containsExactly("MFA code");
    assertThatThrownBy(() -> resolver.resolve(SecretRef.parse("keychain:acme"), "caller 'acme'"))
        .hasMessageContaining("keychain:acme was not found in the test keychain");
    assertThatThrownBy(() -> resolver.resolve(SecretRef.parse("local:users/mallory"), "caller 'm'"))
        .hasMessageContaining("local:users/mallory names no fixture");
  }

  @Test
  void exportRefusesLiteralSecretsAndListsEachField() throws Exception {
    Workspace ws = demoWithAcmeKey(SecretRef.parse(KNOWN_SECRET));
    Path target = dir.resolve("shared.json");

    assertThatThrownBy(() -> new WorkspaceExporter(store).export(ws, target))
        .isInstanceOf(WorkspaceExporter.LiteralSecretsException.class)
        .hasMessageContaining("caller 'acme' apiKey")
        .hasMessageNotContaining(KNOWN_SECRET);
    assertThat(target).doesNotExist();
  }

  @Test
  void literalAuthorizationHeaderInARequestIsRefusedButAVariableIsFine() throws Exception {
    Workspace ws = store.load(ProjectFiles.demo());
    var r = ws.requests().getFirst();
    var withLiteral = new dev.portcullis.engine.model.SavedRequest(r.name(), r.folder(), r.description(), r.gateway(), r.method(),
        r.path(), r.query(), Map.of("Authorization", "Bearer eyJhbGciOi.x.y"), r.body(), r.caller(), r.variables(), null, r.expect());
    var withVariable = new dev.portcullis.engine.model.SavedRequest(r.name(), r.folder(), r.description(), r.gateway(), r.method(),
        r.path(), r.query(), Map.of("Authorization", "Bearer {{token}}"), r.body(), r.caller(), r.variables(), null, r.expect());

    assertThat(WorkspaceExporter.literalSecrets(replaceFirstRequest(ws, withLiteral))).containsExactly("request 'me as bob' header Authorization");
    assertThat(WorkspaceExporter.literalSecrets(replaceFirstRequest(ws, withVariable))).isEmpty();
  }

  private static Workspace replaceFirstRequest(Workspace ws, dev.portcullis.engine.model.SavedRequest r) {
    var requests = new ArrayList<>(ws.requests());
    requests.set(0, r);
    return new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(), ws.gateways(),
        ws.callers(), ws.folders(), requests, ws.environments(), ws.emulator());
  }

  @Test
  void aResolvedSecretAppearsInNoFileTheEngineWrites() throws Exception {
    Workspace ws = demoWithAcmeKey(SecretRef.parse("env:ACME_KEY"));
    SecretResolver resolver = SecretResolver.create(ws.emulator(), (w, l) -> Optional.empty(),
        Map.of("ACME_KEY", KNOWN_SECRET)::get, noKeychain());
    String resolved = resolver.resolve(ws.caller("acme").map(c -> ((Caller.ApiKey) c).apiKey()).orElseThrow(), "caller 'acme'");
    assertThat(resolved).isEqualTo(KNOWN_SECRET);

    store.save(ws, dir.resolve("saved.json"));
    new WorkspaceExporter(store).export(ws, dir.resolve("exported.json"));
    Files.writeString(dir.resolve("saved.json"), "{ broken");
    store.save(ws, dir.resolve("saved.json"));

    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(KNOWN_SECRET).isNotEmpty();
      }
    }
    assertThat(dir.resolve("exported.json")).content().contains("env:ACME_KEY");
  }

  @Test
  void literalSecretNeverShowsInToString() {
    assertThat(SecretRef.parse(KNOWN_SECRET).toString()).doesNotContain(KNOWN_SECRET);
  }
}
