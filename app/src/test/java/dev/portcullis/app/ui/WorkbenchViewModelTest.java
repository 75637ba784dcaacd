package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
