package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.run.CurlReproduction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portcullis curl}: the printed command is run by the real curl against {@code gateway serve}
 * (on a copy of the demo moved to free ports), with the demo's local keys for refresh-job in the
 * environment, and must be let in.
 */
class CurlCommandTest {
  @Test
  void curlWithAwsSigv4ReproducesTheIamRequestAndGetsIn(@TempDir Path dir) throws Exception {
    Path workspace = demoOnFreePorts(dir);
    whileServing(workspace, served -> {
      Cli curl = Cli.run("curl", "--request", "refresh as refresh-job", "--workspace", workspace.toString());
      assertThat(curl.exit()).as(curl.err()).isZero();
      assertThat(curl.out()).contains("--aws-sigv4 'aws:amz:us-east-1:execute-api'")
          .contains("--user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\"").doesNotContain("localonly")
          .contains("-H \"x-amz-security-token: $AWS_SESSION_TOKEN\"")
          .contains("# export the caller's AWS credentials: eval \"$(./portcullis token get --caller refresh-job)\"");
      String command = curl.out().lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n").strip();
      String session = "localonly-session/refresh-job/refresh-handler/0000000000000000";
      assertThat(runCurl(command, "ASIALOCALREFRESHJOB1", "localonly/refreshjob/0000000000000000000000", session)).isEqualTo("200");
      assertThat(runCurl(command, "ASIALOCALREFRESHJOB1", "localonly/refreshjob/wrong-secret-00000000000", session)).isEqualTo("403");
      assertThat(runCurl(command, "ASIALOCALREFRESHJOB1", "localonly/refreshjob/0000000000000000000000", "another-session"))
          .as("the role session's token is checked (spec §5)").isEqualTo("403");
    });
  }

  @Test
  void printingAPostAsCurlSendsNothingToTheServedGateway(@TempDir Path dir) throws Exception {
    Path workspace = demoOnFreePorts(dir);
    whileServing(workspace, served -> {
      Cli curl = Cli.run("curl", "--request", "transactions: throttled burst", "--workspace", workspace.toString());
      assertThat(curl.exit()).as(curl.err()).isZero();
      assertThat(curl.out()).contains("-X POST").contains("/partners/acme/transactions");
      assertThat(rulingLines(served)).as("the gateway's one line per ruling").isEmpty();

      Cli send = Cli.run("send", "--request", "transactions as acme", "--workspace", workspace.toString());
      assertThat(send.exit()).as(send.err()).isZero();
      assertThat(rulingLines(served)).as("a real send is heard").singleElement().asString().contains("POST");
    });
  }

  /** What a test does while {@code gateway serve} runs on {@code workspace}, given what it prints. */
  private interface WhileServing {
    void run(StringWriter served) throws Exception;
  }

  private static void whileServing(Path workspace, WhileServing body) throws Exception {
    StringWriter served = new StringWriter();
    CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> PortcullisCommand.run(new PrintWriter(served, true),
        new PrintWriter(new StringWriter(), true), "gateway", "serve", "--workspace", workspace.toString()));
    try {
      awaitReady(served, serve);
      body.run(served);
    } finally {
      GatewayCommand.Serve.stop.countDown();
      serve.get(10, TimeUnit.SECONDS);
    }
  }

  /** What {@code gateway serve} printed after "ready": its ruling lines. */
  private static java.util.List<String> rulingLines(StringWriter served) {
    return served.toString().lines().dropWhile(l -> !l.equals("ready")).skip(1).toList();
  }

  @Test
  void bearerTokensAndApiKeysAreVariablesWithAHintOnHowToSetThem() {
    Cli bob = Cli.run("curl", "--request", "me as bob");
    assertThat(bob.out()).contains("-H \"Authorization: $PORTCULLIS_TOKEN\"")
        .contains("# export PORTCULLIS_TOKEN=$(./portcullis token get --caller bob)").doesNotContain("eyJ");
    Cli acme = Cli.run("curl", "--request", "transactions as acme");
    assertThat(acme.out()).contains("-H \"x-api-key: $PORTCULLIS_API_KEY\"").contains("--data-binary '{\"amount\": 1250, \"currency\": \"EUR\"}'")
        .doesNotContain("local-acme-3f9a");
  }

  @Test
  void curlsSignerIsFlaggedForUnsortedQueriesAndEncodedPaths() {
    assertThat(CurlReproduction.curlSignerDiffers(URI.create("http://h/prod/internal/refresh"))).isFalse();
    assertThat(CurlReproduction.curlSignerDiffers(URI.create("http://h/prod/x?a=1&b=2"))).isFalse();
    assertThat(CurlReproduction.curlSignerDiffers(URI.create("http://h/prod/x?b=1&a=2"))).isTrue();
    assertThat(CurlReproduction.curlSignerDiffers(URI.create("http://h/prod/a%20b"))).isTrue();
  }

  private static String runCurl(String command, String keyId, String secret, String sessionToken) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command + " -o /dev/null -w '%{http_code}'");
    pb.environment().put("AWS_ACCESS_KEY_ID", keyId);
    pb.environment().put("AWS_SECRET_ACCESS_KEY", secret);
    pb.environment().put("AWS_SESSION_TOKEN", sessionToken);
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static void awaitReady(StringWriter served, CompletableFuture<Integer> serve) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!served.toString().contains("ready") && System.nanoTime() < deadline && !serve.isDone()) {
      Thread.sleep(50);
    }
    assertThat(served.toString()).contains("ready");
  }

  /** The demo with its identity providers and gateways on free ports, so the test never collides with a running gateway. */
  private static Path demoOnFreePorts(Path dir) throws IOException {
    String json = Files.readString(Path.of(System.getProperty("portcullis.root", "."), "profiles", "payments-demo.json"));
    for (int port = 9320; port <= 9323; port++) {
      json = json.replace(String.valueOf(port), String.valueOf(freePort()));
    }
    Path file = dir.resolve("demo.json");
    Files.writeString(file, json);
    return file;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
