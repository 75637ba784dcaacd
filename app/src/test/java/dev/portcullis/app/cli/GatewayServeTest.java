package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GatewayServeTest {
  @Test
  void servesTheDemoPrintsEachApiThenReadyAndLogsOneLinePerRuling() throws Exception {
    StringWriter out = new StringWriter();
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() ->
        PortcullisCommand.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "gateway", "serve", "--free-ports"));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!out.toString().contains("ready") && System.nanoTime() < deadline && !run.isDone()) {
      Thread.sleep(50);
    }
    assertThat(out.toString()).contains("ready");
    String payments = out.toString().lines().filter(l -> l.startsWith("payments REST ")).findFirst().orElseThrow();
    URI base = URI.create(payments.substring("payments REST ".length()));

    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + "/nope")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(out.toString()).contains("b2b HTTP http://127.0.0.1:").contains("cognito us-east-1_Local01 http://127.0.0.1:")
        .contains("oidc bank http://127.0.0.1:");
    deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!out.toString().contains("GET /prod/nope -> DENY  403 route") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(out.toString()).contains("payments GET /prod/nope -> DENY  403 route");
    GatewayCommand.Serve.stop.countDown();
    assertThat(run.get()).isZero();
  }

  @Test
  void aFaultOfTheLocalGatewayIsPrintedWithWhatFailed() throws Exception {
    var demo = dev.portcullis.engine.store.DemoWorkspace.load();
    var gateway = demo.gateways().getFirst();
    var request = new dev.portcullis.engine.http.IncomingRequest("GET", "/prod/health", null, null, null, null, java.time.Instant.EPOCH);
    var ruling = dev.portcullis.engine.rules.Pipeline.builder(demo).build()
        .fault(request, gateway, new IllegalStateException("the integration table is empty"));

    String line = RulingLines.line(ruling);

    assertThat(line).contains("DENY  500 gateway.fault: ").contains("IllegalStateException: the integration table is empty");
  }
}
