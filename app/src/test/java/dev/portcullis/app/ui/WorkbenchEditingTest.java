package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench as an API client: requests made, edited, kept and saved, and sent as the editor shows them. */
class WorkbenchEditingTest {
  private final WorkbenchViewModel model = new WorkbenchViewModel(BackgroundTasks.direct());
  private final WorkspaceStore store = WorkspaceStore.create(Clock.systemUTC());

  @AfterEach
  void close() {
    model.close();
  }

  private Path demoFile(Path dir) throws Exception {
    Path file = dir.resolve("mine.json");
    store.save(DemoWorkspaces.demo(), file);
    // written outside the workbench, so untrusted until the user says so; this user did, before opening it
    dev.portcullis.engine.trust.TrustStore.standard().trust(file, java.nio.file.Files.readAllBytes(file));
    model.open(file);
    return file;
  }

  @Test
  void aRequestFromARouteIsSelectedAndSendsAsAFittingCaller() {
    model.openDemo();

    model.select(new TreeRef.Route("payments", "GET /me"));

    assertThat(model.selectedProperty().get()).isEqualTo(new TreeRef.Request("GET /me"));
    assertThat(model.request().callerProperty().get()).isEqualTo("bob");
    assertThat(model.request().canSendProperty().get()).isTrue();
    model.request().send();
    Trace trace = model.trace().traceProperty().get();
    assertThat(trace.request().name()).isEqualTo("GET /me");
    assertThat(trace.verdict().actual().status()).isEqualTo(200);
    assertThat(model.dirtyProperty().get()).isTrue();
    assertThat(model.titleProperty().get()).isEqualTo("Portcullis — payments-demo • unsaved");
  }

  @Test
  void clickingTheSameRouteAgainGoesBackToTheUntouchedRequestInsteadOfMakingAnother() {
    model.openDemo();
    int before = model.workspaceProperty().get().requests().size();

    model.select(new TreeRef.Route("payments", "GET /me"));
    model.selectRequest("me as bob");
    model.select(new TreeRef.Route("payments", "GET /me"));

    assertThat(model.workspaceProperty().get().requests()).hasSize(before + 1);
    assertThat(model.request().nameProperty().get()).isEqualTo("GET /me");
  }

  @Test
  void editsAreKeptWhenAnotherRequestIsPickedAndMarkedUntilSaved(@TempDir Path dir) throws Exception {
    Path file = demoFile(dir);
    model.selectRequest("me as bob");
    assertThat(model.dirtyProperty().get()).isFalse();

    model.request().pathProperty().set("/me?edited");
    assertThat(model.request().dirtyProperty().get()).isTrue();
    assertThat(model.unsavedProperty().get()).containsExactly("me as bob");
    assertThat(model.titleProperty().get()).endsWith("• unsaved");
    model.selectRequest("health (no auth)");
    model.selectRequest("me as bob");

    assertThat(model.request().pathProperty().get()).isEqualTo("/me?edited");
    assertThat(model.unsavedProperty().get()).containsExactly("me as bob");
    assertThat(model.save(null)).isTrue();
    assertThat(model.dirtyProperty().get()).isFalse();
    assertThat(model.titleProperty().get()).isEqualTo("Portcullis — payments-demo");
    Workspace reread = store.load(file);
    assertThat(reread.request("me as bob").orElseThrow().path()).isEqualTo("/me?edited");
    assertThat(reread.request("me as bob").orElseThrow().caller()).as("still inherited from the folder").isNull();
  }

  @Test
  void saveAsWritesTheEditorsUnkeptEditsToo(@TempDir Path dir) throws Exception {
    model.openDemo();
    model.selectRequest("unknown route");
    model.request().expectStatusProperty().set("404");

    model.save(dir.resolve("copy.json"));

    assertThat(store.load(dir.resolve("copy.json")).request("unknown route").orElseThrow().expect().status()).isEqualTo(404);
    assertThat(Files.readString(dir.resolve("copy.json"))).isNotEqualTo(WorkspaceStore.render(DemoWorkspaces.demo()));
  }

