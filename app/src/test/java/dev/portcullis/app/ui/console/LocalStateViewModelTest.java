package dev.portcullis.app.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.WorkbenchViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The state earlier sends left in the local gateway, as the console and the trace show it (spec/apigw-facts.md §4.3, §6). */
class LocalStateViewModelTest {
  private final WorkbenchViewModel workbench = new WorkbenchViewModel(BackgroundTasks.direct());

  @AfterEach
  void close() {
    workbench.close();
  }

  private void send(String name) {
    workbench.selectRequest(name);
    workbench.request().send();
  }

  @Test
  void theConsoleSaysWhichCallCachedThePolicyAndTheTraceItDecidedOffersAReset() {
    workbench.openDemo();
    send("transactions as initech (POST)");
    workbench.console().refreshState();

    assertThat(workbench.console().localState()).anySatisfy(line -> assertThat(line)
        .startsWith("Cached policy of partner-gate (payments) for loca****")
        .contains("by the call to POST /partners/initech/transactions").contains("expires in"));
    assertThat(workbench.trace().stateDecidedProperty().get()).isFalse();

    send("transactions: cached-policy trap");
    assertThat(workbench.trace().stateDecidedProperty().get()).isTrue();
    workbench.trace().resetLocalState();

    assertThat(workbench.console().localState()).isEmpty();
    assertThat(workbench.statusProperty().get()).startsWith("Local state reset: 1 cached policy forgotten");
    send("transactions: cached-policy trap");
    assertThat(workbench.trace().traceProperty().get().verdict().actual().status()).isEqualTo(200);
  }

  @Test
  void aQuotaShowsWhatIsUsedOfIt() {
    workbench.openDemo();
    send("transactions: trial quota");
    workbench.console().refreshState();

    assertThat(workbench.console().localState()).anySatisfy(line -> assertThat(line)
        .startsWith("Usage plan trial (payments), key hooli: quota 5 of 5 used, resets at "));
  }
}
