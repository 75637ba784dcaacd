package dev.portcullis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and reading files a hostile or careless setup hands over (issue 12, items 7 and 10). */
class StoreHardeningTest {
  @TempDir Path dir;
  private final WorkspaceStore store = WorkspaceStore.create(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

  private Workspace demo() throws Exception {
    return store.load(ProjectFiles.demo());
  }

  @Test
  void savingThroughASymlinkWritesTheFileItNamesAndKeepsTheLink() throws Exception {
    Path real = Files.writeString(dir.resolve("real.json"), "{}");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
    store.save(demo(), link);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(store.load(real)).isEqualTo(demo());
  }

  @Test
  void savingKeepsTheFilesModeAndANewFileWithoutLiteralsIsNotPrivate() throws Exception {
    Path shared = Files.writeString(dir.resolve("shared.json"), "{}");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));
    store.save(demo(), shared);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-r-----");
    Path fresh = dir.resolve("fresh.json");
    store.save(demo(), fresh);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");
  }

  @Test
  void aNewFileHoldingLiteralSecretsIsPrivate() throws Exception {
    Workspace ws = demo();
    var callers = new java.util.ArrayList<>(ws.callers());
    callers.add(new dev.portcullis.engine.model.Caller.CustomToken("pasted", null,
        dev.portcullis.engine.model.SecretRef.parse("a-pasted-literal-token-123"), null, null));
    Workspace withLiteral = new Workspace(ws.schemaVersion(), ws.name(), ws.description(), ws.variables(), ws.defaultCaller(),
        ws.gateways(), callers, ws.folders(), ws.requests(), ws.environments(), ws.emulator());
    Path file = dir.resolve("private.json");
    store.save(withLiteral, file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void savingOntoAFolderIsRefusedAndLeavesNothingBehind() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("ws.json"));
    assertThatThrownBy(() -> store.save(demo(), folder)).isInstanceOf(IOException.class).hasMessageContaining("is a folder");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("ws.json");
    }
    try (var files = Files.list(folder)) {
      assertThat(files.toList()).isEmpty();
    }
  }

  @Test
  void aParseErrorQuotesTheShapeNeverTheContentNotEvenAsItsCause() throws Exception {
    Path shadow = Files.writeString(dir.resolve("shadow"), "rootsecret:$6$saltsalt$hash:19000:0:99999:7:::\n");
    Path link = Files.createSymbolicLink(dir.resolve("workspace.json"), shadow);
    assertThatThrownBy(() -> store.load(link)).isInstanceOfSatisfying(WorkspaceException.class, e -> {
      assertThat(e.getMessage()).contains("workspace.json").containsPattern("line 1, column \\d+").doesNotContain("rootsecret")
          .doesNotContain("saltsalt");
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        assertThat(String.valueOf(c.getMessage())).doesNotContain("rootsecret").doesNotContain("saltsalt");
      }
    });
  }

  @Test
  void aNumberWhereASecretReferenceGoesIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("w.json"), """
        {"schemaVersion": 1, "name": "w", "callers": [{"type": "api-key", "name": "p", "apiKey": 5}]}
        """);
    assertThatThrownBy(() -> store.load(file)).isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("a secret reference must be a string").hasMessageContaining("not a number")
        .hasMessageContaining("callers[0].apiKey");
  }
}
