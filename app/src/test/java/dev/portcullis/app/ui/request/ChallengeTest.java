package dev.portcullis.app.ui.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.DemoWorkspaces;
import dev.portcullis.app.ui.Questions;
import dev.portcullis.app.ui.WorkbenchViewModel;
import dev.portcullis.engine.identity.cognito.Totp;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.trace.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bob without his MFA secret: his login asks a person, through {@link Questions}, for the code. */
class ChallengeTest {
  private final WorkbenchViewModel model = new WorkbenchViewModel(BackgroundTasks.direct());
  private final Workspace workspace = DemoWorkspaces.bobWithoutMfaSecret();
  private final List<Questions.Question> asked = new ArrayList<>();

  @AfterEach
  void close() {
    model.close();
  }

  @Test
  void theTotpCodeTypedIntoTheQuestionCompletesTheLogin() {
    String secret = DemoWorkspaces.bobTotpSecret(workspace);
    answerWith(() -> Optional.of(Totp.cognito().code(secret, Instant.now())));

    send();

    assertThat(asked).singleElement().satisfies(q -> {
      assertThat(q.kind()).isEqualTo("SOFTWARE_TOKEN_MFA");
      assertThat(q.prompt()).contains("bob");
      assertThat(q.secret()).isFalse();
    });
    assertThat(model.trace().traceProperty().get().verdict().result()).isEqualTo(Verdict.Result.MATCHED);
    assertThat(model.questions().pendingProperty().get()).isNull();
  }

  @Test
  void cancellingTheQuestionEndsTheRunWithoutAnAnswerToJudge() {
    answerWith(Optional::empty);

    send();

    assertThat(asked).hasSize(1);
    var verdict = model.trace().traceProperty().get().verdict();
    assertThat(verdict.result()).isEqualTo(Verdict.Result.INCOMPLETE);
    assertThat(verdict.sentence()).contains("credential could not be obtained");
  }

  private void answerWith(java.util.function.Supplier<Optional<String>> person) {
    // with direct tasks the question is published on this thread before the login blocks on it
    model.questions().pendingProperty().addListener((obs, old, question) -> {
      if (question != null) {
        asked.add(question);
        model.questions().reply(person.get());
      }
    });
  }

  private void send() {
    model.openWorkspace(workspace);
    model.selectRequest("me as bob");
    model.request().send();
  }
}
