package dev.portcullis.app.cli;

import dev.portcullis.engine.Version;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code portcullis}: the CLI root. Commands run the same engine as the workbench, headless. */
@Command(
    name = "portcullis",
    mixinStandardHelpOptions = true,
    versionProvider = PortcullisCommand.VersionProvider.class,
    description = {
      "Debug AWS API Gateway auth: send a request as any caller and see why it was allowed or denied.",
      "With no arguments, ./portcullis opens the workbench on the embedded demo."
    },
    footer = {"", "Exit codes: 0 success, 1 an expectation was not met, 2 usage or configuration error."},
    subcommands = {CommandLine.HelpCommand.class, GatewayCommand.class, MatrixCommand.class, SendCommand.class, TokenCommand.class,
        CurlCommand.class, ImportCommand.class})
public final class PortcullisCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Say more: the local world's log, and the causes behind an error.")
  boolean verbose;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Runs the CLI; usage errors are one sentence and the usage, never a stack trace. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    // The engine logs through slf4j-simple; a CLI user wants the report, not INFO lines, unless asked.
    boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
    System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    CommandLine cli = new CommandLine(new PortcullisCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      // Engine faults carry a sentence naming the subject and the fix; the stack trace helps no user.
      commandLine.getErr().println("portcullis: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
      if (verbose) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
          commandLine.getErr().println("  because: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
      } else {
        commandLine.getErr().println("  (--verbose says more)");
      }
      return 2;
    });
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("portcullis: " + ex.getMessage());
      ex.getCommandLine().usage(ex.getCommandLine().getErr());
      return 2;
    });
    return cli.execute(args);
  }

  /** Whether {@code --verbose} was given anywhere on the command line. */
  static boolean verbose(CommandSpec spec) {
    CommandSpec root = spec;
    while (root.parent() != null) {
      root = root.parent();
    }
    picocli.CommandLine.Model.OptionSpec own = spec.findOption("--verbose");
    boolean here = own != null && Boolean.TRUE.equals(own.getValue());
    return here || (root.userObject() instanceof PortcullisCommand p && p.verbose);
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Portcullis " + Version.current(),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