  @Test
  void aRequestDraggedOntoAFolderMovesThereAndStaysSelectedAsItWas() {
    model.openDemo();
    model.selectRequest("health (no auth)");
    model.request().pathProperty().set("/health?edited");

    model.drop("health (no auth)", new TreeRef.Folder("internal"));

    SavedRequest moved = model.workspaceProperty().get().request("health (no auth)").orElseThrow();
    assertThat(moved.folder()).isEqualTo("internal");
    assertThat(moved.path()).as("the editor's edit was kept on the way").isEqualTo("/health?edited");
    assertThat(model.unsavedProperty().get()).contains("health (no auth)");
    assertThat(model.statusProperty().get()).isEqualTo("Moved health (no auth) in internal.");
    assertThat(model.treeProperty().get().get(2).children().stream().filter(r -> r.label().equals("internal")).findFirst()
        .orElseThrow().children()).extracting(WorkbenchViewModel.TreeRow::label).endsWith("health (no auth)");
  }

  @Test
  void theTracePaneStaysHiddenAcrossRunsUntilATraceArrives() {
    UiPrefs prefs = UiPrefs.memory();
    WorkbenchViewModel first = new WorkbenchViewModel(BackgroundTasks.direct(), prefs, SessionModel.Starter.of(true));
    first.trace().shownProperty().set(false);
    WorkbenchViewModel second = new WorkbenchViewModel(BackgroundTasks.direct(), prefs, SessionModel.Starter.of(true));
    try {
      assertThat(second.trace().shownProperty().get()).isFalse();
      second.openDemo();
      second.selectRequest("health (no auth)");
      second.request().send();
      assertThat(second.trace().shownProperty().get()).isTrue();
    } finally {
      first.close();
      second.close();
    }
  }

  @Test
  void loadingARequestIsNotAnEdit() {
    model.openDemo();
    for (SavedRequest r : model.workspaceProperty().get().requests()) {
      model.selectRequest(r.name());
      assertThat(model.request().dirtyProperty().get()).as(r.name()).isFalse();
    }
    assertThat(model.dirtyProperty().get()).isFalse();
  }

  @Test
  void newDuplicateRenameMoveAndDeleteChangeTheTreeAndTheSelection(@TempDir Path dir) throws Exception {
    Path file = demoFile(dir);
    model.selectRequest("me as bob");

    model.newRequest();
    assertThat(model.selectedProperty().get()).isEqualTo(new TreeRef.Request("New request"));
    assertThat(model.workspaceProperty().get().request("New request").orElseThrow().folder()).isEqualTo("mobile");
    model.request().pathProperty().set("/health");
    model.rename("health again");
    assertThat(model.selectedProperty().get()).isEqualTo(new TreeRef.Request("health again"));
    assertThat(model.workspaceProperty().get().request("health again").orElseThrow().path()).isEqualTo("/health");
    model.duplicate();
    assertThat(model.selectedProperty().get()).isEqualTo(new TreeRef.Request("health again copy"));
    model.moveTo("smoke");
    model.newFolder("empty");
    assertThat(WorkbenchViewModelTest.find(model.treeProperty().get(), "smoke").children()).extracting(WorkbenchViewModel.TreeRow::label)
        .containsExactly("health again copy");
    assertThat(WorkbenchViewModelTest.find(model.treeProperty().get(), "empty")).isNotNull();
    model.selectRequest("unknown route");
    model.delete();
    assertThat(model.request().nameProperty().get()).isEmpty();
    model.save(null);

    Workspace reread = store.load(file);
    assertThat(reread.request("unknown route")).isEmpty();
    assertThat(reread.request("health again").orElseThrow().folder()).isEqualTo("mobile");
    assertThat(reread.request("health again copy").orElseThrow().folder()).isEqualTo("smoke");
    assertThat(reread.folder("empty")).isPresent();
  }

  @Test
  void aTakenNameIsRefusedWithASentenceAndNothingChanges() {
    model.openDemo();
    model.selectRequest("me as bob");
    Workspace before = model.workspaceProperty().get();

    model.rename("unknown route");

    assertThat(model.statusProperty().get()).isEqualTo("Could not rename me as bob: there is already a saved request named 'unknown route'");
    assertThat(model.workspaceProperty().get()).isEqualTo(before);
  }

  @Test
  void theEditorSendsWhatItShowsWithoutASavedRequest() {
    model.openDemo();
    assertThat(model.request().nameProperty().get()).isEmpty();
    model.request().gatewayProperty().set("payments");
    model.request().pathProperty().set("/health");
    model.request().callerProperty().set("anonymous");

    assertThat(model.request().canSendProperty().get()).isTrue();
    model.request().send();

    Trace trace = model.trace().traceProperty().get();
    assertThat(trace.request().url()).endsWith("/prod/health");
    assertThat(trace.verdict().actual().status()).isEqualTo(200);
  }
}
