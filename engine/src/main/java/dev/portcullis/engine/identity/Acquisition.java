package dev.portcullis.engine.identity;

import java.time.Duration;
import java.util.List;

/** The outcome of getting a caller's credential: a value either way, for the trace's Acquire step. */
public sealed interface Acquisition {
  String flow();

  String endpoint();

  Duration took();

  /**
   * @param freshness how this credential came to be: FRESH, CACHED, REFRESHED (refresh token) or
   *     REACQUIRED (the cached one was about to expire)
   * @param notes what else a person should know ("the token response had no expires_in ...")
   */
  record Acquired(Credential credential, String flow, String endpoint, Freshness freshness, Duration took, List<String> notes)
      implements Acquisition {
    public Acquired {
      notes = List.copyOf(notes);
    }
  }

  /** Failed: {@code message} in the provider's own words where it gave any, {@code fix} what to change. */
  record Failed(String flow, String endpoint, String message, String fix, Duration took) implements Acquisition {}

  enum Freshness { FRESH, CACHED, REFRESHED, REACQUIRED }
}
