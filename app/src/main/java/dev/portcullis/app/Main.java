package dev.portcullis.app;

import dev.portcullis.app.cli.PortcullisCommand;
import dev.portcullis.app.ui.WorkbenchApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One entry point: no arguments opens the workbench, arguments run the CLI. Neither path shows a
 * stack trace to a user. One exception: a single existing {@code .pcws} file opens the workbench on
 * it, which is how the installed desktop entry hands over a double-clicked workspace.
 */
public final class Main {
  private Main() {}

  /** The extension of workspace files the installer associates with Portcullis (installer/README). */
  static final String WORKSPACE_EXTENSION = ".pcws";

  /** How the user started us, for messages: the installed command (jpackage's launcher sets the property) or the checkout's script. */
  static final String COMMAND = System.getProperty("jpackage.app-path") != null ? "portcullis" : "./portcullis";

  public static void main(String[] args) {
    Path workspace = args.length == 1 ? openedWorkspace(args[0]) : null;
    if (args.length > 0 && workspace == null) {
      System.exit(PortcullisCommand.run(args));
    }
    System.exit(openWorkbench(System.getenv(), workspace));
  }

  /** The file the desktop asked us to open, or null when the argument is not an existing workspace file. */
  static Path openedWorkspace(String arg) {
    if (!arg.toLowerCase(Locale.ROOT).endsWith(WORKSPACE_EXTENSION)) {
      return null;
    }
    Path file = Path.of(arg);
    return Files.isRegularFile(file) ? file : null;
  }

  static int openWorkbench(Map<String, String> env, Path workspace) {
    String missing = missingDisplay(env, System.getProperty("os.name", ""), System.getProperty("glass.platform"));
    if (missing != null) {
      System.err.println(missing);
      return 3;
    }
    try {
      if (workspace == null) {
        WorkbenchApp.launchAndWait();
      } else {
        WorkbenchApp.launchAndWait(workspace);
      }
      return 0;
    } catch (RuntimeException | Error e) {
      String why = firstLine(e);
      System.err.println("Portcullis: the workbench could not open its window (" + why + ").");
      if (why.contains("GTK")) {
        System.err.println("JavaFX needs GTK 3 on Linux: install it (Debian/Ubuntu: apt-get install libgtk-3-0).");
      }
      System.err.println("Headless commands still work: " + COMMAND + " --help");
      return 3;
    }
  }

  /** Why no window can open here, as a sentence with what to do instead; null when a display is likely. */
  static String missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
    boolean unixDesktop = !osName.toLowerCase(Locale.ROOT).contains("win") && !osName.toLowerCase(Locale.ROOT).contains("mac");
    boolean hasDisplay = notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
    if (!unixDesktop || hasDisplay || "Monocle".equals(glassPlatform)) {
      return null;
    }
    return """
        Portcullis: no display found (DISPLAY and WAYLAND_DISPLAY are not set), so the workbench cannot open.
          Headless commands:  ./portcullis --help      (the CLI: usage and commands)
                              ./portcullis --version
          On a server, run the workbench in a virtual display:  xvfb-run ./portcullis""".replace("./portcullis", COMMAND);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return msg.lines().findFirst().orElse(msg);
  }
}
