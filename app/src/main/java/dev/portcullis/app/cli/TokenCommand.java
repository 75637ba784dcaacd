package dev.portcullis.app.cli;

import dev.portcullis.engine.identity.Acquisition;
import dev.portcullis.engine.identity.Credential;
import dev.portcullis.engine.identity.CredentialExports;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.token.TokenInspector;
import dev.portcullis.engine.trace.token.TokenVerifier;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code portcullis token}: get a caller's credential for other tools, decode a JWT, verify one. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Tokens: get a caller's, decode one, verify one.",
    subcommands = {TokenCommand.Get.class, TokenCommand.Decode.class, TokenCommand.Verify.class})
final class TokenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = {
      "Print the credential a caller would send: its token or API key (for $(...)),",
      "or for an IAM caller export lines for AWS_ACCESS_KEY_ID and friends (for eval \"$(...)\").",
      "The value is a secret: it goes to stdout only, never to a log."})
  static final class Get implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WorkspaceOption workspace;
    @Mixin AttachOption attach;

    @Option(names = "--caller", required = true, paramLabel = "NAME", description = "The caller.")
    String caller;

    @Option(names = "--decode", description = "Print the token's header and claims instead of the token.")
    boolean decode;

    @Option(names = "--aws", paramLabel = "ENV", description = {"The credential for the gateway on AWS with this environment"
        + " (its user pool, issuer, keys and profile), not the local gateway's."})
    String aws;

    @Override
    public Integer call() throws Exception {
      Workspace ws = workspace.load(aws);
      PrintWriter out = spec.commandLine().getOut();
      try (Sessions.Opened opened = Sessions.open(ws, workspace.gate(), workspace.key(), attach.noAttach, aws, PortcullisCommand.verbose(spec),
          spec.commandLine().getErr())) {
        Session session = opened.session();
        if (opened.where() == Sessions.Where.IN_PROCESS) {
          spec.commandLine().getErr().println("portcullis: no 'gateway serve' runs for this workspace, so this credential comes from a"
              + " world that ends with this command; start 'portcullis gateway serve' first to use it with curl");
        }
        Acquisition a = session.credential(caller, TerminalQuestions.system());
        if (a instanceof Acquisition.Failed f) {
          String named = f.message().startsWith("caller '" + caller + "'") ? f.message() : "caller '" + caller + "': " + f.message();
          throw new IllegalStateException(named + " " + f.fix());
        }
        Credential credential = ((Acquisition.Acquired) a).credential();
        if (decode && credential instanceof Credential.Bearer b) {
          out.print(Decode.describe(TokenInspector.create(Clock.systemUTC()).inspect(b.token())));
        } else {
          print(out, credential);
        }
        out.flush();
        return 0;
      }
    }

    private void print(PrintWriter out, Credential credential) {
      Map<String, String> env = CredentialExports.environment(credential);
      switch (credential) {
        case Credential.Aws aws -> env.forEach((k, v) -> out.println("export " + k + "='" + v.replace("'", "'\\''") + "'"));
        case Credential.None n -> throw new IllegalArgumentException("caller '" + caller + "' sends no credential (anonymous)");
        default -> out.println(env.values().iterator().next());
      }
    }
  }

  @Command(name = "decode", mixinStandardHelpOptions = true, description = "Decode a JWT: header, claims and their meaning, expiry. No signature check.")
  static final class Decode implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "JWT", description = "The token (a 'Bearer ' prefix is fine).")
    String token;

    @Override
    public Integer call() {
      TokenInspection inspection = TokenInspector.create(Clock.systemUTC()).inspect(token);
      spec.commandLine().getOut().print(describe(inspection));
      spec.commandLine().getOut().flush();
      return inspection.headerJson().isEmpty() ? 1 : 0;
    }

    static String describe(TokenInspection t) {
      StringBuilder out = new StringBuilder(t.summary()).append('\n');
      if (!t.fix().isEmpty()) {
        out.append("fix: ").append(t.fix()).append('\n');
      }
      if (!t.headerJson().isEmpty()) {
        out.append("\nheader:\n").append(t.headerJson()).append("\n\nclaims:\n");
        t.claims().forEach(c -> out.append(String.format("  %-16s %s%s%s%n", c.name(), c.value(),
            c.time().isEmpty() ? "" : "  " + c.time(), c.meaning().isEmpty() ? "" : "  (" + c.meaning() + ")")));
      }
      if (t.signatureCheck() != TokenInspection.SignatureCheck.NOT_CHECKED) {
        out.append("signature: ").append(t.signatureCheck()).append(t.signatureNote().isEmpty() ? "" : " (" + t.signatureNote() + ")").append('\n');
      }
      return out.toString();
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true, description = {
      "Verify a JWT as a JWT authoriser would: signature against the issuer's keys, expiry, issuer, audience.",
      "Exit 0 when valid, 1 when not, 2 when the keys cannot be fetched."})
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "JWT", description = "The token.")
    String token;

    @ArgGroup(exclusive = false, multiplicity = "0..1")
    KeysFrom keys = new KeysFrom();

    static final class KeysFrom {
      @Option(names = "--issuer", paramLabel = "URL",
          description = "The expected issuer; its discovery document names the keys (default: the token's own iss, said so).")
      String issuer;

      @Option(names = "--jwks", paramLabel = "URL", description = "The key set's URL.")
      URI jwks;
    }

    @Option(names = "--audience", paramLabel = "A", description = "The expected audience (aud, or client_id of a Cognito access token).")
    String audience;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      String issuer = keys.issuer;
      if (issuer == null && keys.jwks == null) {
        issuer = TokenInspector.create(Clock.systemUTC()).inspect(token).claims().stream().filter(c -> c.name().equals("iss"))
            .map(c -> c.value().replaceAll("^\"|\"$", "")).findFirst().orElseThrow(() -> new picocli.CommandLine.ParameterException(
                spec.commandLine(), "the token names no issuer (no iss claim); give the keys with --issuer URL or --jwks URL"));
        spec.commandLine().getErr().println("portcullis: no --issuer given, so the token's own iss is trusted for its keys: " + issuer);
        spec.commandLine().getErr().flush();
      }
      TokenVerifier.Result r = TokenVerifier.create(Clock.systemUTC()).verify(token, issuer, keys.jwks, audience);
      out.print(Decode.describe(r.inspection()));
      out.println(r.valid() ? "valid (keys from " + r.jwksUrl() + ")"
          : "NOT valid (decided by " + r.inspection().decidedBy() + "):");
      r.problems().forEach(p -> out.println("  - " + p));
      if (!r.inspection().joseNote().isEmpty()) {
        out.println(r.inspection().joseNote());
      }
      out.flush();
      return r.valid() && r.inspection().outcome() != Outcome.FAIL ? 0 : 1;
    }
  }
}
