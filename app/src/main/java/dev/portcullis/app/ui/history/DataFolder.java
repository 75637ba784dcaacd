package dev.portcullis.app.ui.history;

import java.nio.file.Path;

/**
 * Where Portcullis keeps what outlives a session (the send history): {@code -Dportcullis.dataDir}
 * when set (tests point it at a temporary folder), else the platform's usual place for app data.
 */
public final class DataFolder {
  public static final String PROPERTY = "portcullis.dataDir";

  private DataFolder() {}

  public static Path get() {
    String override = System.getProperty(PROPERTY);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String home = System.getProperty("user.home");
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("win")) {
      String appData = System.getenv("APPDATA");
      return Path.of(appData != null ? appData : home, "Portcullis");
    }
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Application Support", "Portcullis");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return xdg != null && !xdg.isBlank() ? Path.of(xdg, "portcullis") : Path.of(home, ".local", "share", "portcullis");
  }
}
