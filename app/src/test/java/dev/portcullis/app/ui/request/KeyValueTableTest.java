package dev.portcullis.app.ui.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.WorkbenchViewModel;
import dev.portcullis.engine.trace.Exchange;
import dev.portcullis.engine.trace.Step;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyValueTableTest {
  private final WorkbenchViewModel workbench = new WorkbenchViewModel(BackgroundTasks.direct());

  @AfterEach
  void close() {
    workbench.close();
  }

  @Test
  void theTableAndTheBulkTextAreTwoViewsOfTheSameRows() {
    SimpleStringProperty text = new SimpleStringProperty("Accept: application/json\n// X-Debug: 1");
    KeyValueTable table = new KeyValueTable(text, ':', ": ");

    assertThat(table.rows()).containsExactly(new KeyValueRow(true, "Accept", "application/json"), new KeyValueRow(false, "X-Debug", "1"));
    table.toggle(1, true);
    table.toggle(0, false);
    assertThat(text.get()).isEqualTo("// Accept: application/json\nX-Debug: 1");
    table.add("X-New", "v");
    table.remove(0);
    assertThat(text.get()).isEqualTo("X-Debug: 1\nX-New: v");
    text.set("A: 1");
    assertThat(table.rows()).containsExactly(new KeyValueRow(true, "A", "1"));
  }

  @Test
  void onlyRowsSwitchedOnAreSentAndSaved() {
    assertThat(KeyValueLines.parse("a: 1\n// b: 2\n  //c:3\nhalf-typed", ':')).containsExactly(java.util.Map.entry("a", "1"),
        java.util.Map.entry("half-typed", ""));
  }

  @Test
  void aHeaderSwitchedOffIsNotSent() {
    workbench.openDemo();
    workbench.selectRequest("me as bob");
    var editor = workbench.request();
    editor.headerTable().add("X-Off", "1");
    editor.headerTable().add("X-On", "2");
    editor.headerTable().toggle(0, false);

    editor.send();

    Exchange exchange = workbench.trace().traceProperty().get().steps().stream().filter(s -> s instanceof Step.Send)
        .map(s -> ((Step.Send) s).exchange()).findFirst().orElseThrow();
    assertThat(exchange.request().headers()).extracting(h -> h.name().toLowerCase()).contains("x-on").doesNotContain("x-off");
  }

  @Test
  void theCallersOwnHeadersAreListedForTheChosenCaller() {
    workbench.openDemo();
    workbench.selectRequest("me as bob");
    var editor = workbench.request();

    assertThat(editor.callerHeaders()).extracting(KeyValueRow::name).containsExactly("Authorization");
    assertThat(editor.callerHeaders().getFirst().value()).isEqualTo("‹Cognito access token of bob›");
    editor.callerProperty().set("acme");
    assertThat(editor.callerHeaders()).extracting(KeyValueRow::name).startsWith("x-api-key");
    editor.callerProperty().set("refresh-job");
    assertThat(editor.callerHeaders()).extracting(KeyValueRow::name).contains("Authorization", "X-Amz-Date");
    editor.callerProperty().set("anonymous");
    assertThat(editor.callerHeaders()).isEmpty();
  }
}
