package dev.portcullis.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.identity.Credential;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.store.WorkspaceStore;
import dev.portcullis.engine.testing.ProjectFiles;
import dev.portcullis.engine.trace.Exchange;
import dev.portcullis.engine.trace.Header;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.Trace;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Copy as curl is a dry run: the command is built from the request a send would put on the wire,
 * and nothing reaches the gateway, so copying a POST makes no transaction and spends no quota.
 */
class CurlReproductionTest {
  /** Fixed, so a SigV4 request signed for the dry run and for the send carries the same date and signature. */
  private final Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
  private final List<Ruling> seen = new CopyOnWriteArrayList<>();
  private Workspace demo;
  private Session session;

  @BeforeEach
  void start() throws Exception {
    demo = WorkspaceStore.create(clock).load(ProjectFiles.demo());
    session = Session.local(demo, clock, true, (w, l) -> Optional.empty(), line -> { });
    session.world().orElseThrow().gateway().onRuling(seen::add);
  }

  @AfterEach
  void stop() {
    session.close();
  }

  private SavedRequest request(String name) {
    return demo.request(name).orElseThrow();
  }

  @Test
  void copyingAPostAsCurlSendsNothingToTheGatewayAndSpendsNoQuota() {
    CurlReproduction acme = CurlReproduction.of(session, request("transactions as acme"), null);
    CurlReproduction burst = CurlReproduction.of(session, request("transactions: throttled burst"), null);
    CurlReproduction quota = CurlReproduction.of(session, request("transactions: trial quota"), null);

    assertThat(acme.command()).startsWith("curl -sS -X POST 'http://127.0.0.1:9321/prod/partners/acme/transactions'")
        .contains("--data-binary '{\"amount\": 1250, \"currency\": \"EUR\"}'").contains("-H \"x-api-key: $PORTCULLIS_API_KEY\"");
    assertThat(burst.command()).contains("-X POST");
    assertThat(quota.command()).contains("/partners/hooli/transactions");
    assertThat(seen).as("rulings the local gateway made").isEmpty();
    assertThat(session.localState().isEmpty()).as("no usage counted, no policy cached").isTrue();

    session.run(request("transactions as acme"), null, ChallengeHandler.none());
    assertThat(seen).as("the same listener hears a real send").hasSize(1);
  }

  @Test
  void aDryRunObtainsTheCredentialAndStopsBeforeTheSend() {
    DryRun dry = session.dryRun(request("me as bob"), null, ChallengeHandler.none());

    assertThat(dry.built()).isTrue();
    assertThat(dry.trace().steps()).extracting(Step::kind).containsExactly(Step.Kind.ACQUIRE, Step.Kind.INSPECT, Step.Kind.VERDICT);
    assertThat(dry.trace().verdict().sentence()).contains("not sent");
    assertThat(dry.request().headers().first("Authorization")).as("bob's access token, as a send carries it")
        .contains(((Credential.Bearer) dry.credential()).token());
    assertThat(seen).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"me as bob", "transactions as acme", "refresh as refresh-job", "refresh with clock skew",
      "settlements as the bank", "v2 sync as refresh-job"})
  void theDryRunBuildsTheRequestASendPutsOnTheWire(String name) {
    DryRun dry = session.dryRun(request(name), null, ChallengeHandler.none());
    Trace sent = session.run(request(name), null, ChallengeHandler.none());

    Exchange.SentRequest wire = sent.step(Step.Kind.SEND).map(s -> ((Step.Send) s).exchange().request()).orElseThrow();
    assertThat(dry.request().method()).isEqualTo(wire.method());
    assertThat(dry.request().url()).hasToString(wire.url());
    assertThat(dry.request().headers().entries().stream().map(e -> new Header(e.getKey(), e.getValue())).toList())
        .isEqualTo(wire.headers());
    assertThat(new String(dry.request().body(), StandardCharsets.UTF_8)).isEqualTo(wire.body());
  }

  @Test
  void aRequestThatCannotBeBuiltIsASentenceNamingTheRequest() {
    assertThatThrownBy(() -> CurlReproduction.of(session, request("me as bob"), "nobody"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("request 'me as bob' could not be built as nobody: ")
        .hasMessageContaining("caller 'nobody' is not defined");
    assertThat(seen).isEmpty();
  }
}
