package dev.portcullis.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Environment;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlResolverTest {
  private static final Workspace DEMO = load();
  private static final UrlResolver RESOLVER = UrlResolver.create(DEMO, Map.of("payments", URI.create("http://127.0.0.1:40931/prod")));

  private static Workspace load() {
    try {
      Workspace demo = DemoWorkspace.load();
      // payments on a custom domain per environment, as a deployed workspace would say it
      List<Gateway> gateways = demo.gateways().stream().map(g -> !g.name().equals("payments") ? g : new Gateway(g.name(), g.flavor(),
          g.region(), g.accountId(), g.apiId(), g.stage(), "https://{{paymentsHost}}/v1", g.localPort(), g.apiKeySource(), g.routes(),
          g.authorizers(), g.usagePlans(), g.resourcePolicy())).toList();
      return new Workspace(demo.schemaVersion(), demo.name(), demo.description(), demo.variables(), demo.defaultCaller(), gateways,
          demo.callers(), demo.folders(), demo.requests(), List.of(new Environment("staging", Map.of("paymentsHost", "api.staging.example.com"))),
          demo.emulator());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0} {1} -> {2} {3} ({4})")
  @CsvSource({
      "GET, http://127.0.0.1:40931/prod/me, payments, /me, LOCAL_WORLD",
      "GET, http://localhost:9322/b2b/settlements, b2b, /b2b/settlements, LOCAL_WORLD",
      "GET, https://pay1local.execute-api.us-east-1.amazonaws.com/prod/me, payments, /me, EXECUTE_API",
      "POST, https://b2blocal.execute-api.eu-west-1.amazonaws.com/b2b/settlements, b2b, /b2b/settlements, EXECUTE_API",
      "GET, https://api.staging.example.com/v1/health, payments, /health, ENVIRONMENT",
      "GET, mobile:/v2/me, mobile, /v2/me, NAMED",
      "GET, pay1local:/me, payments, /me, NAMED",
      "GET, /v2/me, mobile, /v2/me, PATH",
      "GET, /me, payments, /me, PATH",
      "GET, /prod/me, payments, /me, PATH",
      "POST, /internal/refresh, payments, /internal/refresh, PATH",
  })
  void everyUrlFormNamesItsGatewayAndPath(String method, String url, String gateway, String path, UrlResolution.Origin origin) {
    UrlResolution r = RESOLVER.resolve(url, method);
    assertThat(r).isInstanceOf(UrlResolution.Resolved.class);
    UrlResolution.Resolved ok = (UrlResolution.Resolved) r;
    assertThat(ok.gateway()).isEqualTo(gateway);
    assertThat(ok.path()).isEqualTo(path);
    assertThat(ok.origin()).isEqualTo(origin);
  }

  @Test
  void theEnvironmentWhoseBaseUrlMatchedIsNamedAndTheQueryIsKept() {
    UrlResolution.Resolved r = (UrlResolution.Resolved) RESOLVER.resolve("https://api.staging.example.com/v1/partners/acme/transactions?from=2026-01-01&x=a%20b", "GET");
    assertThat(r.environment()).isEqualTo("staging");
    assertThat(r.path()).isEqualTo("/partners/acme/transactions");
    assertThat(r.query()).containsExactly(Map.entry("from", "2026-01-01"), Map.entry("x", "a b"));
  }

  @Test
  void anExecuteApiUrlOfADeployedApiIdIsFoundThroughTheEnvironmentThatNamesIt() throws Exception {
    Workspace demo = DemoWorkspace.load();
    Workspace deployed = demo.newBuilder().environments(List.of(new Environment("aws-dev", Map.of("b2bApiId", "abc123")))).build();

    UrlResolution r = UrlResolver.create(deployed, Map.of()).resolve("https://abc123.execute-api.eu-west-1.amazonaws.com/b2b/settlements", "POST");

    assertThat(r).isInstanceOf(UrlResolution.Resolved.class);
    UrlResolution.Resolved ok = (UrlResolution.Resolved) r;
    assertThat(ok.gateway()).isEqualTo("b2b");
    assertThat(ok.path()).isEqualTo("/b2b/settlements");
    assertThat(ok.environment()).isEqualTo("aws-dev");
    assertThat(ok.origin()).isEqualTo(UrlResolution.Origin.ENVIRONMENT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "https://zzz.execute-api.us-east-1.amazonaws.com/prod/me | no gateway of payments-demo has api id 'zzz'",
      "http://127.0.0.1:40931/me | does not start with the stage /prod of gateway 'payments'",
      "nope:/me | 'nope' is not a gateway of payments-demo",
      "/nowhere/at/all | no gateway of payments-demo has a route for GET /nowhere/at/all; say which gateway with API:/path",
      "https://example.org/x | is not a local gateway, an execute-api URL",
      "me | is neither a URL nor a path",
  })
  void whatNamesNothingGetsASentenceWithTheWayOut(String url, String sentence) {
    UrlResolution r = RESOLVER.resolve(url, "GET");
    assertThat(r).isInstanceOf(UrlResolution.Unresolved.class);
    assertThat(((UrlResolution.Unresolved) r).sentence()).contains(sentence);
  }
}
