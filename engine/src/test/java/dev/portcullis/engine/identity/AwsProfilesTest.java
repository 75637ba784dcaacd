package dev.portcullis.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.Emulator;
import dev.portcullis.engine.send.HttpExchanger;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.store.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * AWS credentials found as the AWS CLI finds them, from a config and a credentials file of this
 * test's own (the SDK's ProfileFile, as AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE would name
 * them), and STS answered by MockWebServer. Each source is named in the acquisition, never a secret.
 */
class AwsProfilesTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private final MockWebServer sts = new MockWebServer();
  private final List<ChallengeHandler.Challenge> asked = new ArrayList<>();

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    sts.start();
  }

  @AfterEach
  void stop() {
    sts.close();
  }

  private AwsProfiles profiles(String config, String credentials) throws Exception {
    Path c = Files.writeString(dir.resolve("config"), config);
    Path k = Files.writeString(dir.resolve("credentials"), credentials);
    ProfileFile files = ProfileFile.aggregator()
        .addFile(ProfileFile.builder().content(c).type(ProfileFile.Type.CONFIGURATION).build())
        .addFile(ProfileFile.builder().content(k).type(ProfileFile.Type.CREDENTIALS).build()).build();
    return AwsProfiles.of(files, sts.url("/").uri());
  }

  private Acquisition acquire(AwsProfiles profiles, String profile, ChallengeHandler challenges) {
    SecretResolver secrets = SecretResolver.create(Emulator.empty(), (w, l) -> Optional.empty());
    CredentialAcquirer acquirer = CredentialAcquirer.create(secrets, Variables.of(Map.of()), HttpExchanger.create(Duration.ofSeconds(3)),
        Clock.systemUTC(), name -> Optional.empty(), profiles);
    return acquirer.acquire(new Caller.Iam("ops", null, new CredentialSource.Profile(profile), "eu-west-1"), c -> {
      asked.add(c);
      return challenges.answer(c);
    }, e -> { });
  }

  private static String sourceOf(Acquisition a) {
    assertThat(a).as(a instanceof Acquisition.Failed f ? f.message() + " / " + f.fix() : "acquired").isInstanceOf(Acquisition.Acquired.class);
    return ((Credential.Aws) ((Acquisition.Acquired) a).credential()).source();
  }

  @Test
  void aProfileWithKeysIsNamedByProfile() throws Exception {
    AwsProfiles files = profiles("[profile dev]\nregion = eu-west-1\n", "[dev]\naws_access_key_id = AKIADEVEXAMPLE000001\naws_secret_access_key = " + SECRET + "\n");

    Acquisition a = acquire(files, "dev", ChallengeHandler.none());

    assertThat(sourceOf(a)).isEqualTo("profile 'dev'");
    assertThat(((Acquisition.Acquired) a).endpoint()).doesNotContain(SECRET);
  }

  @Test
  void credentialProcessRunsTheProfilesCommandAndIsNamedAsSuch() throws Exception {
    Path script = dir.resolve("creds.sh");
    Files.writeString(script, "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROCESSEXAMPLE01\", \"SecretAccessKey\": \"" + SECRET
        + "\", \"SessionToken\": \"session-from-process\", \"Expiration\": \"2099-01-01T00:00:00Z\"}'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    AwsProfiles files = profiles("[profile ci]\ncredential_process = " + script + "\n", "");

    Acquisition a = acquire(files, "ci", ChallengeHandler.none());

    assertThat(sourceOf(a)).isEqualTo("profile 'ci' (credential_process)");
    assertThat(((Credential.Aws) ((Acquisition.Acquired) a).credential()).identity().accessKeyId()).isEqualTo("AKIAPROCESSEXAMPLE01");
  }

  @Test
  void aCredentialProcessThatFailsSaysToRunItYourself() throws Exception {
    AwsProfiles files = profiles("[profile ci]\ncredential_process = " + dir.resolve("missing.sh") + "\n", "");

    Acquisition a = acquire(files, "ci", ChallengeHandler.none());

    assertThat(a).isInstanceOfSatisfying(Acquisition.Failed.class, f -> {
      assertThat(f.message()).startsWith("caller 'ops': no AWS credentials from profile 'ci' (credential_process)");
      assertThat(f.fix()).contains("credential_process command yourself");
    });
  }

  @Test
  void anSsoProfileWithNoLiveLoginSaysWhichAwsSsoLoginToRun() throws Exception {
    // a start URL nobody has logged in to, so the CLI's cache has no token for it
    AwsProfiles files = profiles("""
        [profile sso-dev]
        sso_start_url = https://portcullis-test-%s.awsapps.com/start
        sso_region = eu-west-1
        sso_account_id = 111122223333
        sso_role_name = Developer
        region = eu-west-1
        """.formatted(Long.toHexString(System.nanoTime())), "");

    Acquisition a = acquire(files, "sso-dev", ChallengeHandler.none());

    assertThat(a).isInstanceOfSatisfying(Acquisition.Failed.class, f -> {
      assertThat(f.message()).startsWith("caller 'ops': no AWS credentials from profile 'sso-dev' (SSO)").doesNotContain("class path");
      assertThat(f.fix()).isEqualTo("The SSO login is missing or expired: run 'aws sso login --profile sso-dev', then send again.");
    });
    assertThat(sts.getRequestCount()).isZero();
  }

  @Test
  void anExpiredLoginInTheClisSsoCacheSaysWhichAwsSsoLoginToRun() throws Exception {
    String startUrl = "https://portcullis-test.awsapps.com/start";
    Path home = Files.createDirectories(dir.resolve("home"));
    Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
    // the AWS CLI's cache file for a legacy SSO profile: named by the SHA-1 of the start URL, here expired years ago
    String name = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
        .digest(startUrl.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Files.writeString(cache.resolve(name + ".json"), """
        {"startUrl": "%s", "region": "eu-west-1", "accessToken": "expired-access-token", "expiresAt": "2020-01-01T00:00:00Z"}
        """.formatted(startUrl));
    Path config = Files.writeString(dir.resolve("sso-config"), """
        [profile sso-dev]
        sso_start_url = %s
        sso_region = eu-west-1
        sso_account_id = 111122223333
        sso_role_name = Developer
        """.formatted(startUrl));
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder probe = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), SsoCacheProbe.class.getName(),
        config.toString(), "sso-dev").redirectErrorStream(true);
    probe.environment().put("HOME", home.toString());
    probe.environment().remove("AWS_PROFILE");
    Process p = probe.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();

    List<String> lines = out.lines().filter(l -> l.startsWith("caller 'ops'") || l.startsWith("The SSO login")).toList();
    assertThat(lines).as(out).hasSize(2);
    assertThat(lines.get(0)).startsWith("caller 'ops': no AWS credentials from profile 'sso-dev' (SSO)").containsIgnoringCase("expired");
    assertThat(lines.get(1)).isEqualTo("The SSO login is missing or expired: run 'aws sso login --profile sso-dev', then send again.");
  }

  private static final String ASSUMED = """
      <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
        <AssumeRoleResult>
          <Credentials>
            <AccessKeyId>ASIAASSUMEDEXAMPLE01</AccessKeyId>
            <SecretAccessKey>assumed-secret-value</SecretAccessKey>
            <SessionToken>assumed-session-token</SessionToken>
            <Expiration>2099-01-01T00:00:00Z</Expiration>
          </Credentials>
          <AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:portcullis</AssumedRoleId><Arn>arn:aws:sts::111122223333:assumed-role/Admin/portcullis</Arn></AssumedRoleUser>
        </AssumeRoleResult>
        <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
      </AssumeRoleResponse>""";

  private AwsProfiles mfaRole() throws Exception {
    return profiles("""
        [profile base]
        region = eu-west-1
        [profile admin]
        role_arn = arn:aws:iam::111122223333:role/Admin
        source_profile = base
        mfa_serial = arn:aws:iam::111122223333:mfa/alice
        """, "[base]\naws_access_key_id = AKIABASEEXAMPLE00001\naws_secret_access_key = " + SECRET + "\n");
  }

  @Test
  void aRoleWithMfaAsksForTheCodeAndAssumesTheRoleWithIt() throws Exception {
    sts.enqueue(new MockResponse.Builder().addHeader("content-type", "text/xml").body(ASSUMED).build());

    Acquisition a = acquire(mfaRole(), "admin", c -> Optional.of("123456"));

    assertThat(sourceOf(a)).isEqualTo("assumed role arn:aws:iam::111122223333:role/Admin with MFA (profile 'admin')");
    assertThat(((Credential.Aws) ((Acquisition.Acquired) a).credential()).identity().accessKeyId()).isEqualTo("ASIAASSUMEDEXAMPLE01");
    assertThat(asked).singleElement().satisfies(c -> {
      assertThat(c.type()).isEqualTo(AwsProfiles.MFA_CHALLENGE);
      assertThat(c.username()).isEqualTo("arn:aws:iam::111122223333:mfa/alice");
      assertThat(c.hint()).isEqualTo("arn:aws:iam::111122223333:role/Admin");
    });
    RecordedRequest call = sts.takeRequest();
    String body = call.getBody().utf8();
    assertThat(body).contains("Action=AssumeRole", "SerialNumber=arn%3Aaws%3Aiam%3A%3A111122223333%3Amfa%2Falice", "TokenCode=123456",
        "RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FAdmin");
    assertThat(call.getHeaders().get("Authorization")).contains("Credential=AKIABASEEXAMPLE00001/");
  }

  @Test
  void noMfaCodeIsASentenceAndNothingGoesToSts() throws Exception {
    Acquisition a = acquire(mfaRole(), "admin", ChallengeHandler.none());

    assertThat(a).isInstanceOfSatisfying(Acquisition.Failed.class, f -> {
      assertThat(f.message()).isEqualTo("caller 'ops': profile 'admin' needs the code of MFA device arn:aws:iam::111122223333:mfa/alice"
          + " and none was given.");
      assertThat(f.fix()).contains("Enter the code when asked");
    });
    assertThat(sts.getRequestCount()).isZero();
  }

  @Test
  void aProfileThatIsNotThereSaysHowToAddIt() throws Exception {
    Acquisition a = acquire(profiles("[profile dev]\n", ""), "prod", ChallengeHandler.none());

    assertThat(a).isInstanceOfSatisfying(Acquisition.Failed.class, f -> assertThat(f.fix()).startsWith("Add profile 'prod' to ~/.aws/config"));
  }
}
