package dev.portcullis.app.cli;

import dev.portcullis.engine.exchange.CurlImport;
import dev.portcullis.engine.exchange.ImportedParts;
import dev.portcullis.engine.exchange.postman.PostmanCollections;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis import}: a Postman collection or a curl command into a workspace. (A stand-in:
 * the importers' own {@code import} dispatch takes these entry points over when merged.)
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = {
    "Add the requests and callers of a Postman Collection v2.1 or of one curl command to a workspace.",
    "  portcullis import payments.postman_collection.json -w payments.json",
    "  portcullis import curl 'curl --aws-sigv4 aws:amz:us-east-1:execute-api --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\" https://...'",
    "Secrets become env: references (the report lists which to set), never values."})
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption workspace;

  @Parameters(arity = "1..2", paramLabel = "FILE | curl COMMAND", description = "A collection file, or 'curl' and a curl command.")
  List<String> source;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the workspace here (default: the -w file).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path target = out != null ? out : workspace.file;
    if (target == null) {
      throw new ParameterException(spec.commandLine(), "the embedded demo cannot be changed; give the workspace to add to with -w FILE,"
          + " or where to write with --out FILE");
    }
    Workspace ws = workspace.load();
    ImportedParts parts;
    if (source.size() == 2) {
      if (!source.get(0).equals("curl")) {
        throw new ParameterException(spec.commandLine(), "give one collection file, or 'curl' and the command in quotes");
      }
      parts = read(() -> CurlImport.read(source.get(1), Path.of(""), () -> System.in, ws));
    } else {
      Path file = Path.of(source.get(0));
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), "no file " + file + "; give a Postman collection file, or import curl 'COMMAND'");
      }
      parts = read(() -> PostmanCollections.read(file, ws));
    }
    Workspace merged = parts.mergedInto(ws);
    WorkspaceStore.create(Clock.systemUTC()).save(merged, target);
    PrintWriter err = spec.commandLine().getErr();
    parts.report().forEach(line -> err.println("portcullis: " + line));
    spec.commandLine().getOut().println("imported " + parts.requests().size() + " request(s), " + parts.callers().size() + " caller(s) and "
        + parts.folders().size() + " folder(s) from " + parts.name() + " into " + target);
    spec.commandLine().getOut().flush();
    err.flush();
    return 0;
  }

  private interface Reading {
    ImportedParts read() throws java.io.IOException;
  }

  private ImportedParts read(Reading reading) throws java.io.IOException {
    try {
      return reading.read();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
