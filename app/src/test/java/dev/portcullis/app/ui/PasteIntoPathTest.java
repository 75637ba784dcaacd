package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 14: a full URL or a curl command pasted into the path field becomes the request it names, and the status bar says so. */
class PasteIntoPathTest {
  private final WorkbenchViewModel model = new WorkbenchViewModel(BackgroundTasks.direct());

  @AfterEach
  void close() {
    model.close();
  }

  @Test
  void theLocalGatewaysOwnUrlIsSplitIntoApiAndPathAndSentLocally() {
    model.openDemo();
    model.selectRequest("health (no auth)");

    assertThat(model.request().paste("http://127.0.0.1:9321/prod/me")).isTrue();

    assertThat(model.request().gatewayProperty().get()).isEqualTo("payments");
    assertThat(model.request().pathProperty().get()).isEqualTo("/me");
    assertThat(model.request().environmentProperty().get()).isEqualTo(SessionModel.LOCAL);
    assertThat(model.statusProperty().get()).contains("API payments, stage prod, path /me").contains("sends to the local gateway");
  }

  @Test
  void anExecuteApiUrlNamesItsApiAndItsQueryBecomesRows() {
    model.openDemo();
    model.selectRequest("health (no auth)");

    model.request().paste("https://b2blocal.execute-api.eu-west-1.amazonaws.com/b2b/settlements?day=2026-01-02");

    assertThat(model.request().gatewayProperty().get()).isEqualTo("b2b");
    assertThat(model.request().pathProperty().get()).isEqualTo("/b2b/settlements");
    assertThat(model.request().queryProperty().get()).isEqualTo("day=2026-01-02");
    assertThat(model.statusProperty().get()).contains("an execute-api URL").contains("API b2b, path /b2b/settlements");
  }

  @Test
  void aDeployedApisUrlPicksTheEnvironmentThatNamesItAsTheTarget() throws Exception {
    Workspace demo = DemoWorkspace.load();
    model.openWorkspace(demo.newBuilder().environments(List.of(new Environment("aws-dev", Map.of("paymentsApiId", "abc123")))).build());
    model.selectRequest("health (no auth)");

    model.request().paste("https://abc123.execute-api.us-east-1.amazonaws.com/prod/me");

    assertThat(model.request().gatewayProperty().get()).isEqualTo("payments");
    assertThat(model.request().pathProperty().get()).isEqualTo("/me");
    assertThat(model.request().environmentProperty().get()).isEqualTo("aws-dev");
    assertThat(model.statusProperty().get()).contains("environment aws-dev's base URL").contains("sends to aws-dev (real AWS)");
  }

  @Test
  void aUrlThatMatchesNoApiSaysSoAndLeavesThePathAlone() {
    model.openDemo();
    model.selectRequest("health (no auth)");

    model.request().paste("https://zzz.execute-api.us-east-1.amazonaws.com/prod/me");

    assertThat(model.request().pathProperty().get()).isEqualTo("/health");
    assertThat(model.statusProperty().get()).startsWith("That URL matches no API of payments-demo").contains("api id 'zzz'");
  }

  @Test
  void aTypedUrlIsSplitWhenSentInsteadOfGoingOutAsAPath() {
    model.openDemo();
    model.selectRequest("health (no auth)");
    model.request().pathProperty().set("http://127.0.0.1:9321/prod/health");

    model.request().send();

    assertThat(model.request().pathProperty().get()).isEqualTo("/health");
    assertThat(model.trace().traceProperty().get().verdict().actual().status()).isEqualTo(200);
  }

  @Test
  void aCurlCommandBecomesASelectedRequestWithTheRightCallerKind() {
    model.openDemo();
    int before = model.workspaceProperty().get().requests().size();

    assertThat(model.request().paste("curl -X POST 'http://127.0.0.1:9322/b2b/settlements' -H 'Authorization: Bearer $TOKEN'"
        + " -H 'X-Trace: 1' -d '{\"amount\":1}'")).isTrue();

    Workspace ws = model.workspaceProperty().get();
    assertThat(ws.requests()).hasSize(before + 1);
    SavedRequest made = ws.requests().getLast();
    assertThat(model.selectedProperty().get()).isEqualTo(new TreeRef.Request(made.name()));
    assertThat(made.method()).isEqualTo("POST");
    assertThat(made.gateway()).isEqualTo("b2b");
    assertThat(made.headers()).containsEntry("X-Trace", "1");
    assertThat(made.body()).isEqualTo("{\"amount\":1}");
    assertThat(ws.caller(made.caller())).get().isInstanceOf(dev.portcullis.engine.model.Caller.CustomToken.class);
    assertThat(model.request().bodyProperty().get()).isEqualTo("{\"amount\":1}");
    assertThat(model.statusProperty().get()).contains("The pasted curl command is now request '" + made.name() + "'");
  }

  @Test
  void anythingElsePastedIsLeftToTheFieldAsText() {
    model.openDemo();

    assertThat(model.request().paste("/partners/{{partnerId}}/transactions")).isFalse();
  }
}
