package dev.portcullis.app.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.WorkbenchViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleViewModelTest {
  private final WorkbenchViewModel workbench = new WorkbenchViewModel(BackgroundTasks.direct());
  private final ConsoleViewModel console = workbench.console();

  @AfterEach
  void close() {
    workbench.close();
  }

  @Test
  void listsWhereEachApiAndIdentityProviderAnswers() {
    workbench.openDemo();

    assertThat(console.runningProperty().get()).isTrue();
    assertThat(console.apis()).extracting(ConsoleViewModel.Endpoint::name).containsExactly("payments", "b2b", "mobile");
    assertThat(console.apis().getFirst().url()).matches("http://127\\.0\\.0\\.1:\\d+/prod");
    assertThat(console.identityProviders()).isNotEmpty();
  }

  @Test
  void eachRequestArrivesAsARulingWithItsChecks() {
    workbench.openDemo();
    workbench.selectRequest("transactions as globex: revoked key");

    workbench.request().send();

    assertThat(console.rulings()).isNotEmpty();
    ConsoleViewModel.RulingRow row = console.rulings().getFirst();
    assertThat(row.allowed()).isFalse();
    assertThat(row.method()).isEqualTo("POST");
    assertThat(row.checks()).extracting(c -> c.id()).contains("route");
  }

  @Test
  void stopAndStartTheLocalGateway() {
    workbench.openDemo();

    console.stop();

    assertThat(console.runningProperty().get()).isFalse();
    assertThat(console.apis()).isEmpty();
    assertThat(workbench.request().canSendProperty().get()).isFalse();

    console.start();

    assertThat(console.runningProperty().get()).isTrue();
    assertThat(console.apis()).hasSize(3);
  }
}
