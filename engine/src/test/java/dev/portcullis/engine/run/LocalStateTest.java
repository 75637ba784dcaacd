package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.LocalState;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Trace;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The state earlier sends leave in the local gateway, made visible and resettable: the Lambda
 * authoriser's result cache (spec/apigw-facts.md §4.3) and the usage plans' counters (§6).
 */
class LocalStateTest {
  private Session session;
  private Workspace demo;

  @BeforeEach
  void start() throws Exception {
    demo = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    session = Session.local(demo, Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { });
  }

  @AfterEach
  void stop() {
    session.close();
  }

  private Trace send(String name) {
    return session.run(demo.request(name).orElseThrow(), null, ChallengeHandler.none());
  }

  @Test
  void theCachedPolicySaysWhichCallPutItThereAndWhenItExpires() {
    assertThat(session.localState().isEmpty()).isTrue();

    send("transactions as initech (POST)");

    LocalState.CachedPolicy cached = session.localState().cachedPolicies().stream()
        .filter(p -> p.storedFor().endsWith("/POST/partners/initech/transactions")).findFirst().orElseThrow();
    assertThat(cached.authorizer()).isEqualTo("partner-gate");
    assertThat(Duration.between(cached.storedAt(), cached.expiresAt())).isEqualTo(Duration.ofSeconds(300));
    assertThat(cached.key()).doesNotContain(demo.emulator().apiKeys().stream().filter(k -> k.id().equals("initech")).findFirst()
        .orElseThrow().value()).contains("****");
  }

  @Test
  void quotaCountsShowWhatIsUsedAndWhenItResets() {
    send("transactions: trial quota"); // six sends on a plan of five a day

    LocalState.UsageCounter hooli = session.localState().usage().stream().filter(c -> c.apiKeyId().equals("hooli")).findFirst().orElseThrow();
    assertThat(hooli.plan()).isEqualTo("trial");
    assertThat(hooli.quotaUsed()).isEqualTo(5L);
    assertThat(hooli.quotaLimit()).isEqualTo(5);
    assertThat(hooli.quotaResetsAt()).isAfter(java.time.Instant.now());
  }

  @Test
  void resettingLetsTheCachedPolicyTrapPassAndTheQuotaStartOver() {
    send("transactions as initech (POST)");
    assertThat(send("transactions: cached-policy trap").verdict().actual().status()).isEqualTo(403);
    send("transactions: trial quota");

    assertThat(session.resetLocalState()).isTrue();

    assertThat(session.localState().isEmpty()).isTrue();
    Trace again = send("transactions: cached-policy trap");
    assertThat(again.verdict().actual().status()).as(again.verdict().sentence()).isEqualTo(200);
    assertThat(again.verdict().decidedBy()).isEqualTo("integration");
  }
}
