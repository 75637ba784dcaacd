package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code portcullis send} as a curl user types it: method and URL as arguments, -X, -H, -d with @file and @-. */
class SendCurlShapedTest {
  @ParameterizedTest(name = "send {0}")
  @ValueSource(strings = {"/health", "/prod/health", "payments:/health", "pay1local:/health", "http://127.0.0.1:9321/prod/health",
      "http://localhost:9321/prod/health", "https://pay1local.execute-api.us-east-1.amazonaws.com/prod/health"})
  void everyUrlFormReachesTheSameRoute(String url) {
    Cli run = Cli.run("send", url, "--caller", "anonymous");
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("GET http://127.0.0.1:").contains("/prod/health as anonymous").contains("HTTP 200  allowed by integration");
  }

  @Test
  void anExecuteApiUrlSaysWhichGatewayItIsAndThatItGoesToTheLocalOne() {
    Cli run = Cli.run("send", "https://pay1local.execute-api.us-east-1.amazonaws.com/prod/health", "--caller", "anonymous");
    assertThat(run.err()).contains("is gateway 'payments' path /health; sending it to the local gateway (--aws ENV sends it to AWS)");
  }

  @Test
  void theMethodDefaultsToGetIsCaseInsensitiveAndGoesOutUpperCase() {
    Cli lower = Cli.run("send", "get", "/health", "--caller", "anonymous");
    assertThat(lower.exit()).as(lower.err()).isZero();
    assertThat(lower.out()).startsWith("GET http://");
    Cli dashX = Cli.run("send", "-X", "post", "/internal/refresh", "--caller", "refresh-job");
    assertThat(dashX.exit()).as(dashX.out() + dashX.err()).isZero();
    assertThat(dashX.out()).startsWith("POST http://").contains("as refresh-job");
  }

  @Test
  void aRequestLinePastedAsOneArgumentIsItsMethodAndUrl() {
    Cli pasted = Cli.run("send", "POST http://127.0.0.1:9321/prod/internal/refresh", "--caller", "refresh-job");
    assertThat(pasted.exit()).as(pasted.out() + pasted.err()).isZero();
    assertThat(pasted.out()).startsWith("POST http://127.0.0.1:").contains("/prod/internal/refresh as refresh-job");
    Cli fromALog = Cli.run("send", "get /prod/health HTTP/1.1", "--caller", "anonymous");
    assertThat(fromALog.exit()).as(fromALog.out() + fromALog.err()).isZero();
    assertThat(fromALog.out()).startsWith("GET http://").contains("/prod/health as anonymous");
    assertThat(Cli.run("send", "POST /health", "-X", "GET").err()).contains("the method is given twice (POST and -X GET)");
  }

  @Test
  void aBodyFromAFileOrStdinIsSentAsIsAndMakesItAPost(@TempDir Path dir) throws Exception {
    Path body = dir.resolve("body.json");
    Files.writeString(body, "{\"marker\": \"from-the-file-4711\"}");
    Cli fromFile = Cli.run("send", "mobile:/v2/internal/sync", "-d", "@" + body, "--caller", "refresh-job", "-H", "content-type: application/json");
    assertThat(fromFile.exit()).as(fromFile.out() + fromFile.err()).isZero();
    assertThat(fromFile.out()).startsWith("POST http://").contains("from-the-file-4711");
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("{\"marker\": \"from-stdin-0815\"}".getBytes(StandardCharsets.UTF_8)));
      Cli fromStdin = Cli.run("send", "POST", "mobile:/v2/internal/sync", "--data", "@-", "--caller", "refresh-job");
      assertThat(fromStdin.out()).contains("from-stdin-0815");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void theTextShowsTheStatusTheDecidingCheckWhyAndThePrettyBody() {
    Cli denied = Cli.run("send", "POST", "/partners/acme/transactions", "--caller", "globex", "-d", "{\"amount\": 1}");
    assertThat(denied.exit()).isEqualTo(1);
    assertThat(denied.out()).contains("HTTP 403  denied by lambda.policy").contains("why: Denied 403 ACCESS_DENIED by lambda.policy: policy for principal 'globex'")
        .contains("{\n  \"Message\"");
    Cli verbose = Cli.run("send", "POST", "/partners/acme/transactions", "--caller", "globex", "-d", "{}", "-v");
    assertThat(verbose.out()).contains("checks the local gateway made, in order:").contains("lambda.policy  FAILED");
  }

  @Test
  void aBurstSaysHowManyWereLetThroughAndRefused() {
    Cli burst = Cli.run("send", "--request", "transactions: throttled burst");
    assertThat(burst.out()).containsPattern("burst: Sent 400 times from 16 concurrent senders: \\d+ allowed, \\d+ refused");
  }

  @Test
  void theCachedPolicyTrapPassesFromTheCliBecauseItsPostIsSentFirst() {
    Cli trap = Cli.run("send", "--request", "transactions: cached-policy trap");
    assertThat(trap.exit()).as(trap.out() + trap.err()).isZero();
    assertThat(trap.out()).contains("first, as 'transactions: cached-policy trap' depends on it: transactions as initech (POST) -> ")
        .contains("HTTP 403  denied by lambda.cache");
  }

  @Test
  void usageErrorsAreOneLineSayingTheFixThenWhereHelpIs() {
    for (List<String> args : List.of(List.of("send"), List.of("send", "GET", "/health", "-X", "POST"), List.of("send", "/nowhere/at/all"),
        List.of("send", "/health", "--format", "xml"), List.of("send", "/health", "-H", "no colon"),
        List.of("send", "/health", "-d", "@/no/such/body.json"), List.of("send", "G3T", "/health"),
        List.of("send", "--request", "me as bob", "/me"))) {
      Cli run = Cli.run(args.toArray(String[]::new));
      assertThat(run.exit()).as(args.toString()).isEqualTo(2);
      assertThat(run.err().lines().toList()).as(args + ": " + run.err()).hasSize(2);
      assertThat(run.err()).startsWith("portcullis: ").endsWith("  see 'portcullis send --help'\n").doesNotContain("Usage:");
    }
    assertThat(Cli.run("send").err()).contains("give a URL (portcullis send /health) or a saved request with --request NAME");
    assertThat(Cli.run("send", "GET", "/health", "-X", "POST").err()).contains("the method is given twice (GET and -X POST)");
    assertThat(Cli.run("send", "/nowhere/at/all").err()).contains("say which gateway with API:/path");
  }
}
