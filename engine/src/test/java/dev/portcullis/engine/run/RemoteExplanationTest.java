package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.export.TraceExport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 401 from "AWS" (a server answering as an HTTP API's JWT authoriser does, spec/apigw-facts.md §1.3)
 * to a token with 54 minutes left: the trace quotes the answer, names the request id to look up,
 * and ranks expiry last because the inspected token contradicts it.
 */
class RemoteExplanationTest {
  private static final Instant NOW = Instant.parse("2026-12-01T23:00:00Z");
  private final MockWebServer aws = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    aws.start();
  }

  @AfterEach
  void stop() {
    aws.close();
  }

  private static String jwt(Instant exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
    String claims = b64.encodeToString(("{\"sub\":\"alice\",\"iss\":\"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Real01\","
        + "\"client_id\":\"5mobileappclientlocal01\",\"token_use\":\"access\",\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + "." + b64.encodeToString("not-a-real-signature".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theRulingQuotesTheAnswerAndSaysTheTokenContradictsExpiry() throws Exception {
    aws.enqueue(new MockResponse.Builder().code(401).addHeader("www-authenticate",
            "Bearer error=\"invalid_token\" error_description=\"the token has expired\"")
        .addHeader("apigw-requestid", "Yx1abcDEFghi0ww=").addHeader("Content-Type", "application/json")
        .body("{\"message\":\"Unauthorized\"}").build());
    Workspace demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    List<Gateway> gateways = demo.gateways().stream().map(g -> g.newBuilder().baseUrl(aws.url("/").toString()).build()).toList();
    List<Caller> callers = new ArrayList<>(demo.callers());
    String token = jwt(NOW.plusSeconds(54 * 60 + 30));
    callers.add(new Caller.CustomToken("pasted", null, SecretRef.parse(token), "Authorization", "Bearer "));
    Workspace ws = demo.newBuilder().gateways(gateways).callers(callers).build();
    SavedRequest me = new SavedRequest("v2 me pasted", null, null, "mobile", "GET", "/v2/me", null, null, null, "pasted", null, null, null);

    Session session = Session.remote(ws, null).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    Trace trace = session.run(me, null, ChallengeHandler.none());

    Step.Ruling ruling = (Step.Ruling) trace.step(Step.Kind.RULING).orElseThrow();
    assertThat(ruling.summary()).contains("error_description \"the token has expired\"");
    assertThat(ruling.explanation().causes().getFirst().cause()).doesNotContainIgnoringCase("expired");
    assertThat(ruling.explanation().causes().getLast().cause()).startsWith("Unlikely").contains("54 min left");
    assertThat(ruling.details()).anySatisfy(d -> assertThat(d).isInstanceOfSatisfying(Detail.Table.class, t -> {
      assertThat(t.label()).isEqualTo("what the answer says");
      assertThat(t.rows()).extracting(Detail.Row::key).containsExactly("www-authenticate", "error_description", "message", "request id");
    }));
    assertThat(ruling.details()).anySatisfy(d -> assertThat(d).isInstanceOfSatisfying(Detail.Text.class,
        t -> assertThat(t.text()).contains("Yx1abcDEFghi0ww=", "CloudWatch Logs")));
    String markdown = TraceExport.create(session.masking()).toMarkdown(trace);
    assertThat(markdown).contains("What the answer says", "the token has expired", "Yx1abcDEFghi0ww=").doesNotContain(token);
  }
}
