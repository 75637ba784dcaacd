package dev.portcullis.app.cli;

import dev.portcullis.app.cli.report.MatrixFormat;
import dev.portcullis.app.cli.report.MatrixReport;
import dev.portcullis.engine.matrix.Matrix;
import dev.portcullis.engine.matrix.MatrixRunner;
import dev.portcullis.engine.matrix.MatrixSpec;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.trace.export.TraceExport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code portcullis matrix}: every caller against every route, judged against what was expected. */
@Command(name = "matrix", mixinStandardHelpOptions = true, description = {
    "Run every (caller, route) pair through the gateway and compare each ruling with what was expected:",
    "the saved request's expectation where one exists, else derived from the route's authorisation and the caller.",
    "Unexpected allows are listed first. A cell whose expectation could only come from a failed prediction (the issuer's keys",
    "unreachable, an authoriser that could not be invoked) is UNKNOWN, never 'as expected'.",
    "Exit 0 when every cell is as expected, 1 when any is not (or is unknown), 2 on usage errors or an empty workspace."})
final class MatrixCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption workspace;
  @Mixin AttachOption attach;

  @Option(names = "--callers", split = ",", paramLabel = "NAME", description = "Only these callers (comma-separated; default all).")
  List<String> callers = List.of();

  @Option(names = "--routes", paramLabel = "GLOB", description = "Only routes matching, e.g. '/internal/*' or 'payments GET *'.")
  String routes;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table, md, html, junit or json (default: table).",
      converter = FormatConverter.class)
  MatrixFormat format = MatrixFormat.TABLE;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of stdout.")
  Path out;

  @Option(names = "--parallel", paramLabel = "N", description = "Callers run at once (default: 4).")
  int parallel = 4;

  @Option(names = "--aws", paramLabel = "ENV", description = "Call the gateways on AWS with this environment, not the local gateway.")
  String aws;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Workspace ws = workspace.load(aws);
    MatrixSpec matrixSpec = new MatrixSpec(callers, routes, parallel);
    try (Sessions.Opened opened = Sessions.open(ws, workspace.gate(), workspace.key(), attach.noAttach, aws, PortcullisCommand.verbose(spec), err)) {
      Session session = opened.session();
      if (opened.where() == Sessions.Where.ATTACHED) {
        err.println("portcullis: the running world keeps its authoriser caches, buckets and quotas from earlier requests, so a cell"
            + " may be decided by lambda.cache or a spent quota; --no-attach runs the matrix on a fresh world");
      }
      if (opened.where() == Sessions.Where.AWS) {
        // cells run in parallel and ask nobody: a role's MFA code is asked here, once, and its credentials then serve every cell
        ws.callers().stream().filter(c -> c instanceof dev.portcullis.engine.model.Caller.Iam)
            .filter(c -> callers.isEmpty() || callers.contains(c.name()))
            .forEach(c -> session.credential(c.name(), TerminalQuestions.system()));
      }
      MatrixRunner runner = MatrixRunner.create(session);
      Progress progress = new Progress(err, Terminal.interactive());
      Matrix matrix = runner.run(matrixSpec, progress, () -> Thread.currentThread().isInterrupted());
      progress.finish();
      MatrixReport report = new MatrixReport(ws.name(), matrix, runner.excluded(matrixSpec), TraceExport.create(session.masking()));
      String text = format.render(report, out == null && format == MatrixFormat.TABLE && Terminal.colour(System.getenv()));
      if (out == null) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      } else {
        Files.writeString(out, text, StandardCharsets.UTF_8);
        err.println("portcullis: " + report.summary() + "; the " + format.name().toLowerCase(java.util.Locale.ROOT) + " report is in " + out);
      }
      return matrix.passed() ? 0 : 1;
    }
  }

  /** Case-insensitive format names with a sentence listing them when wrong. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<MatrixFormat> {
    @Override
    public MatrixFormat convert(String value) {
      try {
        return MatrixFormat.valueOf(value.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; use table, md, html, junit or json");
      }
    }
  }
}
