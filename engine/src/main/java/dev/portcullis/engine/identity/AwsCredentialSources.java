package dev.portcullis.engine.identity;

import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.store.SecretResolver;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * AWS credentials only through the SDK's own providers: the default chain, named profiles (SSO,
 * credential_process and roles, read as the AWS CLI reads them: {@link AwsProfiles}), static keys by
 * reference, and STS AssumeRole.
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
    return provider(source, secrets, where, region, AwsProfiles.system(), ChallengeHandler.none());
  }

  /** The SDK's provider for {@code source}, profiles read from {@code profiles}; an MFA code is asked through {@code challenges}. */
  static AwsCredentialsProvider provider(CredentialSource source, SecretResolver secrets, String where, String region,
      AwsProfiles profiles, ChallengeHandler challenges) throws SecretResolver.SecretException {
    java.util.Optional<String> refused = secrets.gate().credentials(source, where);
    if (refused.isPresent()) {
      throw new SecretResolver.SecretException(refused.get());
    }
    return switch (source) {
      case CredentialSource.DefaultChain d -> profiles.defaultChain();
      case CredentialSource.Profile p -> {
        try {
          yield profiles.provider(p.profile(), region, challenges);
        } catch (IllegalArgumentException e) {
          throw new SecretResolver.SecretException(where + ": " + e.getMessage() + ".");
        }
      }
      case CredentialSource.StaticKeys s -> {
        String secret = secrets.resolve(s.secretAccessKey(), where + " secretAccessKey");
        String token = s.sessionToken() == null ? null : secrets.resolve(s.sessionToken(), where + " sessionToken");
        yield StaticCredentialsProvider.create(token == null ? AwsBasicCredentials.create(s.accessKeyId(), secret)
            : AwsSessionCredentials.create(s.accessKeyId(), secret, token));
      }
      case CredentialSource.AssumeRole r -> {
        AwsCredentialsProvider inner = provider(r.source(), secrets, where, region, profiles, challenges);
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
    return resolve(provider, source, where, AwsProfiles.system());
  }

  static AwsCredentialsIdentity resolve(AwsCredentialsProvider provider, CredentialSource source, String where, AwsProfiles profiles)
      throws AwsCredentialsException {
    try {
      return provider.resolveIdentity().join();
    } catch (RuntimeException e) {
      Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof AwsProfiles.NoMfaCode) {
          cause = t; // asked inside the SDK's refresh, so wrapped by it
        }
      }
      if (cause instanceof AwsProfiles.NoMfaCode none) {
        throw new AwsCredentialsException(where + ": " + none.getMessage() + ".",
            "Enter the code when asked (a dialog in the workbench, the terminal for the CLI); with no terminal, use a profile without mfa_serial.");
      }
      String sdk = cause instanceof SdkException ? cause.getMessage() : cause.toString();
      throw new AwsCredentialsException(where + ": no AWS credentials from " + describe(source, profiles) + " (" + firstLine(sdk) + ").",
          fix(source, profiles));
    }
  }

  public static Instant expiry(AwsCredentialsIdentity identity) {
    return identity.expirationTime().orElse(null);
  }

  /** Where the credentials come from, as the Acquire step names it: by source (profile, SSO, credential_process, role), never by value. */
  static String describe(CredentialSource source, AwsProfiles profiles) {
    return switch (source) {
      case CredentialSource.DefaultChain d -> "the default provider chain";
      case CredentialSource.Profile p -> profiles.describe(p.profile());
      case CredentialSource.StaticKeys s -> "static keys " + s.accessKeyId();
      case CredentialSource.AssumeRole r -> "assumed role " + r.roleArn() + " from " + describe(r.source(), profiles);
    };
  }

  private static String fix(CredentialSource source, AwsProfiles profiles) {
    return switch (source) {
      case CredentialSource.DefaultChain d -> "Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run 'aws configure'.";
      case CredentialSource.Profile p -> profiles.fix(p.profile());
      case CredentialSource.StaticKeys s -> "Check the key's secret reference.";
      case CredentialSource.AssumeRole r -> "Check that the source credentials may call sts:AssumeRole on " + r.roleArn()
          + " and that the role's trust policy (and external id) allows them.";
    };
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse(s).replaceAll("\\.$", "");
  }
}
