package dev.portcullis.engine.run;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.identity.Credential;
import dev.portcullis.engine.identity.CredentialExports;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.send.SigV4Signing;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A curl command that reproduces a request, built from the request a send would put on the wire
 * ({@link Session#dryRun a dry run}: nothing is sent), with every secret as a {@code $VARIABLE}:
 * IAM callers sign with curl's {@code --aws-sigv4}, bearer tokens and API keys come from
 * {@code $PORTCULLIS_TOKEN} / {@code $PORTCULLIS_API_KEY}.
 *
 * <p>curl's own signer (7.x) neither sorts query parameters nor double-encodes the path (curl issue
 * 9717), so for such requests its signature differs from AWS's; then {@link #precomputed} holds a
 * command with headers signed here instead, valid for a few minutes.
 *
 * @param url where the command sends: on the local target, the port {@code gateway serve} listens on
 * @param notes lines to print before the command ({@code export ...} hints, warnings), each a shell comment
 * @param curlSignerDiffers whether curl's signer would compute a different signature than AWS
 * @param precomputed the command with precomputed signed headers; null unless curl's signer differs
 */
public record CurlReproduction(String url, String command, List<String> notes, boolean curlSignerDiffers, String precomputed) {
  /** Headers the credential puts on (or the HTTP client adds), rebuilt by curl or the placeholders. */
  private static final Set<String> DROPPED = Set.of("authorization", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token",
      "host", "content-length", "user-agent", "accept-encoding", "connection", "x-api-key");

  public CurlReproduction {
    notes = List.copyOf(notes);
  }

  /**
   * Prepares {@code request} as its caller (or {@code callerOverride}) as a send through
   * {@code session} would, without sending it, and builds the command from that request.
   *
   * @throws IllegalStateException when the request could not be built (no credential, bad URL), with the trace's sentence
   */
  public static CurlReproduction of(Session session, SavedRequest request, String callerOverride) {
    String caller = callerOverride != null ? callerOverride : session.workspace().effectiveCaller(request).orElse(null);
    if (caller == null) {
      throw new IllegalArgumentException("request '" + request.name() + "' has no caller; pass --caller NAME");
    }
    DryRun dry = session.dryRun(request, caller, ChallengeHandler.none());
    if (!dry.built()) {
      throw new IllegalStateException("request '" + request.name() + "' could not be built as " + caller + ": "
          + dry.trace().verdict().sentence() + failedStep(dry.trace())
          + " Fix that first (./portcullis send --request '" + request.name() + "').");
    }
    Gateway gateway = session.workspace().gateway(request.gateway()).orElseThrow();
    URI url = rebase(session, gateway, dry.request().url());
    Credential credential = dry.credential() instanceof Credential.Aws aws && aws.region() == null
        ? new Credential.Aws(aws.identity(), gateway.region(), aws.expiresAt(), aws.source()) // sign for the API's region
        : dry.credential();
    return new Builder(session, caller, credential, dry.request(), url).build();
  }

  /** " (why the step failed)" for the step that stopped the trace, such as a login refused; empty when none did. */
  private static String failedStep(Trace trace) {
    return trace.steps().stream().filter(s -> s.outcome() == Outcome.FAIL && s.kind() != Step.Kind.VERDICT).findFirst()
        .map(s -> " (" + s.summary() + ")").orElse("");
  }

  /** On the local target, the port {@code gateway serve} uses for this API (the session's own is gone when it closes). */
  private static URI rebase(Session session, Gateway gateway, URI sent) {
    if (session.world().isEmpty() || gateway.localPort() == null || gateway.localPort() <= 0) {
      return sent;
    }
    return URI.create(sent.getScheme() + "://" + sent.getHost() + ":" + gateway.localPort() + sent.getRawPath()
        + (sent.getRawQuery() == null ? "" : "?" + sent.getRawQuery()));
  }

  /** Whether curl 7.x's signer would sign this URL differently from AWS: unsorted query parameters, or a path needing double-encoding. */
  public static boolean curlSignerDiffers(URI url) {
    if (url.getRawPath() != null && url.getRawPath().contains("%")) {
      return true;
    }
    if (url.getRawQuery() == null || url.getRawQuery().isEmpty()) {
      return false;
    }
    List<String> params = List.of(url.getRawQuery().split("&"));
    return !params.equals(params.stream().sorted().toList());
  }

  private static final class Builder {
    private final Session session;
    private final String caller;
    private final Credential credential;
    private final OutgoingRequest sent;
    private final URI url;
    private final List<String> notes = new ArrayList<>();

    Builder(Session session, String caller, Credential credential, OutgoingRequest sent, URI url) {
      this.session = session;
      this.caller = caller;
      this.credential = credential;
      this.sent = sent;
      this.url = url;
    }

    CurlReproduction build() {
      if (session.world().isPresent()) {
        notes.add("against the local gateway: run ./portcullis gateway serve first");
      }
      List<String> base = baseArgs();
      List<String> auth = authArgs();
      boolean differs = credential instanceof Credential.Aws && curlSignerDiffers(url);
      String precomputed = null;
      if (differs) {
        notes.add("curl's --aws-sigv4 (7.x) does not sort query parameters nor double-encode the path (curl issue 9717),"
            + " so AWS would refuse its signature for this URL; use the second command, signed here, valid for about 5 minutes");
        precomputed = join(base, precomputedArgs());
      }
      return new CurlReproduction(url.toString(), join(base, auth), notes, differs, precomputed);
    }

    private List<String> baseArgs() {
      List<String> args = new ArrayList<>(List.of("curl", "-sS", "-X", sent.method(), Shell.single(url.toString())));
      for (Map.Entry<String, String> h : sent.headers().entries()) {
        String name = h.getKey().toLowerCase(Locale.ROOT);
        if (DROPPED.contains(name)) {
          continue;
        }
        if (Masking.isSecretName(name)) {
          String variable = "PORTCULLIS_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
          notes.add("export " + variable + "=...   # the value of " + h.getKey() + ", kept out of the command");
          args.add("-H " + Shell.withVariable(h.getKey() + ": ", variable));
        } else {
          args.add("-H " + Shell.single(h.getKey() + ": " + h.getValue()));
        }
      }
      if (sent.body().length > 0) {
        args.add("--data-binary " + Shell.single(new String(sent.body(), StandardCharsets.UTF_8)));
      }
      return args;
    }

    private List<String> authArgs() {
      return switch (credential) {
        case Credential.Aws aws -> {
          notes.add("export the caller's AWS credentials: eval \"$(./portcullis token get --caller " + caller + ")\"");
          List<String> args = new ArrayList<>(List.of("--aws-sigv4 " + Shell.single("aws:amz:" + aws.region() + ":" + SigV4Signing.SERVICE),
              "--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""));
          if (CredentialExports.hasSessionToken(aws)) {
            args.add("-H \"x-amz-security-token: $AWS_SESSION_TOKEN\"");
          }
          yield args;
        }
        case Credential.Bearer b -> {
          notes.add("export " + CredentialExports.TOKEN_VARIABLE + "=$(./portcullis token get --caller " + caller + ")");
          yield List.of("-H " + Shell.withVariable(b.header() + ": " + b.prefix(), CredentialExports.TOKEN_VARIABLE));
        }
        case Credential.ApiKey k -> {
          notes.add("export " + CredentialExports.API_KEY_VARIABLE + "=$(./portcullis token get --caller " + caller + ")");
          List<String> args = new ArrayList<>(List.of("-H " + Shell.withVariable("x-api-key: ", CredentialExports.API_KEY_VARIABLE)));
          k.headers().keySet().forEach(h -> args.add("-H " + Shell.single(h + ": (the caller's " + h + ")")));
          yield args;
        }
        case Credential.None n -> List.of();
      };
    }

    /** Headers signed here for the printed URL; the session token, if any, stays a variable (it is signed as its value). */
    private List<String> precomputedArgs() {
      Credential.Aws aws = (Credential.Aws) credential;
      List<Map.Entry<String, String>> headers = sent.headers().entries().stream()
          .filter(h -> !DROPPED.contains(h.getKey().toLowerCase(Locale.ROOT))).toList();
      OutgoingRequest unsigned = new OutgoingRequest(sent.method(), url, new HeaderList(headers), sent.body());
      SigV4Signing.Signed signed = SigV4Signing.sign(unsigned, aws.identity(), aws.region(), session.clock());
      List<String> args = new ArrayList<>();
      for (Map.Entry<String, String> h : signed.request().headers().entries()) {
        String name = h.getKey().toLowerCase(Locale.ROOT);
        if (name.equals("x-amz-security-token")) {
          args.add("-H \"x-amz-security-token: $AWS_SESSION_TOKEN\"");
        } else if (name.equals("authorization") || name.startsWith("x-amz-")) {
          args.add("-H " + Shell.single(h.getKey() + ": " + h.getValue()));
        }
      }
      return args;
    }

    /** {@code curl -sS -X METHOD 'url'} on the first line, one option per continuation line after it. */
    private static String join(List<String> base, List<String> auth) {
      List<String> options = new ArrayList<>(base.subList(5, base.size()));
      options.addAll(auth);
      StringBuilder command = new StringBuilder(String.join(" ", base.subList(0, 5)));
      options.forEach(o -> command.append(" \\\n  ").append(o));
      return command.toString();
    }
  }
}
