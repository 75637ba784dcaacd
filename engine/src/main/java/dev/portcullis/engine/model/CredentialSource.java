package dev.portcullis.engine.model;

/** Where an IAM caller's AWS credentials come from; all of them resolve through the AWS SDK's providers. */
public sealed interface CredentialSource {

  /** The SDK's default chain: environment, system properties, profile, container, instance. */
  record DefaultChain() implements CredentialSource {}

  /** A named profile of ~/.aws/config (static keys, SSO, credential_process, role_arn). */
  record Profile(String profile) implements CredentialSource {
    public Profile {
      Names.require(profile, "AWS profile name");
    }
  }

  /** Keys by reference ({@code env:}, {@code keychain:}, {@code local:} ...), never literal in a shared file. */
  record StaticKeys(String accessKeyId, SecretRef secretAccessKey, SecretRef sessionToken) implements CredentialSource {
    public StaticKeys {
      Names.require(accessKeyId, "access key id");
      java.util.Objects.requireNonNull(secretAccessKey, "static keys need a secretAccessKey reference");
    }
  }

  /** STS AssumeRole on top of another source. */
  record AssumeRole(String roleArn, String externalId, String sessionName, CredentialSource source)
      implements CredentialSource {
    public AssumeRole {
      Names.require(roleArn, "role ARN to assume");
      sessionName = sessionName == null ? "portcullis" : sessionName;
      source = source == null ? new DefaultChain() : source;
    }
  }
}
