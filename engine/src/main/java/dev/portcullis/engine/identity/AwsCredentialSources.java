package dev.portcullis.engine.identity;

import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.store.SecretResolver;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * AWS credentials only through the SDK's own providers: the default chain, named profiles (with SSO
 * and credential_process, which the SDK handles), static keys by reference, and STS AssumeRole.
 */
public final class AwsCredentialSources {
  private AwsCredentialSources() {}

  /** A failure to get credentials, as a sentence with a fix. */
  public static final class AwsCredentialsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String fix;

    AwsCredentialsException(String message, String fix) {
      super(message);
      this.fix = fix;
    }

    public String fix() {
      return fix;
    }
  }

  public static AwsCredentialsProvider provider(CredentialSource source, SecretResolver secrets, String where, String region)
      throws SecretResolver.SecretException {
    java.util.Optional<String> refused = secrets.gate().credentials(source, where);
    if (refused.isPresent()) {
      throw new SecretResolver.SecretException(refused.get());
    }
    return switch (source) {
      case CredentialSource.DefaultChain d -> DefaultCredentialsProvider.builder().build();
      case CredentialSource.Profile p -> ProfileCredentialsProvider.builder().profileName(p.profile()).build();
      case CredentialSource.StaticKeys s -> {
        String secret = secrets.resolve(s.secretAccessKey(), where + " secretAccessKey");
        String token = s.sessionToken() == null ? null : secrets.resolve(s.sessionToken(), where + " sessionToken");
        yield StaticCredentialsProvider.create(token == null ? AwsBasicCredentials.create(s.accessKeyId(), secret)
            : AwsSessionCredentials.create(s.accessKeyId(), secret, token));
      }
      case CredentialSource.AssumeRole r -> {
        AwsCredentialsProvider inner = provider(r.source(), secrets, where, region);
        StsClient sts = StsClient.builder().credentialsProvider(inner).region(Region.of(region == null ? "us-east-1" : region)).build();
        yield StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
            .refreshRequest(b -> b.roleArn(r.roleArn()).roleSessionName(r.sessionName()).externalId(r.externalId()))
            .build();
      }
    };
  }

  /** Resolves credentials now, turning the SDK's failures into a sentence that names the source. */
  public static AwsCredentialsIdentity resolve(AwsCredentialsProvider provider, CredentialSource source, String where)
      throws AwsCredentialsException {
    try {
      return provider.resolveIdentity().join();
    } catch (RuntimeException e) {
      Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
      String sdk = cause instanceof SdkException ? cause.getMessage() : cause.toString();
      throw new AwsCredentialsException(where + ": no AWS credentials from " + describe(source) + " (" + firstLine(sdk) + ").",
          fix(source));
    }
  }

  public static Instant expiry(AwsCredentialsIdentity identity) {
    return identity.expirationTime().orElse(null);
  }

  static String describe(CredentialSource source) {
    return switch (source) {
      case CredentialSource.DefaultChain d -> "the default provider chain";
      case CredentialSource.Profile p -> "profile '" + p.profile() + "'";
      case CredentialSource.StaticKeys s -> "static keys " + s.accessKeyId();
      case CredentialSource.AssumeRole r -> "assuming " + r.roleArn() + " with " + describe(r.source());
    };
  }

  private static String fix(CredentialSource source) {
    return switch (source) {
      case CredentialSource.DefaultChain d -> "Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run 'aws configure'.";
      case CredentialSource.Profile p -> "Check that profile '" + p.profile() + "' exists in ~/.aws/config or ~/.aws/credentials;"
          + " for SSO profiles run 'aws sso login --profile " + p.profile() + "' first.";
      case CredentialSource.StaticKeys s -> "Check the key's secret reference.";
      case CredentialSource.AssumeRole r -> "Check that the source credentials may call sts:AssumeRole on " + r.roleArn()
          + " and that the role's trust policy (and external id) allows them.";
    };
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse(s).replaceAll("\\.$", "");
  }
}
