package dev.portcullis.app.ui;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The log pane's lines and the status bar's sentence. Errors are logged once, here, where they are
 * handled: the status bar gets one sentence, the log pane the details. Call on the FX thread.
 */
public final class LogModel {
  private static final int KEEP = 2_000;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final ObservableList<String> lines = FXCollections.observableArrayList();
  private final StringProperty status = new SimpleStringProperty("");

  public ObservableList<String> lines() {
    return lines;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  /** A line for the log pane only. */
  public void info(String line) {
    add("  " + line);
  }

  /** A sentence for the status bar, also kept in the log. */
  public void status(String sentence) {
    status.set(sentence);
    add("  " + sentence);
  }

  /** A failure: the sentence in the status bar, the cause chain in the log pane. */
  public void error(String what, Throwable e) {
    String sentence = what + ": " + message(e);
    status.set(sentence);
    add("! " + sentence);
    for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
      add("    caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
  }

  /** The exception's own sentence, or its type when it has none. */
  public static String message(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
  }

  private void add(String line) {
    lines.add(LocalTime.now().format(TIME) + line);
    if (lines.size() > KEEP) {
      lines.remove(0, lines.size() - KEEP);
    }
  }
}
