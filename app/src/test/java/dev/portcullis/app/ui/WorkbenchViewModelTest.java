package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchViewModelTest {
  private final WorkbenchViewModel model = new WorkbenchViewModel(BackgroundTasks.direct());

  @AfterEach
  void close() {
    model.close();
  }

  @Test
  void openingTheDemoShowsItsApisCallersAndRequestsAndStartsTheLocalGateway() {
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
    var callerGroups = model.treeProperty().get().get(1).children();
    assertThat(callerGroups).extracting(WorkbenchViewModel.TreeRow::label).contains("Cognito users", "Partners (API key)", "AWS IAM roles");
    assertThat(model.session()).isNotNull();
    assertThat(model.session().world()).isPresent();
    assertThat(model.statusProperty().get()).contains("Local gateway ready");
  }

  @Test
  void selectingASavedRequestFillsTheEditorWithItsInheritedCaller() {
    model.openDemo();
    WorkbenchViewModel.TreeRow row = find(model.treeProperty().get(), "me as bob");

    model.select(row);

    var editor = model.request();
    assertThat(editor.nameProperty().get()).isEqualTo("me as bob");
    assertThat(editor.methodProperty().get()).isEqualTo("GET");
    assertThat(editor.gatewayProperty().get()).isEqualTo("payments");
    assertThat(editor.pathProperty().get()).isEqualTo("/me");
    assertThat(editor.callerProperty().get()).isEqualTo("bob"); // from the mobile folder
    assertThat(editor.expectStatusProperty().get()).isEqualTo("200");
    assertThat(editor.canSendProperty().get()).isTrue();
  }

  /**
   * On a world whose clock stands still: on the real clock, the 400 sends of the throttled burst take
   * more than two seconds on a loaded machine, refill the 100 rps bucket as they go and all pass. A
   * still clock lets the plan's burst of 200, not the machine's speed, decide the 429 (spec §6).
   */
  @Test
  void everySavedRequestMeetsItsExpectationWhenSentFromTheEditor() {
    WorkbenchViewModel still = new WorkbenchViewModel(BackgroundTasks.direct(), UiPrefs.memory(),
        SessionModel.Starter.of(true, Clock.fixed(Instant.now(), ZoneOffset.UTC)));
    try {
      everySavedRequestMeetsItsExpectation(still);
    } finally {
      still.close();
    }
  }

  private static void everySavedRequestMeetsItsExpectation(WorkbenchViewModel model) {
    model.openDemo();
    List<String> misses = new ArrayList<>();
    for (SavedRequest request : model.workspaceProperty().get().requests()) {
      model.selectRequest(request.name());
      model.request().send();
      Trace trace = model.trace().traceProperty().get();
      assertThat(trace.request().name()).isEqualTo(request.name());
      if (trace.verdict().result() != Verdict.Result.MATCHED) {
        misses.add(request.name() + ": " + trace.verdict().sentence());
      }
      if (request.name().equals("transactions: throttled burst")) {
        assertThat(trace.verdict().actual().body()).as("AWS's throttling body").isEqualTo("{\"message\":\"Too Many Requests\"}");
      }
    }
    assertThat(misses).isEmpty();
  }

  @Test
  void sendingAsEachCallerEndsInAVerdictSentence() {
    model.openDemo();
    model.selectRequest("me as bob");
    for (String caller : model.request().callers()) {
      model.request().callerProperty().set(caller);
      model.request().send();
      Trace trace = model.trace().traceProperty().get();
      assertThat(trace.request().caller()).isEqualTo(caller);
      assertThat(trace.step(Step.Kind.VERDICT)).isPresent();
      // the trace's headline carries the answer; the status bar says the send is done, not the same sentence again
      assertThat(model.statusProperty().get()).isEqualTo("Sent GET /me as " + caller + ": answered " + trace.verdict().actual().status()
          + "; the trace says why.").isNotEqualTo(trace.verdict().sentence());
    }
  }

  @Test
  void theEditedPathIsWhatIsSent() {
    model.openDemo();
    model.selectRequest("me as bob");
    model.request().pathProperty().set("/not-a-route");

    model.request().send();

    Trace trace = model.trace().traceProperty().get();
    assertThat(trace.request().url()).endsWith("/prod/not-a-route");
    assertThat(trace.verdict().result()).isEqualTo(Verdict.Result.MISMATCHED);
    assertThat(trace.verdict().sentence()).contains("403");
  }

  @Test
  void aMalformedWorkspaceFileIsASentenceAndTheOpenWorkspaceStays(@TempDir Path dir) throws Exception {
    model.openDemo();
    Path broken = Files.writeString(dir.resolve("broken.json"), "{ \"schemaVersion\": 1, \"name\": ");

    model.open(broken);

    assertThat(model.statusProperty().get()).startsWith("Could not open broken.json: ").doesNotContain("Exception");
    assertThat(model.workspaceProperty().get().name()).isEqualTo("payments-demo");
    assertThat(model.log().lines()).anyMatch(l -> l.contains("broken.json"));
  }

  @Test
  void aRequestToADeadHostSaysSoInTheTraceAndTheStatusBar() {
    model.openWorkspace(DemoWorkspaces.deadHosts());
    model.request().environmentProperty().set("aws-dev"); // real base URLs, which point nowhere here
    model.selectRequest("health (no auth)");

    model.request().send();

    Trace trace = model.trace().traceProperty().get();
    assertThat(trace.step(Step.Kind.SEND)).get().satisfies(s -> assertThat(s.outcome()).isEqualTo(dev.portcullis.engine.trace.Outcome.FAIL));
    assertThat(trace.verdict().result()).isEqualTo(Verdict.Result.INCOMPLETE);
    assertThat(model.statusProperty().get()).isEqualTo("Sent GET /health as anonymous: no answer; the trace says why.");
  }

  @Test
  void savingRemembersTheFileAmongRecentWorkspaces(@TempDir Path dir) {
    model.openDemo();
    Path file = dir.resolve("mine.json");

    assertThat(model.save(null)).isFalse(); // the demo has no file yet: the view asks where
    model.save(file);

    assertThat(file).exists();
    assertThat(model.recent()).containsExactly(file.toString());
    assertThat(model.prefs().get("recent", "")).isEqualTo(file.toString());
  }

  @Test
  void theThemeChoiceIsRemembered() {
    UiPrefs prefs = UiPrefs.memory();
    new WorkbenchViewModel(BackgroundTasks.direct(), prefs, SessionModel.Starter.of(true)).darkProperty().set(true);

    assertThat(new WorkbenchViewModel(BackgroundTasks.direct(), prefs, SessionModel.Starter.of(true)).darkProperty().get()).isTrue();
  }

  static WorkbenchViewModel.TreeRow find(List<WorkbenchViewModel.TreeRow> rows, String label) {
    for (WorkbenchViewModel.TreeRow row : rows) {
      if (row.label().equals(label)) {
        return row;
      }
      WorkbenchViewModel.TreeRow found = find(row.children(), label);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  @Test
  void importingADefinitionShowsItsReportFirstAndOpensItUnsavedOnOk() {
    model.openDemo();
    Path source = Path.of(System.getProperty("portcullis.root"), "../shared/oracles/import-corpus/sam/06-owasp-order-cognito-template.yaml");

    model.importDefinition(source);

    WorkbenchViewModel.ImportPreview preview = model.importPreviewProperty().get();
    assertThat(preview.summary()).startsWith("Imported 06-owasp-order-cognito-template.yaml: ");
    assertThat(preview.mapped()).anyMatch(l -> l.contains("route orderapi POST /placeOrder: COGNITO_USER_POOLS by CognitoAuthorizer"));
    assertThat(model.titleProperty().get()).as("nothing opens before OK").isEqualTo("Portcullis — payments-demo");

    model.acceptImport();

    assertThat(model.importPreviewProperty().get()).isNull();
    assertThat(model.titleProperty().get()).isEqualTo("Portcullis — OrderApi");
    var apis = model.treeProperty().get().getFirst().children();
    assertThat(apis).extracting(WorkbenchViewModel.TreeRow::label).containsExactly("orderapi");
    assertThat(model.save(null)).as("an import is unsaved until the user picks where").isFalse();
    assertThat(model.log().lines()).anyMatch(l -> l.contains("route orderapi POST /placeOrder: COGNITO_USER_POOLS by CognitoAuthorizer"))
        .anyMatch(l -> l.contains("Imported 06-owasp-order-cognito-template.yaml:") && l.contains("Save to keep the workspace"));
  }

  @Test
  void cancellingTheImportPreviewKeepsTheOpenWorkspace() {
    model.openDemo();
    Path source = Path.of(System.getProperty("portcullis.root"), "../shared/oracles/import-corpus/sam/06-owasp-order-cognito-template.yaml");
    model.importDefinition(source);

    model.cancelImport();

    assertThat(model.importPreviewProperty().get()).isNull();
    assertThat(model.titleProperty().get()).isEqualTo("Portcullis — payments-demo");
    assertThat(model.statusProperty().get()).isEqualTo("Import of 06-owasp-order-cognito-template.yaml cancelled; nothing was opened or written.");
  }

  @Test
  void aDefinitionThatCannotBeImportedLeavesTheOpenWorkspace(@TempDir Path dir) throws Exception {
    model.openDemo();
    Path junk = Files.writeString(dir.resolve("notes.yaml"), "shopping: [milk]\n");

    model.importDefinition(junk);

    assertThat(model.titleProperty().get()).isEqualTo("Portcullis — payments-demo");
    assertThat(model.statusProperty().get()).startsWith("Could not import notes.yaml:").contains("is not a definition Portcullis imports");
  }
}
