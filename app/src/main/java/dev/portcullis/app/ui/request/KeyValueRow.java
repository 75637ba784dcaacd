package dev.portcullis.app.ui.request;

import java.util.Objects;

/**
 * One row of the query or headers table: switched off, it stays in the editor but is not sent.
 *
 * @param enabled false for a row kept but not sent (written {@code // name: value} in bulk edit)
 */
public record KeyValueRow(boolean enabled, String name, String value) {
  public KeyValueRow {
    name = Objects.requireNonNullElse(name, "");
    value = Objects.requireNonNullElse(value, "");
  }

  public KeyValueRow withEnabled(boolean on) {
    return new KeyValueRow(on, name, value);
  }

  public KeyValueRow withName(String newName) {
    return new KeyValueRow(enabled, newName, value);
  }

  public KeyValueRow withValue(String newValue) {
    return new KeyValueRow(enabled, name, newValue);
  }
}
