package dev.portcullis.app.ui.matrix;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.LogModel;
import dev.portcullis.app.ui.SessionModel;
import dev.portcullis.engine.matrix.CellResult;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixCell;
import dev.portcullis.engine.matrix.MatrixRunner;
import dev.portcullis.engine.matrix.MatrixSpec;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The routes × callers matrix: runs in the background with progress and cancel, fills in as cells
 * finish, filters by route text or to unexpected cells, sorts by route or severity, and opens a
 * cell's trace.
 */
public final class MatrixViewModel {
  /** How rows are ordered. */
  public enum Sort { ROUTE, SEVERITY }

  /**
   * Why the grid shows no row: no matrix has run; every row is hidden by "Only unexpected" because
   * nothing is unexpected; no route matches the filter text. NONE while rows are shown.
   */
  public enum Empty { NONE, NO_MATRIX, NOTHING_UNEXPECTED, NO_ROUTE_MATCHES }

  /** One route's row: its cells by caller (absent until run). */
  public record Row(String route, Map<String, MatrixCell> cells) {
    /** The most severe result in the row; MATCH when all match or none ran. */
    public CellResult worst() {
      return cells.values().stream().map(MatrixCell::result).min(Comparator.naturalOrder()).orElse(CellResult.MATCH);
    }

    boolean unexpected() {
      return cells.values().stream().anyMatch(c -> c.result().failed());
    }
  }

  private final BackgroundTasks tasks;
  private final SessionModel sessions;
  private final LogModel log;
  private final Consumer<Trace> openTrace;
  private final ConcurrentLinkedQueue<MatrixCell> arrived = new ConcurrentLinkedQueue<>();
  private AtomicBoolean cancelled = new AtomicBoolean();

  // Properties
  private final ObservableList<String> callers = FXCollections.observableArrayList();
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final FilteredList<Row> filtered = new FilteredList<>(rows);
  private final SortedList<Row> shown = new SortedList<>(filtered);
  private final StringProperty filter = new SimpleStringProperty("");
  private final BooleanProperty onlyUnexpected = new SimpleBooleanProperty();
  private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(Sort.ROUTE);
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final DoubleProperty progress = new SimpleDoubleProperty();
  private final StringProperty summary = new SimpleStringProperty("Run the matrix to send every route as every caller.");
  private final ObjectProperty<Empty> empty = new SimpleObjectProperty<>(Empty.NO_MATRIX);

