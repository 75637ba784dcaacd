package dev.portcullis.engine.exchange.postman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Postman's own collection SDK ({@code postman-collection}, engine/src/test/node) is the oracle: our
 * export of the demo must parse there, every request must come out with the method, URL, body and
 * the auth Postman's inheritance gives it that the workspace's caller inheritance gives it here; and
 * what the SDK writes back must import as the same requests with the same callers, secrets aside.
 * Needs Node and {@code npm ci --prefix engine/src/test/node}; skipped with that reason otherwise.
 */
@Tag("peer")
class PostmanPeerTest {
  private static final Path PEER = Path.of(System.getProperty("portcullis.root", ".."), "engine", "src", "test", "node");

  @BeforeEach
  void requirePostmanSdk() {
    assumeTrue(Files.isRegularFile(PEER.resolve("postman-peer.js")), "postman peer script not found at " + PEER.toAbsolutePath());
    assumeTrue(nodeWorks(), "node is not on PATH; install Node 20+ to run the postman-collection peer");
    assumeTrue(Files.isDirectory(PEER.resolve("node_modules/postman-collection")),
        "postman-collection is not installed; run: npm ci --prefix engine/src/test/node");
  }

  @Test
  void theDemosExportReadsInPostmansSdkAndBackWithNothingLostButSecrets(@TempDir Path dir) throws Exception {
    Workspace demo = DemoWorkspace.load();
    PostmanCollections.Exported exported = PostmanCollections.write(demo);
    Path out = dir.resolve("demo.postman_collection.json");
    Files.writeString(out, exported.json());
    Path back = dir.resolve("back.json");
    JsonNode seen = Json.mapper().readTree(peer(out, back));

    assertThat(seen.path("name").asText()).isEqualTo(demo.name());
    assertThat(seen.path("requests")).hasSize(demo.requests().size());
    Map<String, JsonNode> byName = new HashMap<>();
    seen.path("requests").forEach(r -> byName.put(r.path("name").asText(), r));
    for (SavedRequest r : demo.requests()) {
      JsonNode p = byName.get(r.name());
      assertThat(p).as(r.name()).isNotNull();
      assertThat(p.path("method").asText()).as(r.name()).isEqualTo(r.method());
      assertThat(p.path("url").asText()).as(r.name()).startsWith("{{" + r.gateway() + ".baseUrl}}" + r.path().split("\\{\\{")[0]);
      assertThat(p.path("body").isNull() ? null : p.path("body").asText()).as(r.name()).isEqualTo(r.body());
      assertThat(p.path("folders").size() == 0 ? null : p.path("folders").get(0).asText()).isEqualTo(r.folder());
      Caller caller = demo.caller(demo.effectiveCaller(r).orElseThrow()).orElseThrow();
      assertThat(p.path("auth").path("type").asText()).as(r.name() + " as " + caller.name()).isEqualTo(postmanType(caller));
      assertAuthParams(caller, p.path("auth").path("params"));
    }
    assertNoSecretValue(demo, exported.json());
    assertNoSecretValue(demo, Files.readString(back));

    // Postman's SDK wrote it back; our importer reads that into a workspace with the demo's gateways and nothing else
    Workspace bare = new Workspace(1, "bare", null, null, null, demo.gateways(), List.of(), List.of(), List.of(), List.of(), demo.emulator());
    dev.portcullis.engine.exchange.ImportedParts imported = PostmanCollections.read(back, bare);
    Workspace merged = imported.mergedInto(bare);
    assertThat(merged.requests()).as(String.join("\n", imported.report())).hasSize(demo.requests().size());
    for (SavedRequest r : demo.requests()) {
      SavedRequest i = merged.request(r.name()).orElseThrow(() -> new AssertionError("not imported: " + r.name()));
      assertThat(List.of(i.gateway(), i.method(), i.path(), String.valueOf(i.body()), i.headers().toString(), String.valueOf(i.folder())))
          .as(r.name()).isEqualTo(List.of(r.gateway(), r.method(), r.path(), String.valueOf(r.body()), r.headers().toString(),
              String.valueOf(r.folder())));
      String was = demo.effectiveCaller(r).orElseThrow();
      String now = merged.effectiveCaller(i).orElseThrow();
      assertThat(now).as(r.name()).isEqualTo(was);
      assertThat(kind(merged.caller(now).orElseThrow())).as(r.name()).isEqualTo(kind(demo.caller(was).orElseThrow()));
    }
    assertThat(imported.report()).anyMatch(l -> l.contains("caller 'refresh-job' secretAccessKey: env:refresh_job_secretAccessKey"));
    Caller.Iam refreshJob = (Caller.Iam) merged.caller("refresh-job").orElseThrow();
    assertThat(refreshJob.credentials()).isEqualTo(new dev.portcullis.engine.model.CredentialSource.StaticKeys("ASIALOCALREFRESHJOB1",
        new dev.portcullis.engine.model.SecretRef.Env("refresh_job_secretAccessKey"),
        new dev.portcullis.engine.model.SecretRef.Env("refresh_job_sessionToken")));
    assertThat(refreshJob.region()).isEqualTo("us-east-1");
  }

