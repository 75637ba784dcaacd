package dev.portcullis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Export refuses literal secrets one step removed (issue 12, item 5): each case is a small
 * workspace that shares a secret, and the refusal names the field, never the value.
 */
class ExportHardeningTest {
  private static final String SECRET = "Sup3rS3cretValue-9f8e7d";
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

  private static Workspace ws(String callers, String gateways, String requests, String variables, String environments) throws Exception {
    String json = """
        {"schemaVersion": 1, "name": "w", "variables": %s, "environments": %s,
         "callers": %s, "gateways": %s, "requests": %s}
        """.formatted(variables, environments, callers, gateways, requests);
    return WorkspaceStore.create(Clock.systemUTC()).parse(Path.of("w.json"), json.getBytes(StandardCharsets.UTF_8));
  }

  private static final String GW = "[{\"name\": \"g\", \"flavor\": \"HTTP\", \"routes\": [{\"method\": \"GET\", \"path\": \"/x\"}]}]";

  private static List<String> callers(String callers, String variables) throws Exception {
    return WorkspaceExporter.literalSecrets(ws(callers, GW, "[]", variables, "[]"));
  }

  private static List<String> request(String request) throws Exception {
    return WorkspaceExporter.literalSecrets(ws("[]", GW, "[" + request + "]", "{}", "[]"));
  }

  @Test
  void aPasswordVariableHoldingALiteralIsRefused() throws Exception {
    String alice = "[{\"type\": \"cognito-user\", \"name\": \"alice\", \"userPoolId\": \"eu-west-1_A\", \"clientId\": \"c\","
        + " \"username\": \"alice\", \"password\": \"{{alicePass}}\"}]";
    assertThat(callers(alice, "{\"alicePass\": \"" + SECRET + "\"}")).containsExactly("caller 'alice' password");
    assertThat(callers(alice, "{\"alicePass\": \"env:ALICE_PASS\"}")).isEmpty();
    assertThat(callers(alice, "{}")).as("defined nowhere: given at run time").isEmpty();
  }

  @Test
  void aVariableInAnEnvironmentCountsToo() throws Exception {
    Workspace w = ws("[{\"type\": \"custom-token\", \"name\": \"t\", \"token\": \"{{tok}}\"}]", GW, "[]", "{}",
        "[{\"name\": \"prod\", \"variables\": {\"tok\": \"" + SECRET + "\"}}]");
    assertThat(WorkspaceExporter.literalSecrets(w)).containsExactly("caller 't' token");
  }

