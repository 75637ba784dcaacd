package dev.portcullis.app.ui.callers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.WorkbenchViewModel;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.trace.Outcome;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallerEditorViewModelTest {
  private final WorkbenchViewModel workbench = new WorkbenchViewModel(BackgroundTasks.direct());
  private final CallerEditorViewModel editor = workbench.callers();

  @BeforeEach
  void open() {
    workbench.openDemo();
  }

  @AfterEach
  void close() {
    workbench.close();
  }

  @Test
  void aCognitoUserIsEditedAsItsOwnFormWithReferencesForSecrets() {
    select("bob");

    assertThat(editor.kindProperty().get()).isEqualTo("CognitoUser");
    assertThat(editor.fields()).extracting(CallerForm.Field::key)
        .contains("userPoolId", "clientId", "username", "password", "flow", "token", "mfaSecret");
    assertThat(editor.field("password").get()).startsWith("local:");
  }

  @Test
  void aLiteralSecretIsRefusedAndNothingChanges() {
    select("bob");
    editor.field("password").set("hunter2");

    assertThat(editor.apply()).isFalse();

    assertThat(workbench.statusProperty().get()).contains("password holds a value, not a reference");
    Caller.CognitoUser bob = (Caller.CognitoUser) workbench.workspaceProperty().get().caller("bob").orElseThrow();
    assertThat(bob.password().isLiteral()).isFalse();
  }

  @Test
  void appliedChangesReachTheWorkspaceAndTheRunningSession() {
    select("acme");
    editor.field("description").set("Acme, edited");
    editor.field("apiKey").set("env:ACME_KEY");

    assertThat(editor.apply()).isTrue();

    Caller acme = workbench.workspaceProperty().get().caller("acme").orElseThrow();
    assertThat(acme.description()).isEqualTo("Acme, edited");
    assertThat(((Caller.ApiKey) acme).apiKey().text()).isEqualTo("env:ACME_KEY");
    assertThat(workbench.session().workspace().caller("acme").orElseThrow().description()).isEqualTo("Acme, edited");
  }

  @Test
  void logInShowsTheTokenExplainedOrTheKeyMasked() {
    for (String name : List.of("alice", "acme", "refresh-job")) {
      select(name);

      editor.logIn();

      assertThat(editor.resultProperty().get()).doesNotContain("failed").isNotBlank();
    }
    select("alice");
    editor.logIn();
    assertThat(editor.tokenProperty().get().outcome()).isEqualTo(Outcome.OK);
    assertThat(editor.tokenProperty().get().summary()).contains("alice");
    select("acme");
    editor.logIn();
    assertThat(editor.resultProperty().get()).startsWith("API key ").contains("****");
    assertThat(editor.tokenProperty().get()).isNull();
  }

  private void select(String caller) {
    workbench.select(new WorkbenchViewModel.TreeRow(caller, "caller", null, List.of(), new dev.portcullis.app.ui.TreeRef.Caller(caller)));
  }
}
