package dev.portcullis.app.cli;

import dev.portcullis.engine.exchange.Curl;
import dev.portcullis.engine.exchange.UrlResolution;
import dev.portcullis.engine.exchange.UrlResolver;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.RequestOrder;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.run.Target;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.Verdict;
import dev.portcullis.engine.trace.export.TraceExport;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code portcullis send}: one request, curl-shaped or saved, and what happened to it. */
@Command(name = "send", mixinStandardHelpOptions = true, description = {
    "Send one request as a caller and say what happened: status, the check that decided it and why, the body.",
    "  portcullis send /health --caller anonymous",
    "  portcullis send POST http://127.0.0.1:9321/prod/partners/acme/transactions -d @body.json --caller acme",
    "  portcullis send https://{apiId}.execute-api.{region}.amazonaws.com/prod/me --caller bob",
    "  portcullis send --request 'me as bob'",
    "URL: a local gateway's URL, an execute-api URL, a gateway's baseUrl (custom domain), API:/path, or a path.",
    "Exit 0 when it met its expectation (ad hoc: when it was allowed), 1 when not, 2 on usage errors."})
final class SendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption workspace;
  @Mixin AttachOption attach;

  @Parameters(arity = "0..2", paramLabel = "[METHOD] URL", description = "The method (default GET, or POST with a body) and the URL; a request line pasted whole works too ('POST https://…/refresh').")
  List<String> positional = new ArrayList<>();

  @Option(names = "--request", paramLabel = "NAME", description = "A saved request (what it depends on is sent first).")
  String request;

  @Option(names = {"-X", "--method"}, paramLabel = "METHOD", description = "The HTTP method, as curl's -X (any case).")
  String method;

  @Option(names = "--url", paramLabel = "URL", description = "The URL, when not given as an argument.")
  String url;

  @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "A header; repeatable.")
  List<String> headers = new ArrayList<>();

  @Option(names = {"-d", "--data", "--data-binary"}, paramLabel = "BODY",
      description = "The body: text, @file, or @- for stdin (as curl); repeated ones are joined with &.")
  List<String> data = new ArrayList<>();

  @Option(names = "--data-raw", paramLabel = "BODY", description = "The body as given, a leading @ included.")
  String dataRaw;

  @Option(names = "--gateway", paramLabel = "NAME", description = "The gateway a path is on, when several could serve it.")
  String gateway;

  @Option(names = "--caller", paramLabel = "NAME", description = "Send as this caller (default: the request's own).")
  String caller;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or md (default: text).")
  String format = "text";

  @Option(names = "-v", description = "The full trace: every step with its details.")
  boolean fullTrace;

  @Option(names = "--aws", paramLabel = "ENV", description = "Call the gateway on AWS with this environment, not the local gateway.")
  String aws;

  @Option(names = "--live", paramLabel = "PROFILE", description = "With --aws: read the deployed API with this AWS profile"
      + " (apigateway:GET) and show where its authorisation differs from the workspace's (in -v).")
  String live;

  @Override
  public Integer call() throws Exception {
    if (!List.of("text", "json", "md").contains(format)) {
      throw usage("'" + format + "' is not a format; use --format text, json or md");
    }
    Workspace ws = workspace.load(aws);
    Adhoc adhoc = request == null ? adhoc() : null;
    if (request != null && (!positional.isEmpty() || url != null || method != null || !data.isEmpty() || dataRaw != null)) {
      throw usage("--request sends a saved request as it is saved; drop the URL, -X and -d (or drop --request to send ad hoc)");
    }
    SavedRequest saved = request != null ? saved(ws, request) : null;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (live != null && aws == null) {
      throw usage("--live reads the deployed API beside an AWS run: add --aws ENV");
    }
    try (Sessions.Opened opened = Sessions.open(ws, workspace.gate(), workspace.key(), attach.noAttach, aws, Sessions.live(live),
        PortcullisCommand.verbose(spec), err)) {
      Session session = opened.session();
      ChallengeHandler questions = TerminalQuestions.system();
      if (caller != null) {
        session.credential(caller, questions); // an unknown caller is a usage error, not a failed send
      }
      if (saved == null) {
        saved = resolve(ws, session, adhoc, err);
      }
      for (SavedRequest first : RequestOrder.before(ws, saved)) {
        Trace before = session.run(first, null, questions);
        out.println("first, as '" + saved.name() + "' depends on it: " + first.name() + " -> " + before.verdict().sentence());
      }
      Trace trace = session.run(saved, caller, questions);
      TraceExport export = TraceExport.create(session.masking());
      out.print(switch (format) {
        case "json" -> export.toJson(trace) + "\n";
        case "md" -> export.toMarkdown(trace);
        default -> TraceText.render(trace, session.masking(), fullTrace);
      });
      out.flush();
      Verdict v = trace.verdict();
      boolean ok = v.result() == Verdict.Result.MATCHED || (v.result() == Verdict.Result.NO_EXPECTATION && v.allowed());
      return ok ? 0 : 1;
    }
  }

  private static final Pattern REQUEST_LINE = Pattern.compile("([A-Za-z]+)\\s+(\\S+)(?:\\s+HTTP/\\d(?:\\.\\d)?)?");

  /** The ad hoc request's parts as given, checked before any world starts. */
  private record Adhoc(String method, String url, Map<String, String> headers, String body) {}

  private Adhoc adhoc() {
    String given = url;
    String positionalMethod = null;
    if (positional.size() == 2) {
      positionalMethod = positional.get(0);
      if (given != null) {
        throw usage("the URL is given twice (" + positional.get(1) + " and --url " + given + "); keep one");
      }
      given = positional.get(1);
    } else if (positional.size() == 1) {
      if (given != null) {
        throw usage("the URL is given twice (" + positional.get(0) + " and --url " + given + "); keep one");
      }
      given = positional.get(0);
      // a request line pasted whole, as a log or the trace shows it: "POST https://…/refresh", "GET /prod/me HTTP/1.1"
      Matcher line = REQUEST_LINE.matcher(given.strip());
      if (line.matches()) {
        positionalMethod = line.group(1);
        given = line.group(2);
      }
    }
    if (given == null) {
      throw usage("nothing to send: give a URL (portcullis send /health) or a saved request with --request NAME");
    }
    if (positionalMethod != null && method != null) {
      throw usage("the method is given twice (" + positionalMethod + " and -X " + method + "); keep one");
    }
    String m = positionalMethod != null ? positionalMethod : method;
    if (m != null && !m.matches("[A-Za-z]+")) {
      throw usage("'" + m + "' is not an HTTP method; give one before the URL or with -X, e.g. -X POST");
    }
    if (!data.isEmpty() && dataRaw != null) {
      throw usage("the body is given twice (-d and --data-raw); keep one");
    }
    String body;
    try {
      body = dataRaw != null ? dataRaw : data.isEmpty() ? null
          : String.join("&", data.stream().map(d -> Curl.data(d, Path.of(""), () -> System.in)).toList());
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw usage(e.getMessage() + " (-d)");
    }
    Map<String, String> parsedHeaders = new LinkedHashMap<>();
    for (String h : headers) {
      try {
        Map.Entry<String, String> header = Curl.header(h);
        parsedHeaders.put(header.getKey(), header.getValue());
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage() + "; fix the -H value");
      }
    }
    String finalMethod = (m != null ? m : body != null ? "POST" : "GET").toUpperCase(Locale.ROOT);
    return new Adhoc(finalMethod, given, parsedHeaders, body);
  }

  /** Which gateway and path the URL names, against the running world's ports when attached. */
  private SavedRequest resolve(Workspace ws, Session session, Adhoc a, PrintWriter err) {
    Map<String, URI> running = new LinkedHashMap<>();
    if (session.target() instanceof Target.Attached attached) {
      attached.world().record().apis().forEach((name, u) -> running.put(name, URI.create(u)));
    }
    String target = gateway != null && a.url().startsWith("/") ? gateway + ":" + a.url() : a.url();
    UrlResolution resolution = UrlResolver.create(ws, running).resolve(target, a.method());
    if (resolution instanceof UrlResolution.Unresolved u) {
      throw usage(u.sentence());
    }
    UrlResolution.Resolved r = (UrlResolution.Resolved) resolution;
    if (r.note() != null) {
      err.println("portcullis: " + r.note());
    }
    boolean awsShaped = r.origin() == UrlResolution.Origin.EXECUTE_API || r.origin() == UrlResolution.Origin.ENVIRONMENT;
    if (awsShaped && aws == null) {
      err.println("portcullis: " + a.url() + " is gateway '" + r.gateway() + "' path " + r.path() + "; sending it to the local gateway"
          + " (--aws " + (r.environment() == null ? "ENV" : r.environment()) + " sends it to AWS)");
    }
    err.flush();
    return new SavedRequest("ad hoc " + a.method() + " " + r.path(), null, null, r.gateway(), a.method(), r.path(), r.query(),
        a.headers(), a.body(), null, Map.of(), null, null);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  static SavedRequest saved(Workspace ws, String name) {
    return ws.request(name).orElseThrow(() -> new IllegalArgumentException("request '" + name + "' is not in workspace " + ws.name()
        + "; its requests are " + ws.requests().stream().map(r -> "'" + r.name() + "'").toList()));
  }
}
