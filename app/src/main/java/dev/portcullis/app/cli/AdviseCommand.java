package dev.portcullis.app.cli;

import dev.portcullis.engine.advisor.Advice;
import dev.portcullis.engine.advisor.Advisor;
import dev.portcullis.engine.advisor.CostAssumptions;
import dev.portcullis.engine.advisor.PriceTable;
import dev.portcullis.engine.advisor.SourceLocation;
import dev.portcullis.engine.advisor.SourceLocator;
import dev.portcullis.engine.advisor.WorkspaceLines;
import dev.portcullis.engine.advisor.report.AdviceReport;
import dev.portcullis.engine.importer.ImportException;
import dev.portcullis.engine.importer.ImportReport;
import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.importer.SourcePlaces;
import dev.portcullis.engine.model.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code portcullis advise}: the five filters per route, the caller fits, the findings and the cost model. */
@Command(name = "advise", mixinStandardHelpOptions = true, description = {
    "Score every route on the five filters (identity source, hot-path cost, coupling, what reaches the integration,",
    "availability on REST vs HTTP), fit each caller, list the findings with their fixes, and price each route's authoriser.",
    "Reads the workspace only: no network, no program runs, so it runs in CI.",
    "Exit 0 when no finding is high or critical, 1 when one is, 2 on usage or configuration errors."})
final class AdviseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption workspace;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, md, json or sarif (default: text).",
      converter = FormatConverter.class)
  AdviceReport.Format format = AdviceReport.Format.TEXT;

  @Option(names = "--from", paramLabel = "DEFINITION", description = {"Advise on an API definition (OpenAPI, SAM, CloudFormation,"
      + " serverless.yml) as 'portcullis import' reads it, writing no workspace: findings point at the definition's lines"
      + " (SARIF: annotations on the template in code scanning). Instead of --workspace."})
  Path from;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of stdout.")
  Path out;

  @Option(names = "--prices", paramLabel = "FILE", description = "A price table to use instead of the built-in one (same JSON shape).")
  Path prices;

  @Option(names = "--inputs", paramLabel = "FILE",
      description = "Traffic assumptions: {\"defaults\": {\"rps\": 50}, \"routes\": {\"payments GET /me\": {\"rps\": 200}}}.")
  Path inputs;

  @Override
  public Integer call() throws Exception {
    if (from != null && workspace.file != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --workspace or --from, not both");
    }
    Workspace ws;
    String artifact;
    SourceLocator lines;
    if (from != null) {
      ImportResult imported = imported(from);
      ws = imported.workspace();
      artifact = artifactUri(from);
      lines = placesOf(imported.places(), from);
    } else {
      ws = workspace.read();
      artifact = workspace.file == null ? "profiles/payments-demo.json" : artifactUri(workspace.file);
      lines = workspace.file == null ? WorkspaceLines.ofDemo() : WorkspaceLines.of(artifact, read(workspace.file));
    }
    PriceTable table = prices == null ? PriceTable.builtIn() : PriceTable.load(prices);
    CostAssumptions assumptions = inputs == null ? CostAssumptions.DEFAULTS : CostAssumptions.load(inputs);
    for (var route : assumptions.perRoute().keySet()) {
      boolean known = ws.gateway(route.gateway()).map(g -> g.routes().stream().anyMatch(r -> r.key().equals(route.routeKey()))).orElse(false);
      if (!known) {
        throw new IllegalArgumentException("Cost inputs " + inputs + ": route '" + route + "' is not in workspace " + ws.name()
            + " (write it as GATEWAY METHOD /path, e.g. 'payments GET /me').");
      }
    }
    Advice advice = Advisor.create(table, lines).advise(ws, assumptions);
    String text = AdviceReport.render(format, advice, artifact);
    if (out == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(out, text, StandardCharsets.UTF_8);
      spec.commandLine().getErr().println("portcullis: " + ws.name() + ": " + advice.summary() + "; the "
          + format.name().toLowerCase(Locale.ROOT) + " report is in " + out);
    }
    return advice.failsBuild() ? 1 : 0;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return new byte[0]; // the workspace was just loaded from it; without lines, findings name the file alone
    }
  }

  /** How SARIF names a file: relative to the working directory (the repository root in CI) when inside it. */
  private static String artifactUri(Path path) {
    Path here = Path.of("").toAbsolutePath().normalize();
    Path file = path.toAbsolutePath().normalize();
    return file.startsWith(here) ? here.relativize(file).toString().replace('\\', '/') : file.toUri().toString();
  }

  /**
   * The definition imported in memory, as 'portcullis import' would write it; what the import could not
   * read or left out is said on stderr, as the advisor then judges the workspace the import made of it.
   */
  private ImportResult imported(Path definition) {
    ImportResult result;
    try {
      result = Importer.create().importFile(definition);
    } catch (ImportException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!result.importedAnything()) {
      throw new IllegalArgumentException(definition + ": nothing importable, so nothing to advise on ("
          + result.report().leftOut().stream().map(i -> i.subject() + ": " + i.detail()).findFirst().orElse("no API defined") + ").");
    }
    ImportReport report = result.report();
    java.io.PrintWriter err = spec.commandLine().getErr();
    err.println("portcullis: advising on " + definition + " as imported (" + report.kind() + "): "
        + result.workspace().gateways().size() + " gateway(s), "
        + result.workspace().gateways().stream().mapToInt(g -> g.routes().size()).sum() + " route(s)"
        + (report.unreadable().isEmpty() ? "" : "; " + report.unreadable().size()
            + " route(s) whose protection could not be read are judged as the import left them, behind a deny-all stand-in")
        + (report.leftOut().isEmpty() ? "" : "; " + report.leftOut().size() + " item(s) left out ('portcullis import "
            + definition + "' lists them)"));
    err.flush();
    return result;
  }

  /** Routes and authorisers at the definition's lines; the rest (a gateway as a whole) at the definition itself. */
  private static SourceLocator placesOf(SourcePlaces places, Path definition) {
    Path folder = definition.toAbsolutePath().normalize().getParent();
    return subject -> {
      Optional<ImportReport.Location> at = Optional.empty();
      if (subject.gateway() != null && subject.routeKey() != null) {
        at = places.route(subject.gateway(), subject.routeKey());
      } else if (subject.gateway() != null && subject.authorizer() != null) {
        at = places.authorizer(subject.gateway(), subject.authorizer());
      }
      return at.map(l -> new SourceLocation(artifactUri(folder.resolve(l.file())), l.line(), 0));
    };
  }

  /** Case-insensitive format names with a sentence listing them when wrong. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<AdviceReport.Format> {
    @Override
    public AdviceReport.Format convert(String value) {
      try {
        return AdviceReport.Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; use text, md, json or sarif");
      }
    }
  }
}
