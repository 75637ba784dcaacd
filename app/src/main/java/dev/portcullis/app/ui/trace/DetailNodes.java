package dev.portcullis.app.ui.trace;

import dev.portcullis.app.ui.CodeBlock;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.export.JsonOutline;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Renders each kind of detail as what it is: a table as a grid, code monospaced, JSON highlighted. */
final class DetailNodes {
  private final TraceViewModel model;

  DetailNodes(TraceViewModel model) {
    this.model = model;
  }

  Node of(Detail detail) {
    Node body = switch (detail) {
      case Detail.Text t -> wrapped(model.shown(t.text()));
      case Detail.Json j -> CodeBlock.readOnly(model.shown(dev.portcullis.engine.trace.export.JsonOutline.pretty(j.json())), true, 320);
      case Detail.Table t -> table(t.rows());
      case Detail.Code c -> CodeBlock.readOnly(model.shown(c.text()), false, 260);
    };
    return section(detail.label(), body);
  }

  /** A small heading over its content. */
  static VBox section(String heading, Node content) {
    Label label = new Label(heading);
    label.getStyleClass().add("detail-heading");
    VBox box = new VBox(4, label, content);
    box.getStyleClass().add("detail");
    return box;
  }

  private static final java.util.regex.Pattern LONG_WORD = java.util.regex.Pattern.compile("\\S{24,}");

  /**
   * {@code text} with a hair space (U+200A, which JavaFX wraps at, unlike a zero-width space) after each
   * {@code :}, {@code /}, {@code =} and {@code ,} of a long word, so an ARN or a URL wraps at its
   * separators instead of in the middle of an account id.
   */
  static String breakable(String text) {
    if (text == null) {
      return null;
    }
    return LONG_WORD.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
        m.group().replace(":", ":\u200A").replace("/", "/\u200A").replace("=", "=\u200A").replace(",", ",\u200A")));
  }

  static Label wrapped(String text) {
    Label label = new Label(breakable(text));
    label.setWrapText(true);
    label.setMinHeight(Label.USE_PREF_SIZE);
    return label;
  }

  /** Key, value, note rows; secret-named keys show masked values unless revealed. */
  GridPane table(List<Detail.Row> rows) {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("detail-table");
    grid.setMinWidth(0);
    grid.setHgap(12);
    grid.setVgap(6);
    // the key keeps its whole width (a claim name is never split); value and note share the rest and wrap
    ColumnConstraints key = new ColumnConstraints();
    key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    key.setHgrow(Priority.NEVER);
    ColumnConstraints value = new ColumnConstraints();
    value.setHgrow(Priority.ALWAYS);
    value.setPercentWidth(-1);
    ColumnConstraints note = new ColumnConstraints();
    note.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().setAll(key, value, note);
    int r = 0;
    for (Detail.Row row : rows) {
      Label k = new Label(row.key());
      k.setMinWidth(Label.USE_PREF_SIZE);
      k.getStyleClass().add("detail-key");
      Label v = wrapped(model.shown(row.key(), TraceViewModel.asTime(row.key(), row.value())));
      v.setMinWidth(0);
      v.setPrefWidth(1); // share the free width with the note instead of asking for the value's full length
      v.getStyleClass().add("mono");
      Label n = wrapped(dev.portcullis.engine.trace.Headline.plain(row.note()));
      n.setMinWidth(0);
      n.setPrefWidth(1);
      n.getStyleClass().add("text-muted");
      grid.addRow(r++, k, v, n);
    }
    return grid;
  }

  /** JSON as an expandable tree (the propagated context); the first two levels open. */
  static TreeView<String> tree(JsonOutline.Node root) {
    TreeView<String> view = new TreeView<>(item(root, 0));
    view.setId("contextTree");
    view.setPrefHeight(280);
    view.getStyleClass().add("context-tree");
    return view;
  }

  private static TreeItem<String> item(JsonOutline.Node node, int depth) {
    TreeItem<String> item = new TreeItem<>(node.leaf() ? node.key() + ": " + node.value() : node.key() + " " + node.value());
    node.children().forEach(c -> item.getChildren().add(item(c, depth + 1)));
    item.setExpanded(depth < 2);
    return item;
  }
}
