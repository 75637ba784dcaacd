package dev.portcullis.app.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.Preferences;

/** What the workbench remembers between runs (theme, dividers, recent files); in memory for tests. */
public interface UiPrefs {
  String get(String key, String fallback);

  void put(String key, String value);

  /** The user's preferences store ({@code java.util.prefs}), under {@code dev/portcullis/workbench}. */
  static UiPrefs system() {
    Preferences node = Preferences.userRoot().node("dev/portcullis/workbench");
    return new UiPrefs() {
      public String get(String key, String fallback) {
        return node.get(key, fallback);
      }

      public void put(String key, String value) {
        node.put(key, value);
      }
    };
  }

  static UiPrefs memory() {
    Map<String, String> values = new HashMap<>();
    return new UiPrefs() {
      public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
      }

      public void put(String key, String value) {
        values.put(key, value);
      }
    };
  }
}
