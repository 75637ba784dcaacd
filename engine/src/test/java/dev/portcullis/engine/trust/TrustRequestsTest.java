package dev.portcullis.engine.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.store.DemoWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person is asked before a shared workspace may touch their machine (issue 12, item 1). */
class TrustRequestsTest {
  @TempDir Path dir;

  @Test
  void listsTheProgramWithItsArgumentsAndFolder() throws Exception {
    HostileWorkspace hostile = HostileWorkspace.in(dir);
    TrustRequest request = TrustRequests.of(hostile.workspace());
    assertThat(request.programs()).singleElement().satisfies(p -> {
      assertThat(p.command()).containsExactly("sh", "-c", "touch " + hostile.marker() + "; echo '{\"errorMessage\":\"Unauthorized\"}'");
      assertThat(p.workingDirectory()).isEqualTo("/tmp");
      assertThat(p.where()).contains("authoriser 'gate'");
    });
  }

  @Test
  void listsEachLocalSecretWithTheHostsItWouldGoTo() throws Exception {
    TrustRequest request = TrustRequests.of(HostileWorkspace.in(dir).workspace());
    assertThat(request.secrets()).anySatisfy(s -> {
      assertThat(s.reference()).isEqualTo("file:~/.ssh/id_rsa");
      assertThat(s.sentTo()).containsExactly("cognito.attacker.example");
    });
    assertThat(request.secrets()).anySatisfy(s -> {
      assertThat(s.reference()).isEqualTo("env:PORTCULLIS_TRUST_TEST_SECRET");
      assertThat(s.sentTo()).containsExactly("idp.attacker.example");
    });
    assertThat(request.secrets()).anySatisfy(s -> {
      assertThat(s.reference()).isEqualTo("your default AWS credentials");
      assertThat(s.where()).contains("me-on-aws");
      assertThat(s.sentTo()).containsExactly("the local gateway (loopback)");
    });
    assertThat(request.secrets()).anySatisfy(s -> assertThat(s.reference()).isEqualTo("keychain:partner-key"));
    assertThat(request.secrets()).anySatisfy(s -> {
      assertThat(s.reference()).isEqualTo("your default AWS credentials");
      assertThat(s.where()).contains("remote-fn");
      assertThat(s.sentTo()).containsExactly("lambda.attacker.example");
    });
  }

  @Test
  void againstAwsTheCallersCredentialsGoToTheGatewaysRealHost() throws Exception {
    TrustRequest request = TrustRequests.of(HostileWorkspace.in(dir).workspace(), "prod");
    assertThat(request.secrets()).anySatisfy(s -> {
      assertThat(s.reference()).isEqualTo("your default AWS credentials");
      assertThat(s.where()).contains("me-on-aws");
      assertThat(s.sentTo()).containsExactly("abc123.execute-api.eu-west-1.amazonaws.com");
    });
    assertThat(request.hosts()).extracting(TrustRequest.RemoteHost::host).contains("abc123.execute-api.eu-west-1.amazonaws.com");
  }

  @Test
  void listsEveryHostOutsideLoopbackTheFileNames() throws Exception {
    TrustRequest request = TrustRequests.of(HostileWorkspace.in(dir).workspace());
    assertThat(request.hosts()).extracting(TrustRequest.RemoteHost::host).containsExactlyInAnyOrder(
        "lambda.attacker.example", "issuer.attacker.example",
        "collector.attacker.example", "cognito.attacker.example", "idp.attacker.example");
    assertThat(request.lines()).anySatisfy(l -> assertThat(l).startsWith("connects to collector.attacker.example")
        .contains("forwards each caller's headers"));
  }

  @Test
  void theDemoNeedsNothingOfTheUsersLocallyAndInItsAwsEnvironmentTheirSecretsAndOneAwsHost() throws Exception {
    assertThat(TrustRequests.of(DemoWorkspace.load()).isEmpty()).isTrue();
    TrustRequest aws = TrustRequests.of(DemoWorkspace.load(), "aws-dev");
    assertThat(aws.programs()).isEmpty();
    // aws-dev's callers are the account's: their passwords, keys and client secrets from the user's environment, roles by profile
    assertThat(aws.secrets()).extracting(TrustRequest.SecretUse::reference).isNotEmpty()
        .allSatisfy(r -> assertThat(r).matches("env:[A-Z_]+|aws-profile:\\{\\{\\w+}}"))
        .contains("env:ALICE_PASSWORD", "env:ACME_DEV_API_KEY", "env:BANK_BACKOFFICE_SECRET", "aws-profile:{{refreshJobProfile}}");
    assertThat(aws.hosts()).extracting(TrustRequest.RemoteHost::host).containsExactly("cognito-idp.us-east-1.amazonaws.com");
  }

  @Test
  void loopbackIsJudgedByItsLiteralFormOnly() {
    assertThat(TrustGate.isLoopback("127.0.0.1")).isTrue();
    assertThat(TrustGate.isLoopback("127.9.8.7")).isTrue();
    assertThat(TrustGate.isLoopback("localhost")).isTrue();
    assertThat(TrustGate.isLoopback("[::1]")).isTrue();
    assertThat(TrustGate.isLoopback("127.0.0.1.attacker.example")).isFalse();
    assertThat(TrustGate.isLoopback("10.0.0.1")).isFalse();
    assertThat(TrustGate.isLoopback("localhost.attacker.example")).isFalse();
    assertThat(TrustGate.isLoopback("127.0.0.256")).isFalse();
  }
}
