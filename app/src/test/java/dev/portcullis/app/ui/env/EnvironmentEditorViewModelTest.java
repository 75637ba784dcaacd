package dev.portcullis.app.ui.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.WorkbenchViewModel;
import dev.portcullis.engine.store.WorkspaceStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentEditorViewModelTest {
  private final WorkbenchViewModel workbench = new WorkbenchViewModel(BackgroundTasks.direct());

  @AfterEach
  void close() {
    workbench.close();
  }

  @Test
  void variablesAreEditedPerEnvironmentAndKeptInTheWorkspace(@TempDir Path dir) throws Exception {
    workbench.openDemo();
    EnvironmentEditorViewModel envs = workbench.environments();
    assertThat(envs.names()).contains("aws-dev");
    envs.selectedProperty().set("aws-dev");
    assertThat(envs.variables().rows()).extracting(r -> r.name()).contains("idpBaseUrl", "paymentsApiId");

    envs.variables().add("region", "eu-west-1");
    assertThat(envs.apply()).isTrue();
    envs.add("staging");
    envs.variables().add("idpBaseUrl", "https://cognito-idp.eu-west-1.amazonaws.com");
    assertThat(envs.apply()).isTrue();
    workbench.save(dir.resolve("w.json"));

    var saved = WorkspaceStore.create(Clock.systemUTC()).load(dir.resolve("w.json"));
    assertThat(saved.environment("aws-dev").orElseThrow().variables()).containsEntry("region", "eu-west-1");
    assertThat(saved.environment("aws-dev").orElseThrow().callers()).as("editing its variables keeps its callers")
        .extracting(c -> c.name()).contains("alice", "refresh-job", "acme");
    assertThat(saved.environment("staging").orElseThrow().variables()).containsKey("idpBaseUrl");
    assertThat(workbench.request().environments()).contains("staging");
  }

  @Test
  void aSecretValueIsRefusedAndAReferenceTaken() {
    workbench.openDemo();
    EnvironmentEditorViewModel envs = workbench.environments();
    envs.selectedProperty().set("aws-dev");
    envs.variables().add("apiToken", "s3cr3t-value");

    assertThat(envs.apply()).isFalse();
    assertThat(workbench.statusProperty().get()).isEqualTo("Environment aws-dev: apiToken holds a secret value; use a reference instead "
        + "(env:NAME, file:PATH, keychain:NAME or prompt).");
    assertThat(workbench.workspaceProperty().get().environment("aws-dev").orElseThrow().variables()).doesNotContainKey("apiToken");

    envs.variables().set(envs.variables().rows().size() - 1, new dev.portcullis.app.ui.request.KeyValueRow(true, "apiToken", "env:API_TOKEN"));
    assertThat(envs.apply()).isTrue();
  }
}
