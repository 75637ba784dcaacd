package dev.portcullis.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** What an empty area says: an icon, what is missing, and what to do about it. */
public final class EmptyState {
  private EmptyState() {}

  public static Node of(String icon, String heading, String hint) {
    FontIcon glyph = new FontIcon(icon);
    glyph.getStyleClass().add("empty-state-icon");
    Label title = new Label(heading);
    title.getStyleClass().add("title-3");
    title.setWrapText(true);
    Label text = new Label(hint);
    text.setWrapText(true);
    text.getStyleClass().add("text-muted");
    text.setMinHeight(Label.USE_PREF_SIZE);
    VBox box = new VBox(12, glyph, title, text);
    box.getStyleClass().add("empty-state");
    box.setAlignment(Pos.CENTER);
    box.setMaxWidth(420);
    box.setPadding(new Insets(24));
    StackPane pane = new StackPane(box);
    pane.getStyleClass().add("empty-state-pane");
    return pane;
  }
}
