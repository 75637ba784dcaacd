package dev.portcullis.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.app.ui.DemoWorkspaces;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import org.junit.jupiter.api.Test;

class WorkspaceEditsTest {
  private final Workspace demo = DemoWorkspaces.demo();

  private static java.util.List<String> names(Workspace ws) {
    return ws.requests().stream().map(SavedRequest::name).toList();
  }

  @Test
  void aDuplicateComesRightAfterItsOriginalWithAFreeName() {
    Workspace once = WorkspaceEdits.duplicate(demo, "me as bob");
    Workspace twice = WorkspaceEdits.duplicate(once, "me as bob");

    assertThat(names(once).subList(0, 2)).containsExactly("me as bob", "me as bob copy");
    assertThat(names(twice)).contains("me as bob copy 2");
    assertThat(once.request("me as bob copy").orElseThrow().path()).isEqualTo("/me");
  }

  @Test
  void renameKeepsThePlaceAndRefusesATakenOrBlankName() {
    Workspace renamed = WorkspaceEdits.rename(demo, "me as bob", "bob's profile");

    assertThat(names(renamed).getFirst()).isEqualTo("bob's profile");
    assertThat(renamed.request("me as bob")).isEmpty();
    assertThatThrownBy(() -> WorkspaceEdits.rename(demo, "me as bob", "unknown route"))
        .hasMessage("there is already a saved request named 'unknown route'");
    assertThatThrownBy(() -> WorkspaceEdits.rename(demo, "me as bob", "  ")).hasMessage("a saved request needs a name");
  }

  @Test
  void renamingARequestOthersDependOnKeepsThemPointingAtIt() {
    Workspace renamed = WorkspaceEdits.rename(demo, "transactions as initech (POST)", "initech posts");
    Workspace movedTrap = WorkspaceEdits.move(renamed, "transactions: cached-policy trap", "traps");

    assertThat(movedTrap.request("transactions: cached-policy trap").orElseThrow().dependsOn()).containsExactly("initech posts");
  }

  @Test
  void aRequestDroppedOnAnotherGoesJustBeforeItInItsFolder() {
    Workspace placed = WorkspaceEdits.place(demo, "health (no auth)", null, "me as alice: missing scope");

    assertThat(names(placed).subList(0, 3)).containsExactly("me as bob", "health (no auth)", "me as alice: missing scope");
    assertThat(placed.request("health (no auth)").orElseThrow().folder()).isEqualTo("mobile");
    assertThat(placed.requests()).hasSameSizeAs(demo.requests());
  }

  @Test
  void aRequestDroppedOnAFolderGoesLastInItAndOnTheTopOutOfAnyFolder() {
    Workspace intoB2b = WorkspaceEdits.place(demo, "me as bob", "b2b", null);
    Workspace out = WorkspaceEdits.place(intoB2b, "me as bob", "", null);

    java.util.List<String> b2b = intoB2b.requests().stream().filter(r -> "b2b".equals(r.folder())).map(SavedRequest::name).toList();
    assertThat(b2b).endsWith("me as bob");
    assertThat(out.request("me as bob").orElseThrow().folder()).isNull();
    assertThat(WorkspaceEdits.place(demo, "me as bob", null, "me as bob")).isSameAs(demo);
    assertThatThrownBy(() -> WorkspaceEdits.place(demo, "me as bob", "nowhere", null)).hasMessage("there is no folder named 'nowhere'");
  }

  @Test
  void deleteRemovesOnlyThatRequest() {
    Workspace without = WorkspaceEdits.remove(demo, "unknown route");

    assertThat(without.requests()).hasSize(demo.requests().size() - 1);
    assertThat(without.request("unknown route")).isEmpty();
  }

  @Test
  void movingToANewFolderCreatesItAndTheRequestThenInheritsNothingFromTheOldOne() {
    Workspace moved = WorkspaceEdits.move(demo, "me as bob", "smoke");

    assertThat(moved.folder("smoke")).isPresent();
    assertThat(moved.request("me as bob").orElseThrow().folder()).isEqualTo("smoke");
    assertThat(moved.effectiveCaller(moved.request("me as bob").orElseThrow())).isEqualTo(java.util.Optional.ofNullable(demo.defaultCaller()));
    assertThat(WorkspaceEdits.move(moved, "me as bob", null).request("me as bob").orElseThrow().folder()).isNull();
  }

  @Test
  void aFolderNameIsTakenOnce() {
    assertThatThrownBy(() -> WorkspaceEdits.addFolder(demo, "mobile")).hasMessage("there is already a folder named 'mobile'");
  }
}
