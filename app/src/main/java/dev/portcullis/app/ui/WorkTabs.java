package dev.portcullis.app.ui;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The work tabs' headers, fitted to the room the tree and the trace leave: every name while they
 * fit, else every tab its icon and the selected one its icon and name, so no tab hides in the
 * overflow menu (at 1024 px with the trace shown, the nine names need about 590 px of 480). The
 * name is always the tab's tooltip.
 */
final class WorkTabs {
  private final TabPane tabs;
  /** The headers' width with every name shown, measured while they were; 0 until the tabs are laid out. */
  private double namesWidth;
  private boolean iconsOnly;

  private WorkTabs(TabPane tabs) {
    this.tabs = tabs;
  }

  /** Keeps {@code tabs}' headers fitted as the window, the dividers or the selected tab change. */
  static void fit(TabPane tabs) {
    WorkTabs fitting = new WorkTabs(tabs);
    tabs.skinProperty().addListener((obs, old, skin) -> {
      Region area = child(tabs, "tab-header-area");
      if (area != null) {
        area.widthProperty().addListener((o, was, now) -> fitting.fit());
      }
    });
    tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> fitting.fit());
  }

  /** A tab named {@code title} with {@code icon} (an Ikonli code), its view built the first time it is shown: the window opens sooner. */
  static Tab tab(String id, String title, String icon, Supplier<Node> content) {
    Tab tab = new Tab();
    tab.setId(id);
    Label name = new Label(title, new FontIcon(icon));
    name.setContentDisplay(ContentDisplay.TEXT_ONLY);
    tab.setGraphic(name);
    tab.setTooltip(new Tooltip(title));
    if (tab.isSelected()) {
      tab.setContent(content.get());
    }
    tab.selectedProperty().addListener((obs, was, selected) -> {
      if (selected && tab.getContent() == null) {
        tab.setContent(content.get());
      }
    });
    return tab;
  }

  private void fit() {
    Region area = child(tabs, "tab-header-area");
    Region headers = area == null ? null : child(area, "headers-region");
    if (headers == null || area.getWidth() <= 0) {
      return;
    }
    if (!iconsOnly) {
      namesWidth = headers.prefWidth(-1);
    }
    iconsOnly = namesWidth > area.getWidth() - area.snappedLeftInset() - area.snappedRightInset();
    // the selection model's item, not Tab.isSelected: the selected item changes first, and this runs then
    Tab selected = tabs.getSelectionModel().getSelectedItem();
    for (Tab tab : tabs.getTabs()) {
      if (tab.getGraphic() instanceof Label name) {
        name.setContentDisplay(!iconsOnly ? ContentDisplay.TEXT_ONLY : tab == selected ? ContentDisplay.LEFT : ContentDisplay.GRAPHIC_ONLY);
      }
    }
  }

  /** The skin's child with this style class: the header area of the tab pane itself, not of a tab pane inside a tab. */
  private static Region child(javafx.scene.Parent parent, String styleClass) {
    return parent.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains(styleClass) && n instanceof Region)
        .map(Region.class::cast).findFirst().orElse(null);
  }
}
