package dev.portcullis.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.store.DemoWorkspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tool that explains 500s explains its own: a fault of the local gateway is a ruling that says what failed. */
class GatewayFaultTest {
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJlc2lnbmF0dXJl";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Ruling> live = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private LocalGateway gateway;

  @BeforeEach
  void start() throws Exception {
    Workspace demo = LocalWorld.withFreePorts(DemoWorkspace.load());
    Clock clock = Clock.systemUTC();
    Pipeline pipeline = Pipeline.builder(demo).clock(clock).integrations((integration, request, match, event) -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("integration broke while holding " + JWT);
      }
      return new dev.portcullis.engine.rules.IntegrationRunner.Response(200, java.util.Map.of(), "{\"status\":\"ok\"}", "test");
    }).build();
    gateway = LocalGateway.create(demo, pipeline, clock);
    gateway.start();
    gateway.onRuling(live::add);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void aFaultIsA500RulingWhoseFailedCheckCarriesTheMaskedMessageAndTheGatewayKeepsServing() throws Exception {
    HttpResponse<String> answer = get("/health");

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(live).hasSize(1);
    Ruling ruling = live.getFirst();
    assertThat(ruling.decidedBy()).isEqualTo(Pipeline.FAULT_CHECK);
    Ruling.Check failed = ruling.checks().getLast();
    assertThat(failed.passed()).isFalse();
    assertThat(failed.evidence()).contains("IllegalStateException: integration broke while holding")
        .doesNotContain(JWT);
    assertThat(gateway.rulings(ruling.requestId())).contains(ruling);

    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aFailingListenerCostsNeitherTheAnswerNorTheOtherListeners() throws Exception {
    List<Ruling> second = new CopyOnWriteArrayList<>();
    gateway.onRuling(r -> {
      throw new IllegalStateException("a closed view");
    });
    gateway.onRuling(second::add);
    calls.set(1);

    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(second).hasSize(2);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port("payments") + "/prod" + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
