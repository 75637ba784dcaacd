package dev.portcullis.app.cli;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.TraceExport;
import dev.portcullis.engine.trace.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code portcullis send}: one request, saved or ad hoc, and its trace. */
@Command(name = "send", mixinStandardHelpOptions = true, description = {
    "Send one request (a saved one, or ad hoc) as a caller and print its trace.",
    "Exit 0 when it met its expectation (ad hoc: when it was allowed), 1 when not, 2 on usage errors."})
final class SendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption workspace;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @Option(names = "--request", paramLabel = "NAME", description = "A saved request.")
    String request;

    @ArgGroup(exclusive = false)
    AdHoc adHoc;
  }

  static final class AdHoc {
    @Option(names = "--method", paramLabel = "M", required = true, description = "HTTP method.")
    String method;

    @Option(names = "--url", paramLabel = "URL", required = true,
        description = "A path on a gateway (/v2/me, with --gateway when several could serve it), or gateway:/path.")
    String url;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "A header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--data", paramLabel = "BODY", description = "The request body.")
    String data;

    @Option(names = "--gateway", paramLabel = "NAME", description = "The gateway the path is on.")
    String gateway;
  }

  @Option(names = "--caller", paramLabel = "NAME", description = "Send as this caller (default: the request's own).")
  String caller;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or md (default: text).")
  String format = "text";

  @Option(names = "--aws", paramLabel = "ENV", description = "Call the gateway on AWS with this environment, not the local gateway.")
  String aws;

  @Override
  public Integer call() throws Exception {
    if (!List.of("text", "json", "md").contains(format)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "'" + format + "' is not a format; use text, json or md");
    }
    Workspace ws = workspace.load(aws);
    SavedRequest request = which.request != null ? saved(ws, which.request) : adHoc(ws, which.adHoc);
    PrintWriter out = spec.commandLine().getOut();
    try (Session session = Sessions.open(ws, workspace.gate(), aws, PortcullisCommand.verbose(spec), spec.commandLine().getErr())) {
      if (caller != null) {
        session.credential(caller, ChallengeHandler.none()); // an unknown caller is a usage error, not a failed send
      }
      Trace trace = session.run(request, caller, ChallengeHandler.none());
      TraceExport export = TraceExport.create(session.masking());
      out.print(switch (format) {
        case "json" -> export.toJson(trace) + "\n";
        case "md" -> export.toMarkdown(trace);
        default -> TraceText.render(trace, session.masking());
      });
      out.flush();
      Verdict v = trace.verdict();
      boolean ok = v.result() == Verdict.Result.MATCHED || (v.result() == Verdict.Result.NO_EXPECTATION && v.allowed());
      return ok ? 0 : 1;
    }
  }

  static SavedRequest saved(Workspace ws, String name) {
    return ws.request(name).orElseThrow(() -> new IllegalArgumentException("request '" + name + "' is not in workspace " + ws.name()
        + "; its requests are " + ws.requests().stream().map(r -> "'" + r.name() + "'").toList()));
  }

  private static SavedRequest adHoc(Workspace ws, AdHoc a) {
    String path = a.url;
    String gateway = a.gateway;
    int colon = path.indexOf(":/");
    if (gateway == null && colon > 0 && ws.gateway(path.substring(0, colon)).isPresent()) {
      gateway = path.substring(0, colon);
      path = path.substring(colon + 1);
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("--url " + a.url + " is not a path; give the path after the stage, e.g. /v2/me or mobile:/v2/me");
    }
    if (gateway == null) {
      gateway = GatewayGuess.forPath(ws, a.method, path);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h : a.headers) {
      int at = h.indexOf(':');
      if (at <= 0) {
        throw new IllegalArgumentException("header '" + h + "' is not 'Name: value'");
      }
      headers.put(h.substring(0, at).strip(), h.substring(at + 1).strip());
    }
    return new SavedRequest("ad hoc " + a.method.toUpperCase(java.util.Locale.ROOT) + " " + path, null, null, gateway, a.method, path,
        Map.of(), headers, a.data, null, Map.of(), null, null);
  }
}
