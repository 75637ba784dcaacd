package dev.portcullis.engine.identity;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** What a caller puts on a request. {@code toString} never shows a secret. */
public sealed interface Credential {

  /** When it stops working; null when it does not expire (API keys) or is unknown. */
  Instant expiresAt();

  /**
   * A token sent in a header.
   *
   * @param kind what it is, for people: "Cognito access token", "OIDC access token", "custom token"
   * @param refreshToken Cognito's refresh token, kept in memory only
   */
  record Bearer(String header, String prefix, String token, Instant expiresAt, String kind, String refreshToken)
      implements Credential {
    @Override
    public String toString() {
      return "Bearer[" + kind + ", expires " + expiresAt + "]";
    }
  }

  /** AWS credentials to sign with SigV4 for {@code region}. */
  record Aws(AwsCredentialsIdentity identity, String region, Instant expiresAt, String source) implements Credential {
    @Override
    public String toString() {
      return "Aws[" + identity.accessKeyId() + " from " + source + "]";
    }
  }

  /** An API key ({@code x-api-key}) and any headers the caller's Lambda authoriser reads. */
  record ApiKey(String value, Map<String, String> headers) implements Credential {
    public Instant expiresAt() {
      return null;
    }

    @Override
    public String toString() {
      return "ApiKey[****, " + headers.keySet() + "]";
    }
  }

  /** No credential: the anonymous caller. */
  record None() implements Credential {
    public Instant expiresAt() {
      return null;
    }
  }
}
