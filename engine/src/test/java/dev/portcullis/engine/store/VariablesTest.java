package dev.portcullis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.testing.ProjectFiles;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {
  @Test
  void laterLayersWinWorkspaceEnvironmentRequestRuntime() throws Exception {
    Workspace ws = WorkspaceStore.create(Clock.systemUTC()).load(ProjectFiles.demo());
    var request = ws.request("transactions as acme").orElseThrow();

    assertThat(Variables.of(ws, null, request, null).apply("{{idpBaseUrl}}", "t")).isEqualTo("http://127.0.0.1:9320");
    assertThat(Variables.of(ws, "aws-dev", request, null).apply("{{idpBaseUrl}}", "t")).startsWith("https://cognito-idp");
    assertThat(Variables.of(ws, "aws-dev", request, Map.of("idpBaseUrl", "http://127.0.0.1:5555")).apply("{{ idpBaseUrl }}/x", "t"))
        .isEqualTo("http://127.0.0.1:5555/x");
  }

  @Test
  void unknownVariableIsNamed() {
    assertThatThrownBy(() -> Variables.of(Map.of("a", "1")).apply("{{a}}/{{b}}", "request 'x' path"))
        .hasMessage("request 'x' path: variable(s) b are not defined in the workspace, the environment or the request.");
  }

  @Test
  void aValueMayNameAnotherVariableResolvedInTheSameLayers() {
    Variables v = Variables.of(Map.of("bankIssuer", "{{idpBaseUrl}}/oidc/bank", "idpBaseUrl", "http://127.0.0.1:5555"));

    assertThat(v.apply("{{bankIssuer}}/.well-known/openid-configuration", "t"))
        .isEqualTo("http://127.0.0.1:5555/oidc/bank/.well-known/openid-configuration");
  }

  @Test
  void variablesThatNameEachOtherAreALoopNotAHang() {
    assertThatThrownBy(() -> Variables.of(Map.of("a", "{{b}}", "b", "{{a}}")).apply("{{a}}", "caller 'x' issuer"))
        .hasMessageStartingWith("caller 'x' issuer: its variables refer to each other in a loop");
  }

  @Test
  void aPlaceholderNamesItsVariableAndWhatToSetItTo() {
    Variables v = Variables.of(Map.of("poolId", "fill in: the id of your user pool", "region", "fill in: its region", "stage", "prod"));

    assertThatThrownBy(() -> v.apply("{{poolId}}", "caller 'alice' userPoolId"))
        .hasMessage("caller 'alice' userPoolId is an example still to be completed: set poolId to the id of your user pool");
    assertThat(v.stillToFill("dev", List.of("stage", "region", "poolId"))).hasValue("Environment 'dev' is an example still to be"
        + " completed for your AWS account: set poolId to the id of your user pool; set region to its region.");
    assertThat(v.stillToFill("dev", List.of("stage"))).as("only the names asked about").isEmpty();
  }
}
