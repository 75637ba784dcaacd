package dev.portcullis.engine.rules.sigv4;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway knows about one access key: the secret it signs with, the session token that
 * must travel with it (temporary credentials only) and who the key belongs to.
 *
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token of temporary credentials, or null for long-term keys
 * @param principal an opaque principal id or ARN, reported back on success
 * @param expiresAt when temporary credentials stop working, or null when they do not expire
 */
public record SigningSecret(String secretAccessKey, String sessionToken, String principal, Instant expiresAt) {

  /** Credentials that do not expire. */
  public SigningSecret(String secretAccessKey, String sessionToken, String principal) {
    this(secretAccessKey, sessionToken, principal, null);
  }

  public SigningSecret {
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(principal, "principal");
    if (secretAccessKey.isEmpty()) {
      throw new IllegalArgumentException("Signing secret for " + principal + ": the secret access key is empty");
    }
    if (sessionToken != null && sessionToken.isEmpty()) {
      sessionToken = null;
    }
  }

  public boolean hasSessionToken() {
    return sessionToken != null;
  }

  /** Whether these credentials have expired at {@code now} (the gateway's clock). */
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** Secrets never reach a log line (house style 15), so the record's default toString is replaced. */
  @Override
  public String toString() {
    return "SigningSecret[principal=" + principal + ", secretAccessKey=***, sessionToken="
        + (sessionToken == null ? "none" : "***") + "]";
  }
}
