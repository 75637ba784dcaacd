package dev.portcullis.app.cli;

import dev.portcullis.engine.exchange.postman.PostmanCollections;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceExporter;
import dev.portcullis.engine.store.WorkspaceStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code portcullis export}: the shareable copy of a workspace, as a workspace file or a Postman collection. */
@Command(name = "export", mixinStandardHelpOptions = true, description = {
    "Write a copy of the workspace to share: references (env:, keychain: ...) only, never a secret.",
    "  portcullis export -w payments.json --out shared.json",
    "  portcullis export --format postman --out payments.postman_collection.json",
    "A Postman collection carries every secret as an empty {{CALLER.FIELD}} variable. Exit 2 when a field holds a literal secret."})
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption workspace;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here (default: stdout).")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", description = "workspace or postman (default: workspace).")
  String format = "workspace";

  @Override
  public Integer call() throws Exception {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("workspace") && !f.equals("postman")) {
      throw new ParameterException(spec.commandLine(), "'" + format + "' is not an export format; use --format workspace or postman");
    }
    Workspace ws = workspace.read();
    PrintWriter err = spec.commandLine().getErr();
    var literal = WorkspaceExporter.literalSecrets(ws);
    if (!literal.isEmpty()) {
      err.println("portcullis: export refused: " + literal.size() + " field(s) hold a literal secret; replace each with a reference"
          + " (env:NAME, file:PATH, keychain:NAME, prompt) and export again: " + String.join("; ", literal));
      return 2;
    }
    String text;
    if (f.equals("postman")) {
      PostmanCollections.Exported exported = PostmanCollections.write(ws);
      exported.report().forEach(line -> err.println("portcullis: note: " + line));
      text = exported.json();
    } else {
      // Through the exporter, so its checks are the one place that decides what may be shared.
      Path temp = Files.createTempFile("portcullis-export-", ".json");
      try {
        new WorkspaceExporter(WorkspaceStore.create(Clock.systemUTC())).export(ws, temp);
        text = Files.readString(temp, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(temp);
      }
    }
    if (out == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(out, text, StandardCharsets.UTF_8);
      err.println("portcullis: " + ws.requests().size() + " requests and " + ws.callers().size() + " callers of " + workspace.name()
          + " exported as " + f + " to " + out);
    }
    err.flush();
    return 0;
  }
}
