package dev.portcullis.app.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.BackgroundTasks;
import dev.portcullis.app.ui.WorkbenchViewModel;
import dev.portcullis.engine.trace.Headline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trace's answer as the view shows it, over real sends to the demo's local gateway. */
class TraceHeadlineViewModelTest {
  private final WorkbenchViewModel workbench = new WorkbenchViewModel(BackgroundTasks.direct());
  private final TraceViewModel model = workbench.trace();

  @AfterEach
  void close() {
    workbench.close();
  }

  private void send(String request) {
    workbench.selectRequest(request);
    workbench.request().send();
  }

  @Test
  void aliceIsToldWhichScopeHerTokenLacksAndTheDecidingCheckComesFirst() {
    workbench.openDemo();
    send("me as alice: missing scope");

    Headline h = model.headlineProperty().get();
    assertThat(h.answer()).startsWith("Denied 401 by the Cognito authoriser: alice's access token carries scopes "
        + "[aws.cognito.signin.user.admin]; GET /me requires profile.read.");
    assertThat(h.met()).isTrue();
    TraceViewModel.Checks checks = model.checks().orElseThrow();
    assertThat(checks.deciding().key()).isEqualTo("cognito.scopes");
    assertThat(checks.passed()).isNotEmpty().allSatisfy(r -> assertThat(r.value()).isEqualTo("passed"));
    assertThat(checks.passed()).allSatisfy(r -> assertThat(r.note()).doesNotContain("spec §"));
  }

  @Test
  void aRevokedPartnersExplicitDenyIsQuotedOnItsOwn() {
    workbench.openDemo();
    send("transactions as globex: revoked key");

    assertThat(model.checks().orElseThrow().explicitDeny())
        .startsWith("statement #0 in identity policy 'returned policy': Deny, action execute-api:Invoke matches execute-api:Invoke")
        .doesNotContain("; ");
  }

  @Test
  void aDenialWithNoExpectationIsNotMet() {
    workbench.openDemo();
    workbench.selectRequest("me as alice: missing scope");
    workbench.request().expectStatusProperty().set("");
    workbench.request().expectErrorTypeProperty().set("");
    workbench.request().expectDecidedByProperty().set("");

    workbench.request().send();

    Headline h = model.headlineProperty().get();
    assertThat(h.tone()).isEqualTo(Headline.Tone.DENIED);
    assertThat(h.expectation()).isEmpty();
    assertThat(h.met()).as("no tick for a denial nobody expected").isFalse();
  }

  @Test
  void anAllowHasNoDecidingCheckAndItsChecksAreAllPassed() {
    workbench.openDemo();
    send("me as bob");

    TraceViewModel.Checks checks = model.checks().orElseThrow();
    assertThat(checks.deciding()).isNull();
    assertThat(checks.passed()).hasSize(13);
    assertThat(model.headlineProperty().get().answer()).isEqualTo("Allowed 200 on GET /me as bob: 13 checks passed and the integration answered.");
  }

  @Test
  void timeClaimsShowAsTimesWithTheEpochAfter() {
    assertThat(TraceViewModel.asTime("exp", "1764631457 (in 59 min)")).isEqualTo("2025-12-01 23:24:17 UTC (in 59 min) · 1764631457");
    assertThat(TraceViewModel.asTime("sub", "1764631457")).isEqualTo("1764631457");
  }

  @Test
  void callerKindsAreInWords() {
    workbench.openDemo();
    assertThat(workbench.workspaceProperty().get().callers().stream()
        .map(dev.portcullis.app.ui.callers.CallerEditorViewModel::kindInWords).distinct())
        .contains("Cognito user", "IAM role (SigV4)", "partner with an API key", "OIDC client (client credentials)");
  }
}