  /** Cognito's SRP login has no Postman form: it travels as a bearer token to paste, which imports back as one. */
  private static String kind(Caller c) {
    return c instanceof Caller.CognitoUser ? Caller.CustomToken.class.getSimpleName() : c.getClass().getSimpleName();
  }

  private static String postmanType(Caller c) {
    return switch (c) {
      case Caller.Iam i -> "awsv4";
      case Caller.ApiKey k -> "apikey";
      case Caller.CustomToken t -> "bearer";
      case Caller.CognitoUser u -> "bearer";
      case Caller.OidcClient o -> "oauth2";
      case Caller.Anonymous a -> "noauth";
    };
  }

  private static void assertAuthParams(Caller c, JsonNode params) {
    switch (c) {
      case Caller.Iam i -> {
        assertThat(params.path("secretKey").asText()).isEqualTo("{{" + i.name() + ".secretAccessKey}}");
        assertThat(params.path("region").asText()).isEqualTo(i.region());
        assertThat(params.path("service").asText()).isEqualTo("execute-api");
      }
      case Caller.ApiKey k -> {
        assertThat(params.path("key").asText()).isEqualTo("x-api-key");
        assertThat(params.path("value").asText()).isEqualTo("{{" + k.name() + ".apiKey}}");
        assertThat(params.path("in").asText()).isEqualTo("header");
      }
      case Caller.CustomToken t -> assertThat(params.path("token").asText()).isEqualTo("{{" + t.name() + ".token}}");
      case Caller.CognitoUser u -> assertThat(params.path("token").asText()).isEqualTo("{{" + u.name() + ".token}}");
      case Caller.OidcClient o -> {
        assertThat(params.path("grant_type").asText()).isEqualTo("client_credentials");
        assertThat(params.path("clientId").asText()).isEqualTo(o.clientId());
        assertThat(params.path("clientSecret").asText()).isEqualTo("{{" + o.name() + ".clientSecret}}");
        assertThat(params.path("scope").asText()).isEqualTo(String.join(" ", o.scopes()));
      }
      case Caller.Anonymous a -> assertThat(params.size()).isZero();
    }
  }

  /** The emulator's fixture secrets (API keys, secret access keys, passwords, client secrets) appear nowhere. */
  private static void assertNoSecretValue(Workspace demo, String json) {
    demo.emulator().apiKeys().forEach(k -> assertThat(json).doesNotContain(k.value()));
    demo.emulator().accessKeys().forEach(k -> assertThat(json).doesNotContain(k.secretAccessKey()));
    assertThat(json).doesNotContain("localonly/");
  }

  private static String peer(Path in, Path out) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("node", PEER.resolve("postman-peer.js").toString(), in.toString(), out.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("node postman-peer.js").isZero();
    return stdout;
  }

  private static boolean nodeWorks() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
