package dev.portcullis.engine.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * A credential as other tools take it: the environment variables curl, the AWS CLI and SDKs read
 * ({@code AWS_ACCESS_KEY_ID} ...), or {@code PORTCULLIS_TOKEN} / {@code PORTCULLIS_API_KEY} for a
 * bearer token or an API key. These are the secrets themselves: print them only when asked.
 */
public final class CredentialExports {
  /** The variable a bearer token goes in. */
  public static final String TOKEN_VARIABLE = "PORTCULLIS_TOKEN";
  /** The variable an API key goes in. */
  public static final String API_KEY_VARIABLE = "PORTCULLIS_API_KEY";

  private CredentialExports() {}

  /** Variable name to value, in the order a shell should set them; empty for no credential. */
  public static Map<String, String> environment(Credential credential) {
    Map<String, String> env = new LinkedHashMap<>();
    switch (credential) {
      case Credential.Aws aws -> {
        env.put("AWS_ACCESS_KEY_ID", aws.identity().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", aws.identity().secretAccessKey());
        if (aws.identity() instanceof AwsSessionCredentialsIdentity s) {
          env.put("AWS_SESSION_TOKEN", s.sessionToken());
        }
        if (aws.region() != null) {
          env.put("AWS_REGION", aws.region());
        }
      }
      case Credential.Bearer b -> env.put(TOKEN_VARIABLE, b.token());
      case Credential.ApiKey k -> env.put(API_KEY_VARIABLE, k.value());
      case Credential.None n -> { }
    }
    return env;
  }

  /** Whether an AWS credential carries a session token (temporary credentials). */
  public static boolean hasSessionToken(Credential credential) {
    return credential instanceof Credential.Aws aws && aws.identity() instanceof AwsSessionCredentialsIdentity;
  }
}
