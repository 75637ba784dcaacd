package dev.portcullis.app.cli;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.WorkspaceException;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.trust.TrustDecision;
import dev.portcullis.engine.trust.TrustGate;
import dev.portcullis.engine.trust.TrustRequests;
import dev.portcullis.engine.trust.TrustStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --workspace FILE}, the demo when absent, and {@code --trust}. A file not saved by Portcullis
 * on this machine is untrusted: when it asks for programs, local secrets or outside hosts, the
 * command stops with the list before anything runs, unless {@code --trust} says yes.
 */
final class WorkspaceOption {
  @Option(names = {"-w", "--workspace"}, paramLabel = "FILE", description = "Workspace file (default: the embedded payments demo).")
  Path file;

  @Option(names = "--trust", description = "Trust the workspace file: let it run the programs, read the secret references and"
      + " reach the hosts it names (listed first). Remembered for this file and content.")
  boolean trust;

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  private TrustGate gate = TrustGate.closed("the workspace");

  /**
   * Reads the workspace to look at it only (advise, export): nothing of it runs and nothing is sent,
   * so no trust is asked; its gate stays closed.
   */
  Workspace read() throws WorkspaceException {
    if (file == null) {
      return DemoWorkspace.load();
    }
    return WorkspaceStore.create(Clock.systemUTC()).load(file);
  }

  /** Reads the workspace for the local gateway and decides its trust; see {@link #load(String)}. */
  Workspace load() throws WorkspaceException {
    return load(null);
  }

  /**
   * Reads the workspace and decides its trust for a session on the local gateway ({@code awsEnvironment}
   * null) or on AWS; throws {@link Untrusted} when it needs trust the command line did not give.
   */
  Workspace load(String awsEnvironment) throws WorkspaceException {
    if (file == null) {
      gate = TrustGate.open(); // ships with Portcullis
      return DemoWorkspace.load();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new WorkspaceException(file, file + ": cannot be read (" + e.getClass().getSimpleName() + ").", e);
    }
    Workspace ws = WorkspaceStore.create(Clock.systemUTC()).parse(file, bytes);
    TrustStore store = TrustStore.standard();
    TrustDecision decision = TrustDecision.forFile(file, bytes, TrustRequests.of(ws, awsEnvironment), store);
    if (!decision.trusted() && trust) {
      PrintWriter err = mixee.commandLine().getErr();
      err.println("portcullis: trusting " + file + (decision.request().isEmpty() ? "; it asks for nothing of yours."
          : "; it may:"));
      decision.request().lines().forEach(l -> err.println("  - " + l));
      err.flush();
      try {
        decision = decision.trust(store);
      } catch (IOException e) {
        throw new IllegalStateException("the trust could not be kept in " + store.file() + " (" + e.getClass().getSimpleName()
            + "); it holds for this run only.", e);
      }
    } else if (decision.needsTrust()) {
      throw new Untrusted(file + " is not trusted on this machine (it was not saved from a trusted session here; an imported or received file"
          + " waits for you), and it would do what is"
          + " listed below; run again with --trust if you know where it came from:"
          + String.join("", decision.request().lines().stream().map(l -> "\n  - " + l).toList()));
    }
    gate = decision.gate();
    return ws;
  }

  /** The gate the loaded workspace runs behind; call after {@link #load()}. */
  TrustGate gate() {
    return gate;
  }

  /** How other processes know this workspace: its real path, or the embedded demo. */
  String key() {
    return dev.portcullis.engine.attach.RunningWorlds.key(file, DemoWorkspace.NAME.toString());
  }

  String name() {
    return file == null ? DemoWorkspace.NAME.toString() : file.toString();
  }

  /** The workspace needs trust the command line did not give: exit 2 with the sentence and the list. */
  static final class Untrusted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Untrusted(String message) {
      super(message);
    }
  }
}