  @Test
  void staticKeysThroughAVariableAreRefused() throws Exception {
    String iam = "[{\"type\": \"iam\", \"name\": \"job\", \"credentials\": {\"type\": \"static\", \"accessKeyId\": \"AKIAEXAMPLE\","
        + " \"secretAccessKey\": \"{{sk}}\"}}]";
    assertThat(callers(iam, "{\"sk\": \"" + SECRET + "\"}")).containsExactly("caller 'job' secretAccessKey");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "X-Auth-Token|request 'r' header X-Auth-Token",
      "'authorization '|request 'r' header authorization",
      "Proxy-Authorization|request 'r' header Proxy-Authorization",
      "Cookie|request 'r' header Cookie"})
  void credentialHeadersAreJudgedByTheirNormalisedName(String header, String field) throws Exception {
    String r = "{\"name\": \"r\", \"gateway\": \"g\", \"method\": \"GET\", \"path\": \"/x\", \"headers\": {\"" + header + "\": \""
        + SECRET + "\"}}";
    assertThat(request(r)).containsExactly(field);
  }

  @Test
  void bearerWithAVariableIsJudgedByTheVariablesValue() throws Exception {
    String r = "[{\"name\": \"r\", \"gateway\": \"g\", \"method\": \"GET\", \"path\": \"/x\", \"headers\": {\"Authorization\": \"Bearer {{x}}\"}}]";
    assertThat(WorkspaceExporter.literalSecrets(ws("[]", GW, r, "{\"x\": \"" + JWT + "\"}", "[]")))
        .containsExactlyInAnyOrder("request 'r' header Authorization", "workspace variable x");
    assertThat(WorkspaceExporter.literalSecrets(ws("[]", GW, r, "{\"x\": \"env:TOKEN\"}", "[]"))).isEmpty();
  }

  @Test
  void aCredentialInThePathsQueryOrTheQueryIsRefused() throws Exception {
    assertThat(request("{\"name\": \"r\", \"gateway\": \"g\", \"method\": \"GET\", \"path\": \"/x?api_key=" + SECRET + "\"}"))
        .containsExactly("request 'r' path query api_key");
    assertThat(request("{\"name\": \"r\", \"gateway\": \"g\", \"method\": \"GET\", \"path\": \"/x\", \"query\": {\"access_token\": \""
        + SECRET + "\"}}")).containsExactly("request 'r' query access_token");
    assertThat(request("{\"name\": \"r\", \"gateway\": \"g\", \"method\": \"GET\", \"path\": \"/x\", \"query\": {\"page\": \"2\"}}"))
        .isEmpty();
  }

  @Test
  void aSecretInABodyIsRefused() throws Exception {
    assertThat(request("{\"name\": \"r\", \"gateway\": \"g\", \"method\": \"POST\", \"path\": \"/x\", \"body\": \"{\\\"user\\\": \\\"a\\\","
        + " \\\"password\\\": \\\"" + SECRET + "\\\"}\"}")).containsExactly("request 'r' body field password");
    assertThat(request("{\"name\": \"r\", \"gateway\": \"g\", \"method\": \"POST\", \"path\": \"/x\", \"body\": \"grant_type=x&client_secret="
        + SECRET + "\"}")).containsExactly("request 'r' body client_secret");
    assertThat(request("{\"name\": \"r\", \"gateway\": \"g\", \"method\": \"POST\", \"path\": \"/x\", \"body\": \"{\\\"amount\\\": 1}\"}"))
        .isEmpty();
  }

  @Test
  void aLiteralInALambdaRuleMatchIsRefused() throws Exception {
    String gw = "[{\"name\": \"g\", \"flavor\": \"REST\", \"authorizers\": [{\"type\": \"lambda\", \"name\": \"a\", \"identitySources\":"
        + " [\"method.request.header.x-api-key\"], \"function\": {\"kind\": \"rules\", \"rules\": [{\"match\":"
        + " {\"method.request.header.x-api-key\": \"" + SECRET + "\"}}]}}], \"routes\": []}]";
    assertThat(WorkspaceExporter.literalSecrets(ws("[]", gw, "[]", "{}", "[]")))
        .containsExactly("gateway 'g' authoriser 'a' rule 1 match method.request.header.x-api-key");
  }

  @Test
  void credentialsInUrlsAreRefused() throws Exception {
    String gw = "[{\"name\": \"g\", \"flavor\": \"HTTP\", \"baseUrl\": \"https://bob:" + SECRET + "@api.example.com\", \"routes\":"
        + " [{\"method\": \"GET\", \"path\": \"/x\", \"integration\": {\"type\": \"http\", \"url\": \"https://up.example.com/?token=" + SECRET
        + "\"}}]}]";
    assertThat(WorkspaceExporter.literalSecrets(ws("[]", gw, "[]", "{}", "[]")))
        .containsExactly("gateway 'g' baseUrl", "gateway 'g' route GET /x integration url");
  }

  @Test
  void theRefusalNamesFieldsAndNeverTheValue() throws Exception {
    Workspace w = ws("[{\"type\": \"custom-token\", \"name\": \"t\", \"token\": \"{{tok}}\"}]", GW, "[]",
        "{\"tok\": \"" + SECRET + "\"}", "[]");
    assertThatThrownBy(() -> WorkspaceExporter.shareable(w)).isInstanceOf(WorkspaceExporter.LiteralSecretsException.class)
        .hasMessageContaining("caller 't' token").hasMessageNotContaining(SECRET);
  }

  @Test
  void theDemoStillExports() throws Exception {
    assertThat(WorkspaceExporter.literalSecrets(DemoWorkspace.load())).isEmpty();
    assertThat(WorkspaceExporter.shareable(DemoWorkspace.load())).contains("local:users/alice");
  }
}
