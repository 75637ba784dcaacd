package dev.portcullis.engine.handler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js and Python found on this machine: {@code node} and {@code python3} on the PATH, or
 * the executables named by {@code -Dportcullis.node} / {@code -Dportcullis.python}. Each is probed
 * once ({@code process.execPath}, {@code sys.executable} and the version), so workers start the real
 * binary, not a version-manager shim, and the trace names the version that ran.
 */
public final class Runtimes {
  private final Map<Family, String> commands;
  private final Map<Family, Lookup> found = new ConcurrentHashMap<>();

  /** The two runtimes a handler function can use. */
  public enum Family {
    NODEJS("Node.js", "node", "bootstrap.js"),
    PYTHON("Python", "python3", "bootstrap.py");

    final String label;
    final String command;
    final String bootstrap;

    Family(String label, String command, String bootstrap) {
      this.label = label;
      this.command = command;
      this.bootstrap = bootstrap;
    }

    public String label() {
      return label;
    }
  }

  /** What the probe found. */
  public sealed interface Lookup {}

  /** A runtime that answered the probe. */
  public record Found(Family family, Path executable, String version) implements Lookup {
    public Found {
      Objects.requireNonNull(family, "family");
      Objects.requireNonNull(executable, "executable");
    }
  }

  /** None, with the sentence the trace shows (which runtime, and how to install it). */
  public record Missing(Family family, String message) implements Lookup {}

  private Runtimes(Map<Family, String> commands) {
    this.commands = Map.copyOf(commands);
  }

  /** {@code node} and {@code python3} from the PATH, unless the system properties name others. */
  public static Runtimes onPath() {
    return new Runtimes(Map.of(Family.NODEJS, System.getProperty("portcullis.node", "node"),
        Family.PYTHON, System.getProperty("portcullis.python", "python3")));
  }

  /** Explicit commands per runtime (tests: a name that does not exist stands for "not installed"). */
  public static Runtimes using(Map<Family, String> commands) {
    return new Runtimes(commands);
  }

  public Lookup find(Family family) {
    return found.computeIfAbsent(family, this::probe);
  }

  private Lookup probe(Family family) {
    String command = commands.getOrDefault(family, family.command);
    List<String> line = family == Family.NODEJS
        ? List.of(command, "-e", "process.stdout.write(process.execPath + '\\n' + process.version + '\\n')")
        : List.of(command, "-c", "import sys; print(sys.executable); print('Python ' + sys.version.split()[0])");
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return missing(family, command, "it did not answer a version probe within 10 s");
      }
      List<String> out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().lines().toList();
      if (process.exitValue() != 0 || out.size() < 2) {
        return missing(family, command, "its version probe failed (exit status " + process.exitValue() + ")");
      }
      String version = out.get(out.size() - 1).strip();
      if (family == Family.PYTHON && !version.startsWith("Python 3")) {
        return missing(family, command, "it is " + version + ", and handlers need Python 3");
      }
      return new Found(family, Path.of(out.get(out.size() - 2).strip()), family == Family.NODEJS ? "Node.js " + version : version);
    } catch (IOException e) {
      return missing(family, command, "there is no '" + command + "' on the PATH of Portcullis");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return missing(family, command, "the version probe was interrupted");
    }
  }

  private static Missing missing(Family family, String command, String why) {
    String install = family == Family.NODEJS
        ? "install Node.js 18 or later (https://nodejs.org/en/download, or `brew install node`, `sudo apt install "
            + "nodejs`, `winget install OpenJS.NodeJS.LTS`), or start Portcullis with -Dportcullis.node=/path/to/node"
        : "install Python 3.9 or later (https://www.python.org/downloads, or `brew install python`, `sudo apt install "
            + "python3`, `winget install Python.Python.3.12`), or start Portcullis with -Dportcullis.python=/path/to/python3";
    return new Missing(family, family.label + " is needed to run this handler and was not found: " + why + "; " + install);
  }
}
