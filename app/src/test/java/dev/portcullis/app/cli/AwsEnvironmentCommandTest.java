package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.app.ui.SessionModel;
import dev.portcullis.app.ui.request.RequestEditorViewModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --aws ENV}: the demo's aws-dev says what to fill in; a baseUrl needs no environments entry; errors never list nothing. */
class AwsEnvironmentCommandTest {

  @Test
  void theDemosAwsDevSaysExactlyWhatToFillIn() {
    Cli run = Cli.run("send", "--request", "health (no auth)", "--aws", "aws-dev");

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("gateway 'payments' baseUrl is an example still to be completed: set paymentsApiId in environment"
        + " aws-dev to the id of your payments REST API in us-east-1 (aws apigateway get-rest-apis --region us-east-1 lists it")
        .doesNotContain("has no baseUrl");
  }

  @Test
  void awsProdWorksWhereAGatewayHasABaseUrlWithoutAnEnvironmentsEntry(@TempDir Path dir) throws Exception {
    String host = "q1w2e3r4t5.execute-api.us-east-1.amazonaws.com.invalid";
    Path ws = Cli.demoCopy(dir, g -> g.newBuilder().baseUrl("https://" + host + "/" + g.stage()).build());

    Cli run = Cli.run("send", "--workspace", ws.toString(), "--request", "health (no auth)", "--aws", "prod");

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("has no environment 'prod' (it has aws-dev); calling the gateways' baseUrl with the workspace's own variables");
    assertThat(run.out()).contains("DNS failed: the host " + host); // it went to the baseUrl (no real network: .invalid)
  }

  @Test
  void withNoBaseUrlAnywhereTheErrorSaysWhatToSetAndNeverListsNothing(@TempDir Path dir) throws Exception {
    Path ws = Cli.demoCopy(dir, g -> g.newBuilder().baseUrl(null).build());
    Cli run = Cli.run("matrix", "--workspace", ws.toString(), "--aws", "prod");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--aws prod: no gateway of workspace payments-demo has a baseUrl")
        .contains("execute-api").doesNotContain("[]").doesNotContain("\tat ");
  }

  @Test
  void theTargetPickerTellsTheEmbeddedGatewayFromAnEnvironmentNamedLocal() {
    assertThat(RequestEditorViewModel.targetLabel(SessionModel.LOCAL)).isEqualTo("Embedded local gateway (no AWS)");
    assertThat(RequestEditorViewModel.targetLabel("local")).isEqualTo("Deployed: local environment");
    assertThat(RequestEditorViewModel.targetLabel("aws-dev")).isEqualTo("Deployed: aws-dev environment");
  }
}
