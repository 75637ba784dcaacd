package dev.portcullis.app.ui.request;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The query or the headers as a table of rows with an on/off switch each, and the same as text for
 * bulk editing: two views of one value, the text, kept in step both ways.
 */
public final class KeyValueTable {
  private final StringProperty text;
  private final char separator;
  private final String written;
  private final ObservableList<KeyValueRow> rows = FXCollections.observableArrayList();
  private boolean syncing;

  public KeyValueTable(StringProperty text, char separator, String written) {
    this.text = text;
    this.separator = separator;
    this.written = written;
    rows.setAll(KeyValueLines.rows(text.get(), separator));
    text.addListener((obs, old, now) -> {
      if (!syncing) {
        syncing = true;
        try {
          rows.setAll(KeyValueLines.rows(now, separator));
        } finally {
          syncing = false;
        }
      }
    });
  }

  // Properties

  /** The rows as the table shows them; change them through the commands below. */
  public ObservableList<KeyValueRow> rows() {
    return FXCollections.unmodifiableObservableList(rows);
  }

  /** The rows as text, one a line, {@code //} before a row that is off: the bulk editor. */
  public StringProperty textProperty() {
    return text;
  }

  // Commands

  public void set(int index, KeyValueRow row) {
    List<KeyValueRow> now = new ArrayList<>(rows);
    if (index >= 0 && index < now.size()) {
      now.set(index, row);
      write(now);
    }
  }

  /** Switches a row on or off: off rows stay in the editor and are not sent. */
  public void toggle(int index, boolean on) {
    if (index >= 0 && index < rows.size()) {
      set(index, rows.get(index).withEnabled(on));
    }
  }

  public void add(String name, String value) {
    List<KeyValueRow> now = new ArrayList<>(rows);
    now.add(new KeyValueRow(true, name, value));
    write(now);
  }

  public void remove(int index) {
    List<KeyValueRow> now = new ArrayList<>(rows);
    if (index >= 0 && index < now.size()) {
      now.remove(index);
      write(now);
    }
  }

  private void write(List<KeyValueRow> now) {
    syncing = true;
    try {
      rows.setAll(now);
      text.set(KeyValueLines.render(now, written));
    } finally {
      syncing = false;
    }
  }
}
