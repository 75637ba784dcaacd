package dev.portcullis.engine.trace;

import java.util.List;
import java.util.Objects;

/**
 * One typed piece of a step's details, so a view can render each kind properly (a table as a
 * table, a canonical request in a monospaced block) and an export can pick the right Markdown.
 */
public sealed interface Detail {
  /** What the detail shows, e.g. "Claims" or "Canonical request". */
  String label();

  /** Free text, one or more sentences. */
  record Text(String label, String text) implements Detail {
    public Text {
      Objects.requireNonNull(label, "detail label");
      text = text == null ? "" : text;
    }
  }

  /** A JSON document (a response body, a server-side ruling, the integration's event as a tree). */
  record Json(String label, String json) implements Detail {
    public Json {
      Objects.requireNonNull(label, "detail label");
      json = json == null ? "" : json;
    }
  }

  /** Key/value rows with an optional note each (a claim and its meaning, a header and its value). */
  record Table(String label, List<Row> rows) implements Detail {
    public Table {
      Objects.requireNonNull(label, "detail label");
      rows = rows == null ? List.of() : List.copyOf(rows);
    }
  }

  /** One table row; {@code note} may be empty. */
  record Row(String key, String value, String note) {
    public Row {
      Objects.requireNonNull(key, "row key");
      value = value == null ? "" : value;
      note = note == null ? "" : note;
    }

    public static Row of(String key, String value) {
      return new Row(key, value, "");
    }
  }

  /**
   * Verbatim text that must keep its exact layout: a SigV4 canonical request or string-to-sign, a
   * raw HTTP message.
   *
   * @param language a code-fence hint such as {@code http} or {@code text}
   */
  record Code(String label, String language, String text) implements Detail {
    public Code {
      Objects.requireNonNull(label, "detail label");
      language = language == null || language.isBlank() ? "text" : language;
      text = text == null ? "" : text;
    }
  }
}
