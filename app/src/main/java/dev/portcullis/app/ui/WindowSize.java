package dev.portcullis.app.ui;

import javafx.geometry.Rectangle2D;

/**
 * The size the workbench's first window opens at: the one the user left it at last time, or
 * 1280×800, made to fit the screen's usable area. A remembered size from a larger monitor, or the
 * default on a 1024×700 screen, would otherwise open the window partly off the screen, where a
 * window manager-less desktop (or a small one) leaves it.
 */
record WindowSize(double width, double height) {
  static final WindowSize DEFAULT = new WindowSize(1280, 800);

  /** Below this the workbench's panes cannot all be read; a smaller screen still gets the whole screen. */
  static final WindowSize SMALLEST = new WindowSize(640, 480);

  /** The size kept in {@code prefs}; a dimension that is missing or not a usable number falls back to the default's. */
  static WindowSize remembered(UiPrefs prefs) {
    return new WindowSize(dimension(prefs.get("width", null), DEFAULT.width), dimension(prefs.get("height", null), DEFAULT.height));
  }

  void remember(UiPrefs prefs) {
    prefs.put("width", String.valueOf(width));
    prefs.put("height", String.valueOf(height));
  }

  /** No larger than {@code usable}, and no smaller than {@link #SMALLEST} unless {@code usable} is. */
  WindowSize fittedTo(Rectangle2D usable) {
    return new WindowSize(fit(width, SMALLEST.width, usable.getWidth()), fit(height, SMALLEST.height, usable.getHeight()));
  }

  /**
   * Where a window of this size (its outer frame, decorations included) at {@code x, y} must move
   * so that as much of it as fits is on {@code usable}, its title bar first: the top-left corner
   * is never above or left of the usable area.
   */
  static Rectangle2D keptOn(Rectangle2D usable, double x, double y, double width, double height) {
    double left = Math.max(usable.getMinX(), Math.min(x, usable.getMaxX() - width));
    double top = Math.max(usable.getMinY(), Math.min(y, usable.getMaxY() - height));
    return new Rectangle2D(left, top, Math.min(width, usable.getWidth()), Math.min(height, usable.getHeight()));
  }

  private static double fit(double wanted, double smallest, double available) {
    return Math.min(Math.max(wanted, smallest), available);
  }

  private static double dimension(String saved, double fallback) {
    if (saved == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(saved);
      return Double.isFinite(value) && value > 0 ? value : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
