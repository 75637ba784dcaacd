package dev.portcullis.engine.run;

import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.identity.Credential;
import dev.portcullis.engine.trace.Trace;
import java.util.Objects;

/**
 * A saved request prepared as a send prepares it, and not sent: what {@code Copy as curl} and
 * {@code portcullis curl} build their command from, so copying a POST makes no transaction and
 * spends no throttle or quota.
 *
 * @param trace the credential's acquisition and inspection, ending "not sent"; or where and why it stopped
 * @param request the request as it would go on the wire (signed, or with its token or key); null when it could not be built
 * @param credential the credential on {@code request}; null with it
 */
public record DryRun(Trace trace, OutgoingRequest request, Credential credential) {
  public DryRun {
    Objects.requireNonNull(trace, "dry run trace");
    if ((request == null) != (credential == null)) {
      throw new IllegalArgumentException("a dry run has both a request and its credential, or neither");
    }
  }

  /** Whether the request was built; when not, {@link #trace()} says why. */
  public boolean built() {
    return request != null;
  }
}
