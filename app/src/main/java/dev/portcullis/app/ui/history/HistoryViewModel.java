package dev.portcullis.app.ui.history;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.LogModel;
import dev.portcullis.engine.store.SendHistory;
import dev.portcullis.engine.trace.Headline;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.export.TraceExport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every send of this session (reopenable with its whole trace) and the last {@link SendHistory#KEEP}
 * of earlier sessions (masked, from the data folder), filtered by route, caller and outcome.
 */
public final class HistoryViewModel {
  /** One send as the list shows it; {@code trace} is in memory for this session's sends, else read from the file. */
  public record Row(Instant at, String request, String line, String caller, String outcome, int status, String headline,
      Trace trace, String traceJson) {}

  public static final String ANY = "any";
  public static final List<String> OUTCOMES = List.of(ANY, "allowed", "denied", "no answer");

  private final BackgroundTasks tasks;
  private final LogModel log;
  private final Supplier<Masking> masking;
  private final Consumer<Trace> reopen;
  private final SendHistory store;
  private final List<Row> all = new ArrayList<>();

  // Properties
  private final ObservableList<Row> shown = FXCollections.observableArrayList();
  private final StringProperty route = new SimpleStringProperty("");
  private final StringProperty caller = new SimpleStringProperty(ANY);
  private final StringProperty outcome = new SimpleStringProperty(ANY);
  private final ObservableList<String> callers = FXCollections.observableArrayList(ANY);

  public HistoryViewModel(BackgroundTasks tasks, LogModel log, Supplier<Masking> masking, Path file, Consumer<Trace> reopen) {
    this.tasks = tasks;
    this.log = log;
    this.masking = masking;
    this.reopen = reopen;
    this.store = SendHistory.at(file);
    route.addListener((o, a, b) -> filter());
    caller.addListener((o, a, b) -> filter());
    outcome.addListener((o, a, b) -> filter());
    tasks.run(store::entries, entries -> {
      entries.forEach(e -> all.add(new Row(e.at(), e.request(), e.method() + " " + e.url(), e.caller(), e.outcome(), e.status(),
          e.headline(), null, e.traceJson())));
      filter();
    }, e -> log.error("The send history could not be read", e));
  }

  public ObservableList<Row> rows() { return shown; }
  /** Text the request line (method and URL) or the request's name must contain. */
  public StringProperty routeProperty() { return route; }
  public StringProperty callerProperty() { return caller; }
  public StringProperty outcomeProperty() { return outcome; }
  public ObservableList<String> callers() { return callers; }

  // Commands

  /** Keeps a finished send: first in the list, and (masked) in the data folder. */
  public void record(Trace trace) {
    Masking m = masking.get() == null ? Masking.create() : masking.get();
    Headline h = Headline.of(trace);
    String outcomeWord = h.tone() == Headline.Tone.ALLOWED ? "allowed" : h.tone() == Headline.Tone.DENIED ? "denied" : "no answer";
    String url = m.scrubText(trace.request().url());
    String headline = m.scrubText(h.answer());
    String json = TraceExport.create(m).toJson(trace);
    Row row = new Row(trace.startedAt(), trace.request().name(), trace.request().method() + " " + url, trace.request().caller(),
        outcomeWord, h.status(), headline, trace, json);
    all.addFirst(row);
    filter();
    SendHistory.Entry entry = new SendHistory.Entry(trace.startedAt(), trace.request().name(), trace.request().method(), url,
        trace.request().caller(), h.status(), outcomeWord, h.decidedBy(), headline, json);
    tasks.run(() -> store.add(entry), kept -> { }, e -> log.error("The send was not added to the history file", e));
  }

  /** Shows the send's trace again (an earlier session's is the masked copy from the file). */
  public void reopen(Row row) {
    if (row == null) {
      return;
    }
    try {
      reopen.accept(row.trace() != null ? row.trace() : TraceExport.create(Masking.create()).fromJson(row.traceJson()));
      log.status("Reopened the trace of " + row.request() + " (" + row.outcome() + ", " + row.at() + ").");
    } catch (IllegalArgumentException e) {
      log.error("That send's trace cannot be reopened", e);
    }
  }

  private void filter() {
    String text = route.get() == null ? "" : route.get().strip().toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>(List.of(ANY));
    all.stream().map(Row::caller).distinct().sorted().forEach(names::add);
    if (!callers.equals(names)) {
      callers.setAll(names);
    }
    shown.setAll(all.stream()
        .filter(r -> text.isEmpty() || r.line().toLowerCase(Locale.ROOT).contains(text) || r.request().toLowerCase(Locale.ROOT).contains(text))
        .filter(r -> ANY.equals(caller.get()) || r.caller().equals(caller.get()))
        .filter(r -> ANY.equals(outcome.get()) || r.outcome().equals(outcome.get()))
        .toList());
  }
}
