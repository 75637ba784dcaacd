package dev.portcullis.engine.trust;

import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.SecretRef;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a session may do with its workspace. An open gate (a trusted workspace, the embedded demo)
 * allows everything; a closed one (a workspace not saved on this machine, not yet trusted) runs no
 * program, resolves no {@code env:}, {@code file:}, {@code keychain:}, {@code aws-profile:} or
 * default-chain credential, and sends nothing to a host outside loopback. Local fixtures
 * ({@code local:}) and prompts stay usable: they open nothing of the user's.
 *
 * <p>Every place that runs user code, reads a local secret or opens a connection asks here first;
 * each answer is empty (go ahead) or one sentence saying what was refused and how to trust.
 */
public final class TrustGate {
  private static final TrustGate OPEN = new TrustGate(null);
  private final String workspace;

  private TrustGate(String workspace) {
    this.workspace = workspace;
  }

  /** Everything allowed: a trusted workspace, or one that ships with Portcullis. */
  public static TrustGate open() {
    return OPEN;
  }

  /** Nothing of the user's allowed for {@code workspace} (named in the refusals). */
  public static TrustGate closed(String workspace) {
    return new TrustGate(Objects.requireNonNull(workspace, "workspace"));
  }

  public boolean isOpen() {
    return workspace == null;
  }

  /** Whether running this program (a {@code command} function, any kind that runs the user's code) is refused. */
  public Optional<String> program(TrustRequest.Program program) {
    return refuse("would run " + program.commandLine() + " (" + program.where() + ")");
  }

  /** Whether resolving this reference is refused: {@code local:}, prompts and literals never are. */
  public Optional<String> secret(SecretRef ref, String where) {
    return switch (ref) {
      case SecretRef.Env e -> refuse("would read " + e.text() + " for " + where);
      case SecretRef.File f -> refuse("would read " + f.text() + " for " + where);
      case SecretRef.Keychain k -> refuse("would read " + k.text() + " for " + where);
      case SecretRef.AwsProfile p -> refuse("would read " + p.text() + " for " + where);
      case SecretRef.Prompt p -> Optional.empty();
      case SecretRef.Local l -> Optional.empty();
      case SecretRef.Literal l -> Optional.empty();
    };
  }

  /** Whether getting AWS credentials from this source is refused (static keys are judged by their references). */
  public Optional<String> credentials(CredentialSource source, String where) {
    return switch (source) {
      case CredentialSource.DefaultChain d -> refuse("would use your default AWS credentials for " + where);
      case CredentialSource.Profile p -> refuse("would use AWS profile '" + p.profile() + "' for " + where);
      case CredentialSource.StaticKeys s -> secret(s.secretAccessKey(), where + " secretAccessKey")
          .or(() -> s.sessionToken() == null ? Optional.empty() : secret(s.sessionToken(), where + " sessionToken"));
      case CredentialSource.AssumeRole r -> refuse("would call AWS STS to assume " + r.roleArn() + " for " + where);
    };
  }

  /** Whether connecting to {@code url} is refused: only loopback hosts are allowed untrusted. */
  public Optional<String> host(String url, String where) {
    String host = hostOf(url);
    return host != null && isLoopback(host) ? Optional.empty() : refuse("would connect to " + (host == null ? "an unparsable URL" : host)
        + " for " + where);
  }

  private Optional<String> refuse(String what) {
    return isOpen() ? Optional.empty() : Optional.of("Workspace " + workspace + " is not trusted on this machine and " + what
        + "; trust it first (--trust on the command line, or the workbench's trust dialog).");
  }

  /** The host of an http(s) URL, lower-cased, without brackets; null when there is none. */
  public static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Loopback by its literal form only (no DNS lookup, which would itself reach out): {@code localhost},
   * 127.0.0.0/8, ::1.
   */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    List<String> parts = List.of(h.split("\\.", -1));
    if (parts.size() != 4 || !parts.get(0).equals("127")) {
      return false;
    }
    return parts.stream().allMatch(p -> p.matches("\\d{1,3}") && Integer.parseInt(p) <= 255);
  }
}
