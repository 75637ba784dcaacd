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
    subcommands = {CommandLine.HelpCommand.class, GatewayCommand.class})
public final class PortcullisCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

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
    CommandLine cli = new CommandLine(new PortcullisCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      // Engine faults carry a sentence naming the subject and the fix; the stack trace helps no user.
      commandLine.getErr().println("portcullis: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
      return 2;
    });
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("portcullis: " + ex.getMessage());
      ex.getCommandLine().usage(ex.getCommandLine().getErr());
      return 2;
    });
    return cli.execute(args);
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Portcullis " + Version.current(),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
