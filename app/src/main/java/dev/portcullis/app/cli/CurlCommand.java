package dev.portcullis.app.cli;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.CurlReproduction;
import dev.portcullis.engine.run.Session;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code portcullis curl}: a curl command that reproduces a saved request, secrets as $VARIABLES. */
@Command(name = "curl", mixinStandardHelpOptions = true, description = {
    "Print a curl command that reproduces a saved request as a caller. Secrets are never inline:",
    "IAM callers sign with curl's --aws-sigv4 from $AWS_ACCESS_KEY_ID/$AWS_SECRET_ACCESS_KEY; tokens and keys",
    "come from $PORTCULLIS_TOKEN / $PORTCULLIS_API_KEY. The request is built as a send would build it (the",
    "caller logs in or its token is minted) but not sent: no transaction is made, no throttle or quota spent."})
final class CurlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption workspace;
  @Mixin AttachOption attach;

  @Option(names = "--request", required = true, paramLabel = "NAME", description = "The saved request.")
  String request;

  @Option(names = "--caller", paramLabel = "NAME", description = "As this caller (default: the request's own).")
  String caller;

  @Option(names = "--aws", paramLabel = "ENV", description = "For the gateway on AWS with this environment, not the local gateway.")
  String aws;

  @Override
  public Integer call() throws Exception {
    Workspace ws = workspace.load(aws);
    PrintWriter out = spec.commandLine().getOut();
    try (Sessions.Opened opened = Sessions.open(ws, workspace.gate(), workspace.key(), attach.noAttach, aws, PortcullisCommand.verbose(spec),
        spec.commandLine().getErr())) {
      Session session = opened.session();
      CurlReproduction curl = CurlReproduction.of(session, SendCommand.saved(ws, request), caller);
      if (opened.where() == Sessions.Where.IN_PROCESS) {
        out.println("# no 'portcullis gateway serve' runs for this workspace: start it first (the URL is the workspace's own port)");
      }
      curl.notes().forEach(n -> out.println("# " + n));
      out.println(curl.command());
      if (curl.precomputed() != null) {
        out.println();
        out.println("# the same request with headers signed by Portcullis for " + curl.url() + " (valid for about 5 minutes):");
        out.println(curl.precomputed());
      }
      out.flush();
      return 0;
    }
  }
}
