package dev.portcullis.engine.idp.cognito;

import java.time.Instant;
import java.util.Objects;

/** The outcome of checking a PASSWORD_CLAIM_SIGNATURE: a wrong password is an outcome, not a fault. */
public sealed interface ClaimVerdict {

  /** Whether the client proved knowledge of the password. */
  default boolean verified() {
    return this instanceof Verified;
  }

  /**
   * The claim holds.
   *
   * @param signedAt the parsed TIMESTAMP, for a freshness check by the caller
   */
  record Verified(Instant signedAt) implements ClaimVerdict {
    public Verified {
      Objects.requireNonNull(signedAt, "signedAt");
    }
  }

  /**
   * The claim does not hold.
   *
   * @param reason a sentence naming the user and what failed, for the trace (Cognito itself only
   *     answers NotAuthorizedException "Incorrect username or password.")
   */
  record Rejected(String reason) implements ClaimVerdict {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
