package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchViewModelTest {
  @Test
  void openingTheDemoShowsItsApisCallersAndRequests() {
    WorkbenchViewModel model = new WorkbenchViewModel(BackgroundTasks.direct());

    model.openDemo();

    assertThat(model.titleProperty().get()).isEqualTo("Portcullis — payments-demo");
    assertThat(model.treeProperty().get()).extracting(WorkbenchViewModel.TreeRow::label)
        .containsExactly("APIs", "Callers", "Saved requests");
    var apis = model.treeProperty().get().getFirst().children();
    assertThat(apis).extracting(WorkbenchViewModel.TreeRow::label).containsExactly("payments", "b2b", "mobile");
    assertThat(apis.getFirst().children()).anySatisfy(r -> {
      assertThat(r.label()).isEqualTo("GET /me");
      assertThat(r.detail()).isEqualTo("Cognito authoriser mobile-users");
    });
    assertThat(model.statusProperty().get()).contains("3 APIs").contains("saved requests");
  }

  @Test
  void openingAWorkspaceFileShowsIt(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("payments.pcws"), WorkspaceStore.render(DemoWorkspace.load()));
    WorkbenchViewModel model = new WorkbenchViewModel(BackgroundTasks.direct());

    model.open(file);

    assertThat(model.titleProperty().get()).isEqualTo("Portcullis — payments-demo");
    assertThat(model.statusProperty().get()).contains("3 APIs");
  }

  @Test
  void aWorkspaceFileThatCannotBeReadSaysSoInTheStatus(@TempDir Path dir) {
    WorkbenchViewModel model = new WorkbenchViewModel(BackgroundTasks.direct());

    model.open(dir.resolve("missing.pcws"));

    assertThat(model.statusProperty().get()).startsWith("The workspace could not be opened: ").contains("missing.pcws");
  }
}
