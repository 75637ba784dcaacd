package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.SessionModel;
import dev.portcullis.app.ui.request.RequestEditorViewModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --aws ENV}: the demo's aws-dev says what to fill in; a baseUrl needs no environments entry; errors never list nothing. */
class AwsEnvironmentCommandTest {

  @Test
  void theDemosAwsDevSaysExactlyWhatToFillIn() {
    Cli run = Cli.run("send", "--request", "health (no auth)", "--aws", "aws-dev");

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("Environment 'aws-dev' is an example still to be completed for your AWS account: ")
        .contains("set paymentsApiId to the id of your payments REST API in us-east-1 (aws apigateway get-rest-apis --region us-east-1 lists it")
        .doesNotContain("mobilePoolId").doesNotContain("has no baseUrl").doesNotContain("fill in:");
    Cli bob = Cli.run("send", "--request", "me as bob", "--aws", "aws-dev");
    assertThat(bob.out()).contains("set mobileClientId to ").contains("set mobilePoolId to the id of your mobile users' Cognito user pool")
        .contains("set paymentsApiId to ");
  }

  /** {@code token get --aws ENV}: the credential for AWS, from the environment's callers, never the local world's. */
  @Test
  void tokenGetOnAwsSaysWhatToFillInAndReadsTheProfileTheEnvironmentNames(@TempDir Path dir) throws Exception {
    Cli bob = Cli.run("token", "get", "--caller", "bob", "--aws", "aws-dev");
    assertThat(bob.exit()).isNotZero();
    assertThat(bob.err()).contains("caller 'bob' userPoolId is an example still to be completed: set mobilePoolId to ")
        .doesNotContain("caller 'bob': caller 'bob'").doesNotContain("\tat ");
    assertThat(bob.out()).isEmpty();

    Cli acme = Cli.run("token", "get", "--caller", "acme", "--aws", "aws-dev");
    assertThat(acme.err()).contains("env:ACME_DEV_API_KEY is not set");
    assertThat(acme.out()).doesNotContain("local-acme");

    // aws-dev's refresh-job signs with an AWS profile: give it one, in files the SDK reads as the AWS CLI does
    dev.portcullis.engine.model.Workspace demo = dev.portcullis.engine.store.DemoWorkspace.load();
    java.util.List<dev.portcullis.engine.model.Environment> envs = demo.environments().stream().map(e -> {
      java.util.Map<String, String> vars = new java.util.HashMap<>(e.variables());
      vars.put("refreshJobProfile", "refresh-test");
      return new dev.portcullis.engine.model.Environment(e.name(), vars, e.callers());
    }).toList();
    Path ws = dir.resolve("filled.json");
    dev.portcullis.engine.store.WorkspaceStore.create(java.time.Clock.systemUTC()).save(demo.newBuilder().environments(envs).build(), ws);
    Path credentials = java.nio.file.Files.writeString(dir.resolve("credentials"), "[refresh-test]\n"
        + "aws_access_key_id = ASIATESTREFRESHJOB99\naws_secret_access_key = test/secret/not-real\naws_session_token = test-session-token\n");
    Path config = java.nio.file.Files.writeString(dir.resolve("config"), "[profile refresh-test]\nregion = us-east-1\n");
    String oldCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    String oldConfig = System.setProperty("aws.configFile", config.toString());
    try {
      Cli job = Cli.run("token", "get", "--workspace", ws.toString(), "--trust", "--caller", "refresh-job", "--aws", "aws-dev");

      assertThat(job.exit()).as(job.err()).isZero();
      assertThat(job.out()).contains("export AWS_ACCESS_KEY_ID='ASIATESTREFRESHJOB99'")
          .contains("export AWS_SECRET_ACCESS_KEY='test/secret/not-real'").contains("export AWS_SESSION_TOKEN='test-session-token'")
          .doesNotContain("ASIALOCALREFRESHJOB1");
    } finally {
      restore("aws.sharedCredentialsFile", oldCredentials);
      restore("aws.configFile", oldConfig);
    }
  }

