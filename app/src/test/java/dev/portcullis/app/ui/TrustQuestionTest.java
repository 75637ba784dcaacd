package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's trust question (issue 12, item 1), through {@link Questions} as a person answers it:
 * a shared file lists what it would run and read; no means its program never runs.
 */
class TrustQuestionTest {
  @TempDir Path dir;
  private final WorkbenchViewModel model = new WorkbenchViewModel(BackgroundTasks.direct());
  private final List<Questions.Question> asked = new ArrayList<>();

  @AfterEach
  void close() {
    model.close();
  }

  private Path hostile(Path marker) throws Exception {
    String json = """
        {"schemaVersion": 1, "name": "shared", "defaultCaller": "guest",
         "gateways": [{"name": "api", "flavor": "HTTP", "localPort": 0,
           "authorizers": [{"type": "lambda", "name": "gate", "payloadFormat": "2.0", "simpleResponses": true, "identitySources": [],
             "function": {"kind": "command", "command": ["sh", "-c", "touch MARKER; cat >/dev/null; echo '{\\"isAuthorized\\":true}'"]}}],
           "routes": [{"method": "GET", "path": "/x", "authorization": "CUSTOM", "authorizer": "gate"}]}],
         "callers": [{"type": "anonymous", "name": "guest"}, {"type": "custom-token", "name": "ssh", "token": "file:~/.ssh/id_rsa"}],
         "requests": [{"name": "x", "gateway": "api", "method": "GET", "path": "/x", "expect": {"status": 200}}]}
        """.replace("MARKER", marker.toString());
    return Files.writeString(dir.resolve("shared.json"), json);
  }

  private void answer(Optional<String> reply) {
    model.questions().pendingProperty().addListener((obs, old, question) -> {
      if (question != null) {
        asked.add(question);
        model.questions().reply(reply);
      }
    });
  }

  private int send() {
    model.selectRequest("x");
    model.request().send();
    return model.trace().traceProperty().get().verdict().actual().status();
  }

  @Test
  void theQuestionListsTheProgramAndTheSecretAndNoRunsNothing() throws Exception {
    Path marker = dir.resolve("ran");
    answer(Optional.empty());
    model.open(hostile(marker));

    assertThat(asked).singleElement().satisfies(q -> {
      assertThat(q.kind()).isEqualTo(Questions.TRUST);
      assertThat(q.prompt()).contains("shared.json was not saved by Portcullis on this machine");
      assertThat(q.items()).anySatisfy(i -> assertThat(i).startsWith("runs sh -c 'touch " + marker));
      assertThat(q.items()).anySatisfy(i -> assertThat(i).startsWith("reads file:~/.ssh/id_rsa"));
    });
    assertThat(model.sessions().trusted()).isFalse();
    assertThat(send()).isEqualTo(500);
    assertThat(marker).doesNotExist();
    assertThat(model.statusProperty().get()).doesNotContain("Exception");
  }

  @Test
  void yesRunsItAndIsRemembered() throws Exception {
    Path marker = dir.resolve("ran");
    Path file = hostile(marker);
    answer(Optional.of(Questions.TRUST_ANSWER));
    model.open(file);
    assertThat(send()).isEqualTo(200);
    assertThat(marker).exists();
    model.open(file);
    assertThat(asked).hasSize(1);
  }

  @Test
  void savingFromATrustedSessionTrustsTheNewFileButSavingAnUntrustedOneDoesNot() throws Exception {
    Path file = hostile(dir.resolve("ran"));
    answer(Optional.empty());
    model.open(file);
    model.save(dir.resolve("kept.json"));
    model.open(dir.resolve("kept.json"));
    assertThat(asked).hasSize(2);

    model.openWorkspace(model.workspaceProperty().get()); // built in the app: trusted
    model.save(dir.resolve("mine.json"));
    model.open(dir.resolve("mine.json"));
    assertThat(asked).hasSize(2);
    assertThat(model.sessions().trusted()).isTrue();
  }

  @Test
  void theDemoAsksNothing() {
    answer(Optional.empty());
    model.openDemo();
    assertThat(asked).isEmpty();
    assertThat(model.sessions().trusted()).isTrue();
  }
}
