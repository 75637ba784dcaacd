package dev.portcullis.app.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.LogModel;
import dev.portcullis.app.ui.WorkbenchViewModel;
import dev.portcullis.engine.store.SendHistory;
import dev.portcullis.engine.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryViewModelTest {
  private final WorkbenchViewModel workbench = new WorkbenchViewModel(BackgroundTasks.direct());
  private final List<Trace> reopened = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    workbench.close();
  }

  private HistoryViewModel history() {
    return new HistoryViewModel(BackgroundTasks.direct(), new LogModel(), () -> workbench.session().masking(), dir.resolve("history.json"),
        reopened::add);
  }

  private Trace send(String name) {
    workbench.selectRequest(name);
    workbench.request().send();
    return workbench.trace().traceProperty().get();
  }

  @Test
  void sendsAreListedNewestFirstFilteredByRouteCallerAndOutcomeAndReopenWithTheirTrace() {
    workbench.openDemo();
    HistoryViewModel history = history();
    Trace bob = send("me as bob");
    history.record(bob);
    history.record(send("me as alice: missing scope"));
    history.record(send("unknown route"));

    assertThat(history.rows()).extracting(HistoryViewModel.Row::request)
        .containsExactly("unknown route", "me as alice: missing scope", "me as bob");
    history.routeProperty().set("/prod/me");
    assertThat(history.rows()).hasSize(2);
    history.outcomeProperty().set("denied");
    assertThat(history.rows()).extracting(HistoryViewModel.Row::caller).containsExactly("alice");
    history.outcomeProperty().set(HistoryViewModel.ANY);
    history.callerProperty().set("bob");
    assertThat(history.callers()).contains("alice", "anonymous", "bob");

    history.reopen(history.rows().getFirst());
    assertThat(reopened).containsExactly(bob);
  }

  @Test
  void earlierSessionsSendsComeBackMaskedFromTheDataFolderAndReopen() throws Exception {
    workbench.openDemo();
    history().record(send("me as bob"));
    String token = send("me as bob").steps().stream().filter(s -> s instanceof dev.portcullis.engine.trace.Step.Inspect i && i.token() != null)
        .map(s -> ((dev.portcullis.engine.trace.Step.Inspect) s).token().token()).findFirst().orElseThrow();

    HistoryViewModel later = history();

    assertThat(later.rows()).hasSize(1);
    assertThat(Files.readString(dir.resolve("history.json"))).doesNotContain(token).contains("me as bob");
    later.reopen(later.rows().getFirst());
    assertThat(reopened).singleElement().satisfies(t -> assertThat(t.request().name()).isEqualTo("me as bob"));
  }

  @Test
  void onlyTheLastHundredAreKept() throws Exception {
    SendHistory file = SendHistory.at(dir.resolve("h.json"));
    for (int i = 0; i < SendHistory.KEEP + 5; i++) {
      file.add(new SendHistory.Entry(java.time.Instant.ofEpochSecond(i), "r" + i, "GET", "http://x/", "c", 200, "allowed", null, "ok", null));
    }
    assertThat(file.entries()).hasSize(SendHistory.KEEP);
    assertThat(file.entries().getFirst().request()).isEqualTo("r104");
  }
}
