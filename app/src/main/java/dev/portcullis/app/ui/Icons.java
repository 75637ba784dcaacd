package dev.portcullis.app.ui;

import dev.portcullis.engine.trace.Outcome;
import java.util.Locale;
import org.kordamp.ikonli.javafx.FontIcon;

/** The icons that carry meaning (outcomes), in one place so every view uses the same. */
public final class Icons {
  private Icons() {}

  public static FontIcon outcome(Outcome outcome) {
    FontIcon icon = new FontIcon(switch (outcome) {
      case OK -> "mdi2c-check-circle";
      case WARN -> "mdi2a-alert";
      case FAIL -> "mdi2c-close-circle";
      case SKIPPED -> "mdi2m-minus-circle-outline";
    });
    icon.setIconSize(16);
    icon.getStyleClass().add("outcome-" + outcome.name().toLowerCase(Locale.ROOT));
    return icon;
  }

  public static FontIcon of(String literal) {
    FontIcon icon = new FontIcon(literal);
    icon.setIconSize(16);
    return icon;
  }
}
