package dev.portcullis.app.cli;

import dev.portcullis.engine.exchange.CurlImport;
import dev.portcullis.engine.exchange.ImportedParts;
import dev.portcullis.engine.exchange.postman.PostmanCollections;
import dev.portcullis.engine.importer.ImportException;
import dev.portcullis.engine.importer.ImportResult;
import dev.portcullis.engine.importer.Importer;
import dev.portcullis.engine.importer.Reimport;
import dev.portcullis.engine.importer.live.LiveImporter;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceException;
import dev.portcullis.engine.store.WorkspaceStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code portcullis import}: your own API into a workspace, with a report of what was mapped, left out and unreadable. */
@Command(name = "import", mixinStandardHelpOptions = true, description = {
    "Import an API definition into a workspace: OpenAPI 3 / Swagger 2 (with API Gateway extensions, JSON or YAML),",
    "a SAM or CloudFormation template (CDK synth output too), or a serverless.yml. Routes keep their protection;",
    "one that cannot be read is imported as protected (refused locally), never open. The report lists every item",
    "mapped or left out and every {{variable}} introduced. Exit 0 imported, 1 imported with items left out, 2 nothing importable.",
    "Also adds the requests and callers of a Postman Collection v2.1, or of one curl command, to a workspace:",
    "  portcullis import payments.postman_collection.json -w payments.json",
    "  portcullis import curl 'curl --aws-sigv4 aws:amz:us-east-1:execute-api --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\" https://...' -w payments.json",
    "Secrets become env: references (the report lists which to set), never values."})
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "The definition file, a Postman collection, 'curl' (then the command),"
      + " or aws:REGION/API_ID to read a live API (aws:REGION lists them).")
  String source;

  @Parameters(index = "1", arity = "0..1", paramLabel = "COMMAND", description = "After 'curl': the curl command, in quotes.")
  String curlCommand;

  @Option(names = {"--into", "-w", "--workspace"}, paramLabel = "WORKSPACE", description = "Merge into this workspace (keeping its callers, requests, expectations"
      + " and environments) and write it back, unless --out says elsewhere.")
  Path into;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the workspace (default: SOURCE's name with .pcws, in the"
      + " current directory; an existing file is not overwritten unless it is the --into workspace).")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", description = "report (text, default) or json: how the import report is printed.")
  String format = "report";

  @Option(names = "--region", paramLabel = "REGION", description = "The region AWS::Region resolves to (default: the variable awsRegion, us-east-1 locally).")
  String region;

  @Option(names = "--profile", paramLabel = "NAME", description = "For aws:REGION/API_ID sources: the AWS profile to read with (default: the SDK's default chain).")
  String profile;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("report") && !fmt.equals("json")) {
      err.println("portcullis: --format is report or json, not '" + format + "'.");
      return 2;
    }
    if (source.equals("curl") || PostmanCollections.isCollection(source)) {
      return exchangeFormat(stdout, err);
    }
    if (curlCommand != null) {
      err.println("portcullis: one SOURCE is imported at a time; '" + curlCommand + "' is extra (for a curl command: import curl 'COMMAND'). See 'portcullis import --help'.");
      return 2;
    }
    Importer importer = Importer.create().region(region);
    WorkspaceStore store = WorkspaceStore.create(Clock.systemUTC());
    ImportResult result;
    try {
      if (LiveImporter.isLiveSource(source)) {
        result = LiveImporter.forAccount(profile).importSource(source);
        if (into != null) {
          result = Reimport.merge(store.load(into), result);
        }
      } else if (into != null) {
        Workspace existing = store.load(into);
        result = importer.importInto(existing, Path.of(source));
      } else {
        result = importer.importFile(Path.of(source));
      }
    } catch (ImportException e) {
      err.println("portcullis: " + e.getMessage());
      return 2;
    } catch (WorkspaceException e) {
      e.problems().forEach(p -> err.println("portcullis: " + p));
      return 2;
    }
    stdout.print(fmt.equals("json") ? result.report().json() : result.report().text());
    stdout.flush();
    if (!result.importedAnything()) {
      err.println("portcullis: nothing importable in " + source + "; no workspace was written.");
      return 2;
    }
    Path target = out != null ? out : into != null ? into : Path.of(baseName(source) + ".pcws");
    if (Files.exists(target) && !target.equals(into)) {
      err.println("portcullis: " + target + " exists; not overwritten. Give --out FILE, or --into " + target + " to merge into it.");
      return 2;
    }
    store.saveWithSchemaPointer(result.workspace(), target);
    err.println("portcullis: wrote " + target + " (" + result.workspace().gateways().size() + " gateway(s), "
        + result.workspace().requests().size() + " request(s)); " + summary(result));
    return result.exitCode();
  }

  /** A Postman collection or a curl command: requests and callers added to the --into workspace. */
  private int exchangeFormat(PrintWriter stdout, PrintWriter err) throws Exception {
    if (into == null) {
      err.println("portcullis: the embedded demo cannot be changed; give the workspace to add to with -w FILE (and --out FILE to write"
          + " elsewhere). See 'portcullis import --help'.");
      return 2;
    }
    if (source.equals("curl") && curlCommand == null) {
      err.println("portcullis: give the curl command after 'curl', in quotes. See 'portcullis import --help'.");
      return 2;
    }
    WorkspaceStore store = WorkspaceStore.create(Clock.systemUTC());
    ImportedParts parts;
    try {
      Workspace ws = store.load(into);
      parts = source.equals("curl") ? CurlImport.read(curlCommand, Path.of(""), () -> System.in, ws)
          : PostmanCollections.read(Path.of(source), ws);
      Workspace merged = parts.mergedInto(ws);
      Path target = out != null ? out : into;
      store.save(merged, target);
      parts.report().forEach(line -> err.println("portcullis: " + line));
      stdout.println("imported " + parts.requests().size() + " request(s), " + parts.callers().size() + " caller(s) and "
          + parts.folders().size() + " folder(s) from " + parts.name() + " into " + target);
    } catch (WorkspaceException e) {
      e.problems().forEach(p -> err.println("portcullis: " + p));
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("portcullis: " + e.getMessage());
      return 2;
    }
    stdout.flush();
    err.flush();
    return 0;
  }

  private static String summary(ImportResult r) {
    int unreadable = r.report().unreadable().size();
    int left = r.report().leftOut().size();
    return (unreadable == 0 ? "" : unreadable + " route(s) with unreadable protection imported as protected, ")
        + left + " item(s) left out" + (left + unreadable == 0 ? "" : " (see the report)");
  }

  private static String baseName(String source) {
    String name = LiveImporter.isLiveSource(source) ? source : Path.of(source).getFileName().toString();
    int dot = name.indexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).replace(':', '-').replace('/', '-');
  }
}
