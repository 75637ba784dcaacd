package dev.portcullis.engine.identity;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * AWS profiles as the AWS CLI reads them ({@code ~/.aws/config} and {@code ~/.aws/credentials}, or
 * {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE}), always through the SDK's own
 * providers: static keys, SSO (the SDK's sso and ssooidc modules read the CLI's cached login),
 * {@code credential_process}, and {@code role_arn} with {@code source_profile}. The one thing the
 * SDK's profile provider does not do, ask for the MFA code of a role with {@code mfa_serial}, is
 * done here with STS AssumeRole and the code asked through {@link ChallengeHandler} as {@link #MFA_CHALLENGE}.
 */
public final class AwsProfiles {
  /** The challenge type that asks for an MFA code: username is the device's serial, hint the role. */
  public static final String MFA_CHALLENGE = "AWS_MFA";

  private final Supplier<ProfileFile> files;
  private final URI stsEndpoint;

  private AwsProfiles(Supplier<ProfileFile> files, URI stsEndpoint) {
    this.files = files;
    this.stsEndpoint = stsEndpoint;
  }

  /** The user's files, where the AWS CLI finds them; read again for each credential, as the CLI does per command. */
  public static AwsProfiles system() {
    return new AwsProfiles(ProfileFile::defaultProfileFile, null);
  }

  /** Given files and an STS endpoint (null: the region's), for tests. */
  public static AwsProfiles of(ProfileFile file, URI stsEndpoint) {
    Objects.requireNonNull(file, "file");
    return new AwsProfiles(() -> file, stsEndpoint);
  }

  /** How a profile gets its credentials, as the Acquire step names it. */
  enum Kind { KEYS, SSO, CREDENTIAL_PROCESS, ASSUMED_ROLE, ASSUMED_ROLE_WITH_MFA, MISSING }

  Kind kind(String profile) {
    Optional<Profile> p = files.get().profile(profile);
    if (p.isEmpty()) {
      return Kind.MISSING;
    }
    Profile found = p.get();
    if (found.property("role_arn").isPresent()) {
      return found.property("mfa_serial").isPresent() ? Kind.ASSUMED_ROLE_WITH_MFA : Kind.ASSUMED_ROLE;
    }
    if (found.property("sso_session").isPresent() || found.property("sso_start_url").isPresent()) {
      return Kind.SSO;
    }
    return found.property("credential_process").isPresent() ? Kind.CREDENTIAL_PROCESS : Kind.KEYS;
  }

  /** Where a profile's credentials come from, never what they are. */
  String describe(String profile) {
    return switch (kind(profile)) {
      case KEYS, MISSING -> "profile '" + profile + "'";
      case SSO -> "profile '" + profile + "' (SSO)";
      case CREDENTIAL_PROCESS -> "profile '" + profile + "' (credential_process)";
      case ASSUMED_ROLE -> "assumed role " + property(profile, "role_arn") + " (profile '" + profile + "')";
      case ASSUMED_ROLE_WITH_MFA -> "assumed role " + property(profile, "role_arn") + " with MFA (profile '" + profile + "')";
    };
  }

  /** What to do when the profile gave no credentials. */
  String fix(String profile) {
    return switch (kind(profile)) {
      case MISSING -> "Add profile '" + profile + "' to ~/.aws/config (aws configure --profile " + profile + "), or name a profile that"
          + " exists; AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE move the files, as for the AWS CLI.";
      case SSO -> "The SSO login is missing or expired: run 'aws sso login --profile " + profile + "', then send again.";
      case CREDENTIAL_PROCESS -> "Run the profile's credential_process command yourself: it must exit 0 and print the JSON the AWS CLI"
          + " expects (Version 1, AccessKeyId, SecretAccessKey).";
      case ASSUMED_ROLE, ASSUMED_ROLE_WITH_MFA -> "Check that the source profile's credentials may call sts:AssumeRole on "
          + property(profile, "role_arn") + " and that the role's trust policy allows them"
          + (kind(profile) == Kind.ASSUMED_ROLE_WITH_MFA ? " with MFA; the code must be the current one of " + property(profile, "mfa_serial") : "")
          + ".";
      case KEYS -> "Check the keys of profile '" + profile + "' (aws sts get-caller-identity --profile " + profile + ").";
    };
  }

  /** The SDK's provider for the profile; for a role with MFA, STS AssumeRole asking {@code challenges} for the code. */
  AwsCredentialsProvider provider(String profile, String region, ChallengeHandler challenges) {
    if (kind(profile) != Kind.ASSUMED_ROLE_WITH_MFA) {
      return ProfileCredentialsProvider.builder().profileFile(files).profileName(profile).build();
    }
    Profile p = files.get().profile(profile).orElseThrow();
    String roleArn = p.property("role_arn").orElseThrow();
    String serial = p.property("mfa_serial").orElseThrow();
    String source = p.property("source_profile").orElseThrow(() -> new IllegalArgumentException("profile '" + profile
        + "' has role_arn and mfa_serial but no source_profile; Portcullis asks for the MFA code only for a role assumed from a source profile"));
    AwsCredentialsProvider inner = provider(source, region, challenges);
    String stsRegion = p.property("region").orElse(region == null ? "us-east-1" : region);
    var sts = StsClient.builder().credentialsProvider(inner).region(Region.of(stsRegion));
    if (stsEndpoint != null) {
      sts.endpointOverride(stsEndpoint);
    }
    String session = p.property("role_session_name").orElse("portcullis");
    return StsAssumeRoleCredentialsProvider.builder().stsClient(sts.build()).refreshRequest(() -> {
      String code = challenges.answer(new ChallengeHandler.Challenge(MFA_CHALLENGE, serial, roleArn))
          .orElseThrow(() -> new NoMfaCode(profile, serial));
      AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(session)
          .serialNumber(serial).tokenCode(code);
      p.property("external_id").ifPresent(request::externalId);
      p.property("duration_seconds").map(Integer::valueOf).ifPresent(request::durationSeconds);
      return request.build();
    }).build();
  }

  /** The default chain, reading profiles from the same files. */
  AwsCredentialsProvider defaultChain() {
    return DefaultCredentialsProvider.builder().profileFile(files).build();
  }

  private String property(String profile, String name) {
    return files.get().profile(profile).flatMap(p -> p.property(name)).orElse("?");
  }

  /** Nobody gave the code: a cancelled dialog, or no terminal to ask on. */
  static final class NoMfaCode extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoMfaCode(String profile, String serial) {
      super("profile '" + profile + "' needs the code of MFA device " + serial + " and none was given");
    }
  }
}
