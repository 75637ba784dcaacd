package dev.portcullis.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.ChallengeHandler;
import dev.portcullis.engine.model.SavedRequest;
import dev.portcullis.engine.run.Session;
import dev.portcullis.engine.store.DemoWorkspace;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.export.TraceExport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credentials under names field masking missed, and secrets of the session wherever they sit, are
 * masked in the rulings endpoint and in trace exports (issue 12, item 6).
 */
class MaskingByValueTest {
  static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6OTk5fQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
  static final String API_KEY = "plainApiKey-77aa88bb99cc";
  static final String SIGNATURE = "a3f5c0e1b2d4968877665544332211ffeeddccbbaa99887766554433221100aa";
  static final String AUTH_TOKEN = "xAuthToken-1234567890abcdef";
  static final String PROXY = "cHJveHl1c2VyOnByb3h5cGFzc3dvcmQ=";
  static final String COOKIE = "sid=cookieValue-5566778899";
  static final String PASSWORD = "bodyPassword-00112233";
  static final String ACME = "local-acme-3f9a1b7c5d2e4f60a1b2c3d4";
  static final List<String> ALL = List.of(JWT, API_KEY, SIGNATURE, AUTH_TOKEN, PROXY, "cookieValue-5566778899", PASSWORD, ACME);

  private static Session session;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    session = Session.local(DemoWorkspace.load(), Clock.systemUTC(), true, (w, l) -> Optional.empty(), line -> { });
    session.credential("acme", ChallengeHandler.none()); // resolves acme's key: the session now knows it
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  private static final String QUERY = "access_token=" + JWT + "&api_key=" + API_KEY + "&X-Amz-Signature=" + SIGNATURE + "&note=" + ACME;

  @Test
  void theRulingsEndpointMasksCredentialsByNameAndByValue() throws Exception {
    URI api = session.world().orElseThrow().apiUrls().get("payments");
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/partners/acme/transactions?" + QUERY))
        .header("x-api-key", ACME).header("X-Auth-Token", AUTH_TOKEN).header("Proxy-Authorization", "Basic " + PROXY)
        .header("Cookie", COOKIE).header("X-Note", "key is " + ACME)
        .POST(HttpRequest.BodyPublishers.ofString("{\"Cookie\": \"" + COOKIE + "\", \"password\": \"" + PASSWORD + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
    HttpResponse<String> ruling = HTTP.send(HttpRequest.newBuilder(URI.create(api.resolve("/_portcullis/rulings/" + id).toString()))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ruling.statusCode()).isEqualTo(200);
    // the JDK client never sends Proxy-Authorization to a server; the trace test below covers it
    assertThat(ruling.body()).containsIgnoringCase("X-Auth-Token").contains("access_token").contains("X-Amz-Signature");
    for (String secret : ALL) {
      assertThat(ruling.body()).as(secret).doesNotContain(secret);
    }
  }

  @Test
  void traceExportsMaskThemToo() {
    SavedRequest r = new SavedRequest("leaky", null, null, "payments", "POST", "/partners/acme/transactions?" + QUERY, null,
        Map.of("X-Auth-Token", AUTH_TOKEN, "Proxy-Authorization", "Basic " + PROXY, "Cookie", COOKIE, "X-Note", "key " + ACME),
        "{\"Cookie\": \"" + COOKIE + "\", \"password\": \"" + PASSWORD + "\"}", "acme", null, null, null);
    Trace trace = session.run(r, null, ChallengeHandler.none());
    TraceExport export = TraceExport.create(session.masking());
    String json = export.toJson(trace);
    String md = export.toMarkdown(trace);
    assertThat(json).containsIgnoringCase("X-Auth-Token").containsIgnoringCase("Proxy-Authorization");
    for (String secret : ALL) {
      assertThat(json).as("json " + secret).doesNotContain(secret);
      assertThat(md).as("md " + secret).doesNotContain(secret);
    }
  }

  @Test
  void scrubbingKeepsNamesAndMasksValues() {
    String text = "GET /x?access_token=" + JWT + "&page=2\nX-Auth-Token: " + AUTH_TOKEN + "\nHost: a.example\n"
        + "{\"cookies\": [\"" + COOKIE + "\"], \"token_use\": \"access\"}";
    String scrubbed = ValueMasking.scrub(text, List.of());
    assertThat(scrubbed).contains("page=2").contains("Host: a.example").contains("\"token_use\": \"access\"")
        .contains("X-Auth-Token: xAut****cdef").doesNotContain(JWT).doesNotContain(AUTH_TOKEN).doesNotContain("cookieValue");
    assertThat(ValueMasking.scrub(scrubbed, List.of())).as("idempotent").isEqualTo(scrubbed);
    assertThat(ValueMasking.scrub("the key is " + ACME + ".", List.of(ACME))).isEqualTo("the key is loca****c3d4.");
  }
}
