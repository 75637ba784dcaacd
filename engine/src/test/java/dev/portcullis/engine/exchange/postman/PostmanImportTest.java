package dev.portcullis.engine.exchange.postman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.exchange.ImportedParts;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.WorkspaceExporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A collection as people write them: nested folders, auth at three levels, literal secrets, v2.0-shaped auth. */
class PostmanImportTest {
  private static final String COLLECTION = """
      {
        "info": {"name": "Payments", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "variable": [
          {"key": "base", "value": "https://pay1local.execute-api.us-east-1.amazonaws.com/prod"},
          {"key": "partnerId", "value": "acme"},
          {"key": "apiKeySecret", "value": "super-secret-key-123"}
        ],
        "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "x-api-key"}, {"key": "value", "value": "{{apiKeySecret}}"},
                 {"key": "in", "value": "header"}]},
        "item": [
          {"name": "internal", "auth": {"type": "awsv4", "awsv4": {"accessKey": "AKIAEXAMPLE0000000001", "secretKey": "wJalrXUtnFEMI/literal",
              "sessionToken": "{{sessionToken}}", "region": "us-east-1", "service": "execute-api"}},
           "item": [
             {"name": "nested", "item": [
               {"name": "refresh", "request": {"method": "post", "url": "{{base}}/internal/refresh", "header": [
                 {"key": "Authorization", "value": "AWS4-HMAC-SHA256 Credential=AKIA..."}, {"key": "x-trace", "value": "1"},
                 {"key": "x-off", "value": "no", "disabled": true}]}}
             ]},
             {"name": "public health", "request": {"method": "GET", "url": {"raw": "{{base}}/health"}, "auth": {"type": "noauth"}}}
           ]},
          {"name": "transactions", "request": {"method": "POST", "url": "{{base}}/partners/{{partnerId}}/transactions",
            "body": {"mode": "raw", "raw": "{\\"amount\\": 1}"}}},
          {"name": "settle", "request": {"method": "POST", "url": "http://127.0.0.1:9322/b2b/settlements", "auth": {"type": "oauth2",
            "oauth2": [{"key": "grant_type", "value": "client_credentials"}, {"key": "accessTokenUrl", "value": "https://idp.example.com/oauth2/token"},
                       {"key": "clientId", "value": "backoffice"}, {"key": "clientSecret", "value": "{{bank_secret}}"},
                       {"key": "scope", "value": "settlements:write other"}, {"key": "client_authentication", "value": "body"}]}}},
          {"name": "elsewhere", "request": {"method": "GET", "url": "https://example.org/x"}}
        ]
      }
      """;

  private static Workspace bare() throws Exception {
    Workspace demo = DemoWorkspace.load();
    return new Workspace(1, "target", null, null, null, demo.gateways(), List.of(), List.of(), List.of(), List.of(), demo.emulator());
  }

  @Test
  void authInheritsCollectionToFolderToRequestAsCallers() throws Exception {
    Workspace ws = PostmanCollections.read(COLLECTION, "payments.json", bare()).mergedInto(bare());
    SavedRequest refresh = ws.request("refresh").orElseThrow();
    assertThat(refresh.folder()).isEqualTo("internal / nested");
    assertThat(refresh.method()).isEqualTo("POST");
    assertThat(refresh.gateway()).isEqualTo("payments");
    assertThat(refresh.path()).isEqualTo("/internal/refresh");
    assertThat(ws.caller(ws.effectiveCaller(refresh).orElseThrow()).orElseThrow()).isInstanceOf(Caller.Iam.class);
    assertThat(ws.caller(ws.effectiveCaller(ws.request("public health").orElseThrow()).orElseThrow()).orElseThrow())
        .isInstanceOf(Caller.Anonymous.class);
    SavedRequest transactions = ws.request("transactions").orElseThrow();
    assertThat(transactions.path()).isEqualTo("/partners/{{partnerId}}/transactions");
    assertThat(ws.variables()).containsEntry("partnerId", "acme").doesNotContainKey("apiKeySecret");
    assertThat(ws.caller(ws.effectiveCaller(transactions).orElseThrow()).orElseThrow()).isEqualTo(
        new Caller.ApiKey("Payments (apikey)", "API key (from Postman)", new SecretRef.Env("apiKeySecret"), java.util.Map.of()));
    Caller.OidcClient settle = (Caller.OidcClient) ws.caller(ws.effectiveCaller(ws.request("settle").orElseThrow()).orElseThrow()).orElseThrow();
    assertThat(List.of(settle.issuer(), settle.clientId(), settle.clientAuth().name(), settle.scopes().toString(), settle.clientSecret().text()))
        .containsExactly("https://idp.example.com", "backoffice", "CLIENT_SECRET_POST", "[settlements:write, other]", "env:bank_secret");
    assertThat(ws.request("settle").orElseThrow().gateway()).isEqualTo("b2b");
  }

  @Test
  void secretsBecomeEnvReferencesListedInTheReportAndNeverReachTheWorkspace() throws Exception {
    ImportedParts parts = PostmanCollections.read(COLLECTION, "payments.json", bare());
    Workspace ws = parts.mergedInto(bare());
    Caller.Iam iam = (Caller.Iam) ws.callers().stream().filter(c -> c instanceof Caller.Iam).findFirst().orElseThrow();
    assertThat(iam.credentials()).isEqualTo(new CredentialSource.StaticKeys("AKIAEXAMPLE0000000001",
        new SecretRef.Env("INTERNAL_AWSV4_SECRETACCESSKEY"), new SecretRef.Env("sessionToken")));
    assertThat(parts.report()).anyMatch(l -> l.contains("secretAccessKey: a literal secret, not imported; it reads env:INTERNAL_AWSV4_SECRETACCESSKEY"))
        .anyMatch(l -> l.contains("collection variable apiKeySecret held a secret; not imported"))
        .anyMatch(l -> l.contains("header Authorization held a credential; not imported"))
        .anyMatch(l -> l.contains("request 'elsewhere' left out"));
    String file = dev.portcullis.engine.store.WorkspaceStore.render(ws);
    assertThat(file).doesNotContain("super-secret-key-123").doesNotContain("wJalrXUtnFEMI").doesNotContain("AWS4-HMAC");
    assertThat(WorkspaceExporter.literalSecrets(ws)).isEmpty();
    assertThat(ws.request("refresh").orElseThrow().headers()).containsOnlyKeys("x-trace");
  }

  @Test
  void whatIsNoCollectionIsASentence() {
    assertThatThrownBy(() -> PostmanCollections.read("{\"openapi\": \"3.0.0\"}", "api.json", bare()))
        .hasMessageContaining("api.json is not a Postman Collection v2.1");
    assertThatThrownBy(() -> PostmanCollections.read("{oops", "bad.json", bare())).hasMessageContaining("bad.json is not JSON");
  }
}
