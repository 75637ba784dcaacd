package dev.portcullis.engine.trust;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Whether an opened workspace is trusted, and what trusting it would allow.
 *
 * @param name how refusals name the workspace (its file name)
 * @param file the file it was read from; null for one that ships with Portcullis
 * @param content the bytes it was read from, so trust covers exactly what was parsed
 */
public record TrustDecision(String name, Path file, byte[] content, TrustRequest request, boolean trusted) {

  public TrustDecision {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(request, "request");
    content = content == null ? null : content.clone();
  }

  /** The embedded demo and other workspaces that ship with the app: trusted. */
  public static TrustDecision shipped(String name, TrustRequest request) {
    return new TrustDecision(name, null, null, request, true);
  }

  /** A file read from disk: trusted when the store has this path with this content. */
  public static TrustDecision forFile(Path file, byte[] content, TrustRequest request, TrustStore store) {
    return new TrustDecision(file.getFileName().toString(), file, content, request, store.isTrusted(file, content));
  }

  /** Untrusted and asking for something: the user has to decide before a session opens it. */
  public boolean needsTrust() {
    return !trusted && !request.isEmpty();
  }

  /** The gate a session of this workspace runs behind (closed when untrusted, even if nothing was listed). */
  public TrustGate gate() {
    return trusted ? TrustGate.open() : TrustGate.closed(name);
  }

  /** The user said yes: remembered for this path and content, and the gate opens. */
  public TrustDecision trust(TrustStore store) throws IOException {
    if (file != null && content != null) {
      store.trust(file, content);
    }
    return new TrustDecision(name, file, content, request, true);
  }
}
