package dev.portcullis.app.cli;

import java.io.Console;
import java.util.Map;

/** Whether stdout/stderr reach a person at a terminal, and whether colour is welcome there. */
final class Terminal {
  private Terminal() {}

  /** True when the JVM has an interactive console (JDK 22+ is asked {@code isTerminal()}, since its console exists even when redirected). */
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only for a terminal
    }
  }

  /** ANSI colour: only at a terminal, and never when {@code NO_COLOR} is set (no-color.org). */
  static boolean colour(Map<String, String> env) {
    return interactive() && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty()) && !"dumb".equals(env.get("TERM"));
  }
}
