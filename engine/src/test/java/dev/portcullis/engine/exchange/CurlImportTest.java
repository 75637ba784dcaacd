package dev.portcullis.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.CredentialSource;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.SecretRef;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CurlImportTest {
  private static ImportedParts read(String command) throws Exception {
    return CurlImport.read(command, Path.of("."), () -> null, DemoWorkspace.load());
  }

  @Test
  void anAwsSigv4CommandIsAnIamCallerAndASavedRequest() throws Exception {
    ImportedParts parts = read("curl -s --aws-sigv4 'aws:amz:us-east-1:execute-api' --user \"AKIAEXAMPLE0000000001:$AWS_SECRET_ACCESS_KEY\""
        + " -X POST https://pay1local.execute-api.us-east-1.amazonaws.com/prod/internal/refresh -H 'content-type: application/json' -d '{}'");
    Workspace ws = parts.mergedInto(DemoWorkspace.load());
    SavedRequest r = ws.request("curl POST /internal/refresh").orElseThrow();
    assertThat(r.gateway()).isEqualTo("payments");
    assertThat(r.body()).isEqualTo("{}");
    assertThat(r.headers()).containsOnlyKeys("content-type");
    Caller.Iam iam = (Caller.Iam) ws.caller(r.caller()).orElseThrow();
    assertThat(iam.credentials()).isEqualTo(new CredentialSource.StaticKeys("AKIAEXAMPLE0000000001",
        new SecretRef.Env("AWS_SECRET_ACCESS_KEY"), null));
    assertThat(iam.region()).isEqualTo("us-east-1");
    assertThat(parts.report()).contains("curl option -s does not change the request; left out");
  }

  @Test
  void aLiteralTokenIsNotKeptButNamedInTheReport() throws Exception {
    ImportedParts parts = read("curl -H 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig' http://127.0.0.1:9322/b2b/settlements -d '{}'");
    Caller.CustomToken token = (Caller.CustomToken) parts.callers().getFirst();
    assertThat(token.token()).isEqualTo(new SecretRef.Env("PORTCULLIS_CURL_TOKEN_TOKEN"));
    assertThat(token.prefix()).isEqualTo("Bearer ");
    assertThat(parts.report()).anyMatch(l -> l.contains("held it literally; not imported, it reads env:PORTCULLIS_CURL_TOKEN_TOKEN"));
    assertThat(dev.portcullis.engine.store.WorkspaceStore.render(parts.mergedInto(DemoWorkspace.load()))).doesNotContain("eyJhbGci");
    assertThat(parts.requests().getFirst().gateway()).isEqualTo("b2b");
  }

  @Test
  void noCredentialIsTheWorkspacesAnonymousCallerAndAStrangeUrlIsASentence() throws Exception {
    ImportedParts parts = read("curl /health");
    assertThat(parts.callers()).isEmpty();
    assertThat(parts.requests().getFirst().caller()).isEqualTo("anonymous");
    assertThatThrownBy(() -> read("curl https://example.org/x")).hasMessageContaining("names no gateway of payments-demo");
  }
}
