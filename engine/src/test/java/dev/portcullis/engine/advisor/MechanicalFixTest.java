package dev.portcullis.engine.advisor;

import static dev.portcullis.engine.rules.PipelineFixtures.INITECH_KEY;
import static dev.portcullis.engine.rules.PipelineFixtures.START;
import static dev.portcullis.engine.rules.PipelineFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.LambdaInvoker;
import dev.portcullis.engine.rules.Pipeline;
import dev.portcullis.engine.rules.PipelineFixtures;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.SecretResolver;
import dev.portcullis.engine.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The advisor's mechanical fix for the cached-policy trap, checked against the rule book itself (spec §4.3). */
class MechanicalFixTest {
  private static Ruling[] postThenGet(Workspace ws) {
    MutableClock clock = new MutableClock(START);
    Pipeline pipeline = Pipeline.builder(ws).clock(clock).requestIds(PipelineFixtures.numberedIds())
        .lambdaInvokers(fn -> LambdaInvoker.forFunction(fn, SecretResolver.create(ws.emulator(), (w, l) -> Optional.empty())))
        .tokenAuthorizer(new PipelineFixtures.FakeTokens()).build();
    Gateway payments = ws.gateway("payments").orElseThrow();
    Ruling post = pipeline.decide(request(clock, "POST", "/prod/partners/initech/transactions", "x-api-key", INITECH_KEY), payments);
    clock.advance(Duration.ofSeconds(10));
    Ruling get = pipeline.decide(request(clock, "GET", "/prod/partners/initech/transactions", "x-api-key", INITECH_KEY), payments);
    return new Ruling[] {post, get};
  }

  @Test
  void perMethodCacheKeysEndTheTrapInTheRuleBookAndTheFindingGoes() throws Exception {
    Workspace demo = DemoWorkspace.load();
    Advice today = Advisor.create().advise(demo);
    Finding trap = today.findings().get(0);
    List<WhatIf.Change> fix = MechanicalFix.of(trap, demo).orElseThrow();
    assertThat(fix).containsExactly(new WhatIf.SetIdentitySources("payments", "partner-gate",
        List.of("method.request.header.x-api-key", "context.httpMethod", "context.resourcePath")));

    Ruling[] before = postThenGet(demo);
    assertThat(before[0].allowed()).isTrue();
    assertThat(before[1].allowed()).as("the trap as the demo has it").isFalse();

    Workspace fixed = WhatIf.apply(demo, fix);
    Ruling[] after = postThenGet(fixed);
    assertThat(after[0].allowed()).isTrue();
    assertThat(after[1].allowed()).as("GET has its own cache entry now").isTrue();

    WhatIf.Comparison c = WhatIf.compare(Advisor.create(), demo, CostAssumptions.DEFAULTS, fix);
    assertThat(c.resolved()).extracting(f -> f.rule().id()).containsExactly("PC104");
    assertThat(c.added()).isEmpty();
  }

  @Test
  void ttlZeroOnABusyRouteIsFixedBackToTheDefaultTtl() throws Exception {
    Workspace ttl0 = WhatIf.apply(DemoWorkspace.load(), List.of(new WhatIf.SetTtl("payments", "partner-gate", 0)));
    Finding busy = Advisor.create().advise(ttl0).findings().stream().filter(f -> f.rule() == Rule.TTL_ZERO_BUSY).findFirst().orElseThrow();
    assertThat(MechanicalFix.of(busy, ttl0)).contains(List.of(new WhatIf.SetTtl("payments", "partner-gate", 300)));
  }

  @Test
  void aFixThatNeedsADecisionIsNotMechanical() {
    Finding open = new Finding(Rule.OPEN_ROUTE, null, Subject.route("payments", "GET /health"), "m", null, "f", null, null);
    assertThat(MechanicalFix.of(open, Ws.of())).isEmpty();
  }
}
