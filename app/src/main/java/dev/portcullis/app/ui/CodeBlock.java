package dev.portcullis.app.ui;

import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.geometry.Pos;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Monospaced text in a virtualised RichTextFX area (so a large body scrolls without laying out every
 * line), JSON and {{variables}} highlighted, with a copy button in its corner.
 */
public final class CodeBlock {
  private static final Pattern JSON = Pattern.compile(
      "(?<key>\"(?:\\\\.|[^\"\\\\])*\"(?=\\s*:))|(?<string>\"(?:\\\\.|[^\"\\\\])*\")|(?<number>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)"
          + "|(?<literal>\\b(?:true|false|null)\\b)|(?<variable>\\{\\{[^}]+}})");
  private static final int LINE_PX = 18;

  private CodeBlock() {}

  /** A read-only block sized to its text, up to {@code maxHeight}. */
  public static StackPane readOnly(String text, boolean json, double maxHeight) {
    CodeArea area = area(text, json);
    area.setEditable(false);
    long lines = text.lines().count();
    VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
    scroll.setPrefHeight(Math.min(maxHeight, Math.max(1, lines) * LINE_PX + 14));
    scroll.setMinHeight(LINE_PX + 14);
    Button copy = copyButton(text);
    StackPane pane = new StackPane(scroll, copy);
    StackPane.setAlignment(copy, Pos.TOP_RIGHT);
    pane.getStyleClass().add("code-block");
    return pane;
  }

  /** An editable area that keeps its highlighting as the person types (the request body). */
  public static CodeArea editable(boolean json) {
    CodeArea area = area("", json);
    area.textProperty().addListener((obs, old, now) -> area.setStyleSpans(0, highlight(now, json)));
    return area;
  }

  /** A small icon button that puts {@code text} on the clipboard. */
  public static Button copyButton(String text) {
    Button copy = new Button(null, new FontIcon("mdi2c-content-copy"));
    copy.getStyleClass().addAll("flat", "small", "copy-button");
    copy.setTooltip(new Tooltip("Copy"));
    copy.setOnAction(e -> {
      ClipboardContent content = new ClipboardContent();
      content.putString(text);
      Clipboard.getSystemClipboard().setContent(content);
    });
    return copy;
  }

  private static CodeArea area(String text, boolean json) {
    CodeArea area = new CodeArea(text);
    area.getStyleClass().add("code-area-block");
    if (!text.isEmpty()) {
      area.setStyleSpans(0, highlight(text, json));
    }
    return area;
  }

  /** Style spans for JSON tokens (or only {{variables}} when not JSON). */
  public static StyleSpans<Collection<String>> highlight(String text, boolean json) {
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    Matcher m = JSON.matcher(text);
    int last = 0;
    while (m.find()) {
      String style = m.group("variable") != null ? "tok-variable" : !json ? null
          : m.group("key") != null ? "tok-key" : m.group("string") != null ? "tok-string"
          : m.group("number") != null ? "tok-number" : "tok-literal";
      if (style == null) {
        continue;
      }
      spans.add(Collections.emptyList(), m.start() - last);
      spans.add(Collections.singleton(style), m.end() - m.start());
      last = m.end();
    }
    spans.add(Collections.emptyList(), text.length() - last);
    return spans.create();
  }
}
