package dev.portcullis.engine.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.rules.Ruling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningWorldsTest {
  private static WorldRecord record(String workspace, long pid) {
    return new WorldRecord(workspace, pid, Instant.parse("2026-12-01T10:00:00Z"), Map.of("payments", "http://127.0.0.1:40000/prod"),
        "http://127.0.0.1:40001", Map.of("oidc bank", "http://127.0.0.1:40001/oidc/bank"), true);
  }

  @Test
  void aRecordedWorldIsFoundUntilItsRegistrationCloses(@TempDir Path dir) throws Exception {
    RunningWorlds worlds = RunningWorlds.at(dir, pid -> true);
    try (RunningWorlds.Registration r = worlds.register(record("/ws/a.json", 42))) {
      assertThat(worlds.find("/ws/a.json")).contains(record("/ws/a.json", 42));
      assertThat(worlds.find("/ws/b.json")).isEmpty();
    }
    assertThat(worlds.find("/ws/a.json")).isEmpty();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aSecondWorldOfTheSameWorkspaceIsRefusedWithWhereTheFirstIs(@TempDir Path dir) throws Exception {
    RunningWorlds worlds = RunningWorlds.at(dir, pid -> true);
    worlds.register(record("/ws/a.json", 42));
    assertThatThrownBy(() -> worlds.register(record("/ws/a.json", 43))).isInstanceOf(RunningWorlds.AlreadyRunning.class)
        .hasMessageContaining("already running (pid 42").hasMessageContaining("payments http://127.0.0.1:40000/prod");
  }

  @Test
  void aRecordWhoseProcessIsGoneIsStaleAndRemoved(@TempDir Path dir) throws Exception {
    RunningWorlds.at(dir, pid -> true).register(record("/ws/a.json", 42));
    RunningWorlds afterACrash = RunningWorlds.at(dir, pid -> false);
    assertThat(afterACrash.find("/ws/a.json")).isEmpty();
    assertThat(dir).isEmptyDirectory();
    assertThat(afterACrash.register(record("/ws/a.json", 43)).file()).exists();
  }

  @Test
  void theRealLivenessCheckKnowsThisProcessAndADeadOne(@TempDir Path dir) throws Exception {
    RunningWorlds worlds = RunningWorlds.at(dir);
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    worlds.register(record("/ws/dead.json", gone.pid()));
    worlds.register(record("/ws/me.json", ProcessHandle.current().pid()));
    assertThat(worlds.find("/ws/dead.json")).isEmpty();
    assertThat(worlds.find("/ws/me.json")).isPresent();
  }

  @Test
  void aHalfWrittenRecordIsIgnored(@TempDir Path dir) throws Exception {
    RunningWorlds worlds = RunningWorlds.at(dir, pid -> true);
    Path file = worlds.register(record("/ws/a.json", 42)).file();
    Files.writeString(file, "{\"workspace\": \"/ws/a.j");
    assertThat(worlds.find("/ws/a.json")).isEmpty();
    assertThat(file).doesNotExist();
  }

  @Test
  void theFolderIsTheUsersOwn(@TempDir Path dir) throws Exception {
    Path folder = dir.resolve("runtime");
    RunningWorlds.at(folder, pid -> true).register(record("/ws/a.json", 42));
    assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(
        Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
            java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
  }

  @Test
  void aRulingReadBackFromTheRulingsEndpointIsTheRulingServed() {
    Ruling denied = new Ruling("req-1", Instant.parse("2026-12-01T10:00:00Z"), "payments", Gateway.Flavor.REST, "GET",
        "/prod/partners/initech/transactions", "GET /partners/{id}/transactions",
        new Ruling.Outcome.Denied(403, "AUTHORIZER_FAILURE", "AccessDeniedException", "{\"Message\":\"no\"}", Map.of("x-amzn-ErrorType",
            "AccessDeniedException"), "lambda.cache"),
        List.of(new Ruling.Check("route", true, "matched"), new Ruling.Check("lambda.cache", false, "cached policy names POST only")), null);
    @SuppressWarnings("unchecked")
    Map<String, Object> json = dev.portcullis.engine.store.Json.mapper().convertValue(denied.toJson(), Map.class);
    assertThat(AttachedWorld.parse(json)).isEqualTo(denied);
  }
}
