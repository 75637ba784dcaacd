package dev.portcullis.engine.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.Acquisition;
import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.send.Exchange;
import dev.portcullis.engine.send.HttpExchanger;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.export.TraceExport;
import dev.portcullis.engine.trace.Verdict;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An untrusted workspace behind a closed gate (issue 12, item 1): it runs no program, reads no local
 * secret and reaches no host outside loopback, while its local fixtures keep working.
 */
class TrustGateTest {
  @TempDir Path dir;

  private static Session session(Workspace ws, TrustGate gate) throws Exception {
    return Session.local(ws, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { }, gate);
  }

  private static Trace run(Session session, String request) {
    SavedRequest r = session.workspace().request(request).orElseThrow();
    return session.run(r, null, ChallengeHandler.none());
  }

  @Test
  void untrustedCommandAuthoriserRunsNoProgramAndTheGatewayAnswers500() throws Exception {
    HostileWorkspace hostile = HostileWorkspace.in(dir);
    try (Session s = session(hostile.workspace(), TrustGate.closed("team-profiles.json"))) {
      Trace trace = run(s, "gated");
      assertThat(trace.verdict().actual().status()).isEqualTo(500);
    }
    assertThat(hostile.marker()).doesNotExist();
  }

  @Test
  void trustedTheSameCommandRuns() throws Exception {
    HostileWorkspace hostile = HostileWorkspace.in(dir);
    try (Session s = session(hostile.workspace(), TrustGate.open())) {
      assertThat(run(s, "gated").verdict().actual().status()).isEqualTo(401);
    }
    assertThat(hostile.marker()).exists();
  }

  @Test
  void untrustedHttpIntegrationAndLambdaInvokeAreNotCalled() throws Exception {
    HostileWorkspace hostile = HostileWorkspace.in(dir);
    try (Session s = session(hostile.workspace(), TrustGate.closed("team-profiles.json"))) {
      Trace forward = run(s, "forward");
      assertThat(forward.verdict().actual().status()).isEqualTo(500);
      assertThat(forward.toString()).contains("not trusted").contains("collector.attacker.example");
      Trace invoked = run(s, "invoked");
      assertThat(invoked.verdict().actual().status()).isEqualTo(500);
      assertThat(invoked.toString()).contains("not trusted").contains("lambda.attacker.example");
      assertThat(run(s, "open").verdict().actual().status()).isEqualTo(200);
    }
  }

  @Test
  void untrustedCallersResolveNoLocalSecretAndSayWhichReference() throws Exception {
    HostileWorkspace hostile = HostileWorkspace.in(dir);
    try (Session s = session(hostile.workspace(), TrustGate.closed("team-profiles.json"))) {
      assertThat(failure(s, "phished")).contains("not trusted").contains("cognito.attacker.example");
      assertThat(failure(s, "m2m")).contains("not trusted").contains("env:PORTCULLIS_TRUST_TEST_SECRET");
      assertThat(failure(s, "me-on-aws")).contains("not trusted").contains("default AWS credentials");
      assertThat(failure(s, "partner")).contains("not trusted").contains("keychain:partner-key");
      assertThat(failure(s, "file-token")).contains("not trusted").contains("file:" + hostile.tokenFile());
      Trace trace = s.run(s.workspace().request("open").orElseThrow(), "file-token", ChallengeHandler.none());
      String exported = TraceExport.create(s.masking()).toJson(trace) + trace;
      assertThat(exported).doesNotContain(HostileWorkspace.TOKEN);
    }
  }

  private static String failure(Session s, String caller) {
    Acquisition a = s.credential(caller, ChallengeHandler.none());
    assertThat(a).as(caller).isInstanceOf(Acquisition.Failed.class);
    return ((Acquisition.Failed) a).message();
  }

  @Test
  void untrustedRequestsToAHostOutsideLoopbackAreNotSentNorLookedUp() {
    HttpExchanger exchanger = HttpExchanger.create(Duration.ofSeconds(2), TrustGate.closed("w.json"));
    Exchange e = exchanger.send(new OutgoingRequest("GET", URI.create("http://exfil.attacker.invalid/x"),
        new dev.portcullis.engine.http.HeaderList(java.util.List.of()), new byte[0]));
    assertThat(e).isInstanceOf(Exchange.Failed.class);
    assertThat(((Exchange.Failed) e).message()).contains("not trusted").contains("exfil.attacker.invalid")
        .doesNotContain("could not be resolved");
  }

  @Test
  void aCopyOfTheDemoRunsUntrustedOnItsLocalFixtures() throws Exception {
    Path copy = dir.resolve("payments-copy.json");
    Files.copy(ProjectFiles.demo(), copy);
    Workspace ws = WorkspaceStore.create(Clock.systemUTC()).load(copy);
    assertThat(TrustRequests.of(ws).programs()).isEmpty();
    try (Session s = session(ws, TrustGate.closed("payments-copy.json"))) {
      for (String name : java.util.List.of("me as bob", "refresh as refresh-job")) {
        Trace t = run(s, name);
        assertThat(t.verdict().result()).as(name + ": " + t.verdict().sentence()).isEqualTo(Verdict.Result.MATCHED);
      }
    }
  }
}
