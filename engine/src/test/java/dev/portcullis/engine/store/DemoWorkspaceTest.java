package dev.portcullis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway.Flavor;
import dev.portcullis.engine.model.Route.AuthorizationType;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DemoWorkspaceTest {
  private final WorkspaceStore store = WorkspaceStore.create(Clock.systemUTC());

  static Stream<Path> profiles() throws Exception {
    try (var files = Files.walk(ProjectFiles.root().resolve("profiles"))) {
      return files.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("node_modules")).toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void everyShippedProfileLoadsAndRoundTripsByteIdentically(Path profile) throws Exception {
    Workspace ws = store.load(profile);

    assertThat(WorkspaceStore.render(ws)).isEqualTo(Files.readString(profile));
    assertThat(store.parse(profile, WorkspaceStore.render(ws).getBytes())).isEqualTo(ws);
  }

  @Test
  void demoHasTheThreeApisOfTheDesign() throws Exception {
    Workspace ws = store.load(ProjectFiles.demo());

    assertThat(ws.gateways()).extracting(g -> g.name() + ":" + g.flavor())
        .containsExactly("payments:REST", "b2b:HTTP", "mobile:HTTP");
    assertThat(ws.gateway("payments").orElseThrow().routes())
        .extracting(r -> r.key() + " " + r.authorization())
        .contains("GET /me COGNITO_USER_POOLS", "POST /partners/{id}/transactions CUSTOM", "POST /internal/refresh AWS_IAM");
    assertThat(ws.gateway("b2b").orElseThrow().routes()).allMatch(r -> r.authorization() == AuthorizationType.JWT);
  }

  @Test
  void demoHoldsAnInstanceOfEveryRecordKind() throws Exception {
    Workspace ws = store.load(ProjectFiles.demo());

    assertThat(ws.gateways()).extracting(g -> g.flavor()).contains(Flavor.REST, Flavor.HTTP);
    assertThat(ws.gateways().stream().flatMap(g -> g.authorizers().stream()).map(a -> a.getClass().getSimpleName()))
        .contains("Cognito", "Jwt", "Lambda");
    assertThat(ws.gateways().stream().flatMap(g -> g.routes().stream()).map(r -> r.integration().getClass().getSimpleName()))
        .contains("Echo", "Mock");
    assertThat(ws.callers().stream().map(c -> c.getClass().getSimpleName()).distinct())
        .containsExactlyInAnyOrder(java.util.Arrays.stream(Caller.class.getPermittedSubclasses()).map(Class::getSimpleName).toArray(String[]::new));
    assertThat(ws.gateway("payments").orElseThrow().usagePlans()).isNotEmpty();
    assertThat(ws.gateway("payments").orElseThrow().resourcePolicy()).isNotNull();
    assertThat(ws.requests()).allMatch(r -> r.expect() != null);
    assertThat(ws.environments()).isNotEmpty();
    assertThat(ws.folders()).isNotEmpty();
    var emu = ws.emulator();
    assertThat(emu.localOnly()).isTrue();
    assertThat(emu.userPools().getFirst().users()).extracting(u -> u.username()).contains("alice", "bob");
    assertThat(emu.oidcIssuers()).isNotEmpty();
    assertThat(emu.accessKeys()).isNotEmpty();
    assertThat(emu.apiKeys()).isNotEmpty();
    assertThat(emu.tokens()).isNotEmpty();
  }

  @Test
  void theDemoHasNoLiteralSecretOutsideTheEmulatorSoItCanBeShared() throws Exception {
    assertThat(WorkspaceExporter.literalSecrets(store.load(ProjectFiles.demo()))).isEmpty();
  }

  @Test
  void requestsInheritTheirFoldersCaller() throws Exception {
    Workspace ws = store.load(ProjectFiles.demo());

    assertThat(ws.effectiveCaller(ws.request("transactions as acme").orElseThrow())).contains("acme");
    assertThat(ws.effectiveCaller(ws.request("unknown route").orElseThrow())).contains("anonymous");
  }
}
