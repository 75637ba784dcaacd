package dev.portcullis.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.store.DemoWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wide records are copied by naming what changes, and a builder still runs the record's checks. */
class BuildersTest {
  private final Workspace demo = DemoWorkspace.load();

  BuildersTest() throws Exception {}

  @Test
  void anUnchangedCopyEqualsTheOriginal() {
    assertThat(demo.newBuilder().build()).isEqualTo(demo);
    demo.gateways().forEach(g -> assertThat(g.newBuilder().build()).isEqualTo(g));
    demo.requests().forEach(r -> assertThat(r.newBuilder().build()).isEqualTo(r));
  }

  @Test
  void aCopyChangesOnlyWhatItNames() {
    Gateway g = demo.gateways().getFirst();
    Gateway moved = g.newBuilder().localPort(0).build();

    assertThat(moved.localPort()).isZero();
    assertThat(moved.newBuilder().localPort(g.localPort()).build()).isEqualTo(g);
    assertThat(demo.newBuilder().callers(List.of()).build().gateways()).isEqualTo(demo.gateways());
  }

  @Test
  void newValuesGetTheRecordsDefaultsAndChecks() {
    SavedRequest r = SavedRequest.builder("ad hoc", "b2b", "GET", "/x").headers(Map.of("b", "2", "a", "1")).build();
    Gateway g = Gateway.builder("api", Gateway.Flavor.HTTP).build();

    assertThat(r.headers().keySet()).containsExactly("a", "b");
    assertThat(r.query()).isEmpty();
    assertThat(g.stage()).isEqualTo("$default");
    assertThat(Workspace.builder("empty").build().schemaVersion()).isEqualTo(Workspace.CURRENT_SCHEMA_VERSION);
    assertThatThrownBy(() -> SavedRequest.builder("no path", "b2b", "GET", null).build()).hasMessageContaining("path");
  }
}
