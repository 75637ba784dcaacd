package dev.portcullis.engine.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust is kept per canonical path and content hash, and asked again when either changes (issue 12, item 1). */
class TrustStoreTest {
  @TempDir Path data;
  @TempDir Path work;

  private final byte[] content = "{\"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aTrustedFileStaysTrustedAcrossStores() throws Exception {
    Path file = Files.write(work.resolve("w.json"), content);
    assertThat(TrustStore.in(data).isTrusted(file, content)).isFalse();
    TrustStore.in(data).trust(file, content);
    assertThat(TrustStore.in(data).isTrusted(file, content)).isTrue();
  }

  @Test
  void aChangedByteIsAskedAgain() throws Exception {
    Path file = Files.write(work.resolve("w.json"), content);
    TrustStore.in(data).trust(file, content);
    byte[] changed = "{\"schemaVersion\": 1 }".getBytes(StandardCharsets.UTF_8);
    assertThat(TrustStore.in(data).isTrusted(file, changed)).isFalse();
  }

  @Test
  void theSameContentAtAnotherPathIsAskedAgain() throws Exception {
    Path file = Files.write(work.resolve("w.json"), content);
    Path other = Files.write(work.resolve("copy.json"), content);
    TrustStore.in(data).trust(file, content);
    assertThat(TrustStore.in(data).isTrusted(other, content)).isFalse();
  }

  @Test
  void aLinkToATrustedFileIsTheSameFile() throws Exception {
    Path file = Files.write(work.resolve("w.json"), content);
    Path link = Files.createSymbolicLink(work.resolve("link.json"), file);
    TrustStore.in(data).trust(file, content);
    assertThat(TrustStore.in(data).isTrusted(link, content)).isTrue();
  }

  @Test
  void trustingANewVersionReplacesTheOldOne() throws Exception {
    Path file = Files.write(work.resolve("w.json"), content);
    byte[] v2 = "{\"schemaVersion\": 1, \"name\": \"x\"}".getBytes(StandardCharsets.UTF_8);
    TrustStore.in(data).trust(file, content);
    TrustStore.in(data).trust(file, v2);
    assertThat(TrustStore.in(data).isTrusted(file, v2)).isTrue();
    assertThat(TrustStore.in(data).isTrusted(file, content)).isFalse();
    assertThat(Files.readAllLines(TrustStore.in(data).file())).hasSize(1);
  }

  @Test
  void pathsWithSpacesAndNewlinesStayOneEntry() throws Exception {
    Path file = Files.write(work.resolve("my\nwork space.json"), content);
    TrustStore.in(data).trust(file, content);
    assertThat(Files.readAllLines(TrustStore.in(data).file())).hasSize(1);
    assertThat(TrustStore.in(data).isTrusted(file, content)).isTrue();
  }

  @Test
  void theOverrideMovesTheStoreElseItIsTheUsersDataFolder() {
    Map<String, String> props = Map.of("user.home", "/home/u", "os.name", "Linux", TrustStore.DIR_PROPERTY, "/tmp/t");
    assertThat(TrustStore.standardDir(props::get, k -> null)).isEqualTo(Path.of("/tmp/t"));
    Map<String, String> plain = Map.of("user.home", "/home/u", "os.name", "Linux");
    assertThat(TrustStore.standardDir(plain::get, Map.of(TrustStore.DIR_ENV, "/tmp/e")::get)).isEqualTo(Path.of("/tmp/e"));
    assertThat(TrustStore.standardDir(plain::get, k -> null)).isEqualTo(Path.of("/home/u/.local/share/portcullis"));
    assertThat(TrustStore.standardDir(Map.of("user.home", "/Users/u", "os.name", "Mac OS X")::get, k -> null))
        .isEqualTo(Path.of("/Users/u/Library/Application Support/Portcullis"));
  }

  @Test
  void anUntrustedFileOpensBehindAClosedGateAndTrustingItOpensTheGate() throws Exception {
    Path file = Files.write(work.resolve("w.json"), content);
    TrustRequest request = new TrustRequest("w", java.util.List.of(new TrustRequest.Program("x", java.util.List.of("true"), null)),
        java.util.List.of(), java.util.List.of());
    TrustDecision decision = TrustDecision.forFile(file, content, request, TrustStore.in(data));
    assertThat(decision.needsTrust()).isTrue();
    assertThat(decision.gate().isOpen()).isFalse();
    TrustDecision trusted = decision.trust(TrustStore.in(data));
    assertThat(trusted.gate().isOpen()).isTrue();
    assertThat(TrustDecision.forFile(file, content, request, TrustStore.in(data)).needsTrust()).isFalse();
  }
}
