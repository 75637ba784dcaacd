package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.importer.ImportException;
import dev.portcullis.engine.importer.live.LiveDrift;
import dev.portcullis.engine.importer.live.LiveImporter;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.AwsStandIn;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * With read access to the account, the trace shows the deployed authorisation beside the workspace's:
 * the live importer's reader against a stand-in control plane (AWS's documented shapes, import-facts
 * §5) where partner-gate's TTL is 0, while the requests go to the API Gateway stand-in.
 */
class LiveDriftTraceTest {
  private static final String API = "a1b2c3d4e5";
  private HttpServer controlPlane;
  private final AtomicInteger reads = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    controlPlane = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    controlPlane.createContext("/", this::answer);
    controlPlane.start();
  }

  @AfterEach
  void stop() {
    controlPlane.stop(0);
  }

  private void answer(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String body = switch (path) {
      case "/restapis/" + API -> "{\"id\":\"" + API + "\",\"name\":\"payments\",\"apiKeySource\":\"HEADER\"}";
      case "/restapis/" + API + "/authorizers" -> {
        reads.incrementAndGet();
        yield """
            {"item":[{"id":"c1","name":"mobile-users","type":"COGNITO_USER_POOLS","identitySource":"method.request.header.Authorization",
                      "providerARNs":["arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_Local01"]},
                     {"id":"l1","name":"partner-gate","type":"REQUEST","identitySource":"method.request.header.x-api-key",
                      "authorizerResultTtlInSeconds":0,"authorizerUri":"arn:aws:lambda:partner-gate"}]}""";
      }
      case "/restapis/" + API + "/resources" -> """
          {"item":[{"id":"r0","path":"/"},
            {"id":"r1","parentId":"r0","path":"/me","pathPart":"me","resourceMethods":{"GET":{"httpMethod":"GET","authorizationType":"COGNITO_USER_POOLS","authorizerId":"c1","authorizationScopes":["profile.read"],"apiKeyRequired":false}}},
            {"id":"r2","parentId":"r0","path":"/partners/{id}/transactions","pathPart":"transactions","resourceMethods":{
               "POST":{"httpMethod":"POST","authorizationType":"CUSTOM","authorizerId":"l1","apiKeyRequired":true},
               "GET":{"httpMethod":"GET","authorizationType":"CUSTOM","authorizerId":"l1","apiKeyRequired":true}}},
            {"id":"r3","parentId":"r0","path":"/internal/refresh","pathPart":"refresh","resourceMethods":{"POST":{"httpMethod":"POST","authorizationType":"AWS_IAM","apiKeyRequired":false}}},
            {"id":"r4","parentId":"r0","path":"/health","pathPart":"health","resourceMethods":{"GET":{"httpMethod":"GET","authorizationType":"NONE","apiKeyRequired":false}}}]}""";
      case "/restapis/" + API + "/stages" -> "{\"item\":[{\"stageName\":\"prod\",\"variables\":{}}]}";
      case "/usageplans" -> "{\"item\":[]}";
      default -> null;
    };
    byte[] bytes = (body == null ? "{\"message\":\"no stub for " + path + "\"}" : body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    if (body == null) {
      ex.getResponseHeaders().add("x-amzn-ErrorType", "NotFoundException");
    }
    ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private LiveConfiguration live() {
    LiveDrift drift = LiveDrift.create(LiveImporter.create(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "stub")),
        URI.create("http://127.0.0.1:" + controlPlane.getAddress().getPort())));
    return (gateway, url) -> {
      try {
        return drift.differences(gateway, url);
      } catch (ImportException e) {
        return List.of("The deployed configuration could not be read: " + e.getMessage());
      }
    };
  }

  @Test
  void theTraceShowsTheDeployedTtlBesideTheWorkspacesAndReadsTheAccountOnce() throws Exception {
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    try (AwsStandIn aws = AwsStandIn.start(demo, Clock.systemUTC(), Map.of("payments", API, "b2b", "abc123", "mobile", "m0b1le0001"));
        Session session = Session.remote(aws.fillIn(demo, "aws-dev"), "aws-dev").network(aws.network()).live(live())
            .machine(aws.machine()).build()) {
      Trace first = session.run(demo.request("transactions as acme").orElseThrow(), null, ChallengeHandler.none());
      Trace second = session.run(demo.request("health (no auth)").orElseThrow(), null, ChallengeHandler.none());

      for (Trace t : List.of(first, second)) {
        Step.Ruling ruling = (Step.Ruling) t.step(Step.Kind.RULING).orElseThrow();
        assertThat(ruling.details()).filteredOn(d -> d instanceof Detail.Table table && table.label().startsWith("deployed configuration"))
            .singleElement().satisfies(d -> assertThat(((Detail.Table) d).rows()).extracting(Detail.Row::key)
                .containsExactly("authoriser partner-gate: the workspace says TTL 300; AWS says 0"));
      }
      assertThat(reads.get()).as("the control plane is read once per gateway and session").isEqualTo(1);
    }
  }
}
