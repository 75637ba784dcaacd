package dev.portcullis.app.ui.authorizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.WorkbenchViewModel;
import dev.portcullis.app.ui.console.ConsoleViewModel;
import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.LambdaFunction;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 in the workbench: the partner gate set to a Node handler (the seed's, reading the key header in any case,
 * as the local gateway hands header names over capitalised), and each call in the console.
 */
class AuthorizerEditorViewModelTest {
  private final WorkbenchViewModel workbench = new WorkbenchViewModel(BackgroundTasks.direct());
  private final AuthorizerEditorViewModel editor = workbench.authorizers();
  private final Path seed = Path.of(System.getProperty("portcullis.root"), "engine/src/test/resources/handlers/any-case-node");

  @AfterEach
  void close() {
    workbench.close();
  }

  @Test
  void listsTheLambdaAuthorisersAndWhatTheirFunctionIsNow() {
    workbench.openDemo();

    assertThat(editor.authorizers()).containsExactly("payments · partner-gate");
    assertThat(editor.currentProperty().get()).startsWith("Declarative rules (");
  }

  @Test
  void theSeedsHandlerRunsForThePartnerRouteAndTheConsoleShowsEachCallColdThenWarm() {
    workbench.openDemo();
    editor.codeUriProperty().set(seed.toString());
    editor.handlerProperty().set("index.handler");
    editor.runtimeProperty().set("nodejs20.x");

    editor.apply();

    Authorizer.Lambda gate = (Authorizer.Lambda) workbench.workspaceProperty().get().gateway("payments").orElseThrow().authorizers().stream()
        .filter(a -> a.name().equals("partner-gate")).findFirst().orElseThrow();
    assertThat(gate.function()).isInstanceOf(LambdaFunction.Handler.class);
    assertThat(workbench.statusProperty().get()).isEqualTo("Authoriser partner-gate now runs index.handler (nodejs20.x); the Console"
        + " shows each call, Ctrl+S saves it.");
    assertThat(workbench.dirtyProperty().get()).isTrue();

    workbench.selectRequest("transactions as acme");
    workbench.request().send();
    assertThat(workbench.trace().traceProperty().get().verdict().actual().status()).isEqualTo(200);
    ConsoleViewModel.RulingRow first = workbench.console().rulings().getFirst();
    assertThat(first.checks()).anyMatch(c -> c.id().equals("lambda.handler") && c.evidence().contains("ran under Node.js"));
    assertThat(first.handler()).matches("cold · start [0-9.]+ \\+ run [0-9.]+ ms");

    workbench.selectRequest("transactions as globex: revoked key");
    workbench.request().send();
    assertThat(workbench.trace().traceProperty().get().verdict().actual().status()).as("globex's key is no tenant's").isEqualTo(401);
    assertThat(workbench.console().rulings().getFirst().handler()).matches("warm · [0-9.]+ ms");
  }

  @Test
  void aTimeoutThatIsNoNumberIsASentenceAndNothingChanges() {
    workbench.openDemo();
    editor.codeUriProperty().set(seed.toString());
    editor.timeoutSecondsProperty().set("soon");

    editor.apply();

    assertThat(workbench.statusProperty().get()).isEqualTo("The handler of partner-gate was not set: the timeout 'soon' is not a positive whole number");
    assertThat(workbench.dirtyProperty().get()).isFalse();
  }
}
