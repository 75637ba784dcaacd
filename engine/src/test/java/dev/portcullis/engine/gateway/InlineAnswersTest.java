package dev.portcullis.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Integration;
import dev.portcullis.engine.model.LambdaFunction;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.store.DemoWorkspace;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Which gateways are answered on the I/O thread (issue 19): only those whose every decision is made
 * in memory. A gateway that may wait on a network, a worker or a command must never be, or one slow
 * integration would stall every connection of that thread.
 */
class InlineAnswersTest {
  @Test
  void theDemosGatewaysDecideInMemoryWithTheLocalIssuersKeysServedInProcess() throws Exception {
    try (LocalWorld world = LocalWorld.start(DemoWorkspace.load(), Clock.systemUTC(), true, line -> { })) {
      Pipeline pipeline = world.gateway().pipeline();
      Map<String, Boolean> mayBlock = DemoWorkspace.load().gateways().stream()
          .collect(Collectors.toMap(Gateway::name, pipeline::mayBlock));
      assertThat(mayBlock).as("b2b: JWT from the local bank issuer; payments: IAM, Cognito, rules; mobile: Cognito")
          .containsEntry("b2b", false).containsEntry("payments", false);
    }
  }

  @Test
  void aGatewayWithAnHttpIntegrationAFunctionOrARemoteIssuerMayBlock() throws Exception {
    Workspace demo = DemoWorkspace.load();
    Gateway b2b = demo.gateway("b2b").orElseThrow();
    Pipeline pipeline = Pipeline.builder(demo).build();
    assertThat(pipeline.mayBlock(b2b)).as("without the local world, the bank issuer's keys come over HTTP").isTrue();

    try (LocalWorld world = LocalWorld.start(demo, Clock.systemUTC(), true, line -> { })) {
      Pipeline local = world.gateway().pipeline();
      Gateway payments = demo.gateway("payments").orElseThrow();
      Route first = payments.routes().getFirst();
      Route proxied = new Route(first.method(), first.path(), first.authorization(), first.authorizer(), first.scopes(),
          first.apiKeyRequired(), new Integration.Http("http://127.0.0.1:9/x"), first.throttle());
      Gateway withProxy = payments.newBuilder().routes(List.of(proxied)).build();
      assertThat(local.mayBlock(withProxy)).as("an HTTP integration waits on the network").isTrue();

      var command = new dev.portcullis.engine.model.Authorizer.Lambda("cmd", null, List.of("method.request.header.X"), null, 0,
          null, false, new LambdaFunction.Command(List.of("true"), null, 1000));
      Gateway withCommand = payments.newBuilder().authorizers(List.of(command)).build();
      assertThat(local.mayBlock(withCommand)).as("a command authoriser is a process").isTrue();

      var remote = new dev.portcullis.engine.model.Authorizer.Jwt("remote", "https://issuer.example.com", List.of("aud"), null);
      Gateway withRemote = b2b.newBuilder().authorizers(List.of(remote)).build();
      assertThat(local.mayBlock(withRemote)).as("a remote issuer's keys are fetched over HTTP").isTrue();
    }
  }
}