  public MatrixViewModel(BackgroundTasks tasks, SessionModel sessions, LogModel log, Consumer<Trace> openTrace) {
    this.tasks = tasks;
    this.sessions = sessions;
    this.log = log;
    this.openTrace = openTrace;
    filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> this::visible, filter, onlyUnexpected));
    shown.comparatorProperty().bind(Bindings.createObjectBinding(() -> sort.get() == Sort.SEVERITY
        ? Comparator.comparing(Row::worst).thenComparing(r -> rows.indexOf(r)) : Comparator.comparingInt(rows::indexOf), sort));
    empty.bind(Bindings.createObjectBinding(this::emptyReason, rows, filtered, filter, onlyUnexpected));
  }

  public ObservableList<String> callers() { return callers; }
  public SortedList<Row> rows() { return shown; }
  public StringProperty filterProperty() { return filter; }
  public BooleanProperty onlyUnexpectedProperty() { return onlyUnexpected; }
  public ObjectProperty<Sort> sortProperty() { return sort; }
  public ReadOnlyBooleanProperty runningProperty() { return running; }
  public ReadOnlyDoubleProperty progressProperty() { return progress; }
  public ReadOnlyStringProperty summaryProperty() { return summary; }
  public ObjectProperty<Empty> emptyProperty() { return empty; }

  // Commands

  /** Sends every route as every caller of the running session, four callers at a time. */
  public void run() {
    Session session = sessions.current();
    if (session == null || running.get()) {
      log.status(session == null ? "Start the local gateway first: the matrix sends real requests." : "The matrix is already running.");
      return;
    }
    AtomicBoolean stop = new AtomicBoolean();
    cancelled = stop;
    running.set(true);
    progress.set(0);
    rows.clear();
    callers.setAll(session.workspace().callers().stream().map(c -> c.name()).toList());
    summary.set("Running…");
    tasks.run(() -> MatrixRunner.create(session).run(MatrixSpec.all(), (done, total, cell) -> {
      arrived.add(cell);
      tasks.onUi(() -> drain(done, total));
    }, stop::get), matrix -> {
      running.set(false);
      show(matrix, stop.get());
    }, e -> {
      running.set(false);
      log.error("The matrix could not run", e);
    });
  }

  /** Stops starting new cells; the ones already sent finish and stay in the grid. */
  public void cancel() {
    cancelled.set(true);
    summary.set("Cancelling: the cells already sent finish…");
  }

  /** Shows a finished matrix (a run's result, or one loaded for review). */
  public void show(Matrix matrix, boolean wasCancelled) {
    arrived.clear();
    callers.setAll(matrix.callers());
    Map<String, Map<String, MatrixCell>> byRow = new LinkedHashMap<>();
    matrix.rows().forEach(r -> byRow.put(r, new LinkedHashMap<>()));
    matrix.cells().forEach(c -> byRow.computeIfAbsent(c.row(), r -> new LinkedHashMap<>()).put(c.caller(), c));
    List<Row> all = new ArrayList<>();
    byRow.forEach((route, cells) -> all.add(new Row(route, cells)));
    rows.setAll(all);
    progress.set(1);
    summary.set(summarise(matrix, wasCancelled));
    log.status(summary.get());
  }

  /** Opens the cell's trace in the trace pane. */
  public void open(MatrixCell cell) {
    if (cell != null) {
      openTrace.accept(cell.trace());
      log.status(cell.row() + " as " + cell.caller() + ": " + cell.trace().verdict().sentence());
    }
  }

  /** Cells reach the grid as they finish; one FX update takes every cell queued so far. */
  private void drain(int done, int total) {
    for (MatrixCell cell = arrived.poll(); cell != null; cell = arrived.poll()) {
      MatrixCell c = cell;
      int at = indexOf(c.row());
      Map<String, MatrixCell> cells = new LinkedHashMap<>(at < 0 ? Map.of() : rows.get(at).cells());
      cells.put(c.caller(), c);
      if (at < 0) {
        rows.add(new Row(c.row(), cells));
      } else {
        rows.set(at, new Row(c.row(), cells));
      }
    }
    progress.set(total == 0 ? 1 : (double) done / total);
    summary.set(done + " of " + total + " cells…");
  }

  private int indexOf(String route) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).route().equals(route)) {
        return i;
      }
    }
    return -1;
  }

  private Empty emptyReason() {
    if (!filtered.isEmpty()) {
      return Empty.NONE;
    }
    if (rows.isEmpty()) {
      return Empty.NO_MATRIX;
    }
    String text = filter.get() == null ? "" : filter.get().strip();
    boolean textHidesAll = !text.isEmpty() && rows.stream().noneMatch(r -> r.route().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)));
    return textHidesAll ? Empty.NO_ROUTE_MATCHES : Empty.NOTHING_UNEXPECTED;
  }

  private boolean visible(Row row) {
    String text = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
    return (text.isEmpty() || row.route().toLowerCase(Locale.ROOT).contains(text)) && (!onlyUnexpected.get() || row.unexpected());
  }

  static String summarise(Matrix matrix, boolean wasCancelled) {
    StringBuilder text = new StringBuilder(matrix.cells().size() + " cells in " + matrix.took().toMillis() + " ms: "
        + matrix.count(CellResult.MATCH) + " as expected");
    for (CellResult r : List.of(CellResult.UNEXPECTED_ALLOW, CellResult.UNEXPECTED_DENY, CellResult.MISMATCH, CellResult.ERROR,
        CellResult.UNKNOWN)) {
      long n = matrix.count(r);
      if (n > 0) {
        text.append(", ").append(n).append(' ').append(r.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    return text.append(wasCancelled ? " (cancelled)." : ".").toString();
  }
}
