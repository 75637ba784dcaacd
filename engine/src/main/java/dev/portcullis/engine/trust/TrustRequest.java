package dev.portcullis.engine.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What trusting a workspace allows, listed for the person who decides: each program it would run
 * (with its arguments and folder), each local secret it would read and the hosts that secret (or
 * what is derived from it) would go to, and each host outside loopback it would reach. Secret
 * values are never part of it, only their references.
 */
public record TrustRequest(String workspace, List<Program> programs, List<SecretUse> secrets, List<RemoteHost> hosts) {

  public TrustRequest {
    Objects.requireNonNull(workspace, "workspace");
    programs = List.copyOf(programs);
    secrets = List.copyOf(secrets);
    hosts = List.copyOf(hosts);
  }

  /** A program run as the user: where it is configured, its command line and working folder (null: the current one). */
  public record Program(String where, List<String> command, String workingDirectory) {
    public Program {
      Objects.requireNonNull(where, "where");
      command = List.copyOf(command);
    }

    /** The command line as one readable string, each argument quoted when it holds a space. */
    public String commandLine() {
      return String.join(" ", command.stream().map(a -> a.isEmpty() || a.matches(".*[\\s'\"].*") ? "'" + a.replace("'", "'\\''") + "'" : a).toList());
    }
  }

  /** A local secret reference ({@code env:}, {@code file:}, ...), what uses it and where it would go. */
  public record SecretUse(String reference, String where, List<String> sentTo) {
    public SecretUse {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(where, "where");
      sentTo = List.copyOf(sentTo);
    }
  }

  /** A host outside loopback named by the file, and why it would be reached. */
  public record RemoteHost(String host, String why) {
    public RemoteHost {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(why, "why");
    }
  }

  /** True when the workspace needs nothing of the user's: it may run untrusted as it is. */
  public boolean isEmpty() {
    return programs.isEmpty() && secrets.isEmpty() && hosts.isEmpty();
  }

  /** The list as a person reads it, one line each; empty when nothing needs trust. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    programs.forEach(p -> lines.add("runs " + p.commandLine() + (p.workingDirectory() == null ? "" : " in " + p.workingDirectory())
        + " (" + p.where() + ")"));
    secrets.forEach(s -> lines.add("reads " + s.reference() + " (" + s.where() + ")"
        + (s.sentTo().isEmpty() ? "" : " and sends it to " + String.join(", ", s.sentTo()))));
    hosts.forEach(h -> lines.add("connects to " + h.host() + " (" + h.why() + ")"));
    return lines;
  }
}