  private static void restore(String property, String old) {
    if (old == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, old);
    }
  }

  @Test
  void liveDriftNeedsAnAwsRunToSitBeside() {
    Cli run = Cli.run("send", "--request", "health (no auth)", "--live", "dev");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--live reads the deployed API beside an AWS run: add --aws ENV");
  }

  @Test
  void awsProdWorksWhereAGatewayHasABaseUrlWithoutAnEnvironmentsEntry(@TempDir Path dir) throws Exception {
    String host = "q1w2e3r4t5.execute-api.us-east-1.amazonaws.com.invalid";
    Path ws = Cli.demoCopy(dir, g -> g.newBuilder().baseUrl("https://" + host + "/" + g.stage()).build());

    Cli run = Cli.run("send", "--workspace", ws.toString(), "--trust", "--request", "health (no auth)", "--aws", "prod");

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("has no environment 'prod' (it has aws-dev); calling the gateways' baseUrl with the workspace's own variables");
    assertThat(run.out()).contains("DNS failed: the host " + host); // it went to the baseUrl (no real network: .invalid)
  }

  @Test
  void withNoBaseUrlAnywhereTheErrorSaysWhatToSetAndNeverListsNothing(@TempDir Path dir) throws Exception {
    Path ws = Cli.demoCopy(dir, g -> g.newBuilder().baseUrl(null).build());
    Cli run = Cli.run("matrix", "--workspace", ws.toString(), "--trust", "--aws", "prod");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--aws prod: no gateway of workspace payments-demo has a baseUrl")
        .contains("execute-api").doesNotContain("[]").doesNotContain("\tat ");
  }

  @Test
  void theTargetPickerTellsTheEmbeddedGatewayFromAnEnvironmentNamedLocal() {
    assertThat(RequestEditorViewModel.targetLabel(SessionModel.LOCAL)).isEqualTo("Local gateway");
    assertThat(RequestEditorViewModel.targetLabel("local")).isEqualTo("local · real AWS");
    assertThat(RequestEditorViewModel.targetLabel("aws-dev")).isEqualTo("aws-dev · real AWS");
  }

  /** A stand-in answering as an HTTP API's JWT authoriser does on a refused token (spec/apigw-facts.md §1.3). */
  @Test
  void sendQuotesTheAnswerAndSaysWhereToLookUpTheRequestId(@TempDir Path dir) throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "{\"message\":\"Unauthorized\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("www-authenticate", "Bearer error=\"invalid_token\" error_description=\"the token has expired\"");
      exchange.getResponseHeaders().add("apigw-requestid", "Yx1abcDEFghi0ww=");
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      dev.portcullis.engine.model.Workspace demo = dev.portcullis.engine.store.DemoWorkspace.load();
      java.util.List<dev.portcullis.engine.model.Caller> callers = new java.util.ArrayList<>(demo.callers());
      java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
      long exp = java.time.Instant.now().plusSeconds(54 * 60 + 30).getEpochSecond();
      String token = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes()) + "."
          + b64.encodeToString(("{\"sub\":\"alice\",\"exp\":" + exp + "}").getBytes()) + "." + b64.encodeToString("sig".getBytes());
      callers.add(new dev.portcullis.engine.model.Caller.CustomToken("pasted", null,
          dev.portcullis.engine.model.SecretRef.parse(token), null, null));
      Path file = dir.resolve("stand-in.json");
      dev.portcullis.engine.store.WorkspaceStore.create(java.time.Clock.systemUTC()).save(demo.newBuilder().callers(callers)
          .gateways(demo.gateways().stream().map(g -> g.newBuilder().baseUrl(base).build()).toList()).build(), file);

      Cli run = Cli.run("send", "--workspace", file.toString(), "--method", "GET", "--url", "mobile:/v2/me", "--caller", "pasted",
          "--aws", "stand-in");

      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      assertThat(run.out()).contains("AWS says: www-authenticate error_description \"the token has expired\"")
          .contains("The inspected token contradicts expiry: the token sent had 54 min left")
          .contains("Search CloudWatch Logs for request id Yx1abcDEFghi0ww=").doesNotContain(token);
    } finally {
      server.stop(0);
    }
  }
}
