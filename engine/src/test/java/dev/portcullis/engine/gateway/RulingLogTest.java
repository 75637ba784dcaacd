package dev.portcullis.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.rules.Ruling;
import dev.portcullis.engine.store.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RulingLogTest {
  /** Room for about three of the small rulings below. */
  private static final long THREE = 3 * kept(ruling("x")) + 10;

  /** The room the log needs free to keep {@code ruling} (it takes less once written). */
  private static long kept(Ruling ruling) {
    return RulingRing.recordBytes(RulingCodec.id(ruling.requestId()), RulingCodec.Encoding.of(ruling).maxBytes());
  }

  private static Ruling ruling(String requestId) {
    return new Ruling(requestId, Instant.EPOCH, "b2b", Gateway.Flavor.HTTP, "GET", "/", "GET /",
        new Ruling.Outcome.Allowed(200, Map.of(), ""), List.of(), null);
  }

  /** A ruling as an echo route makes it: the answer's body is the event, which carries nulls and numbers. */
  private static Ruling echoed(String requestId, String padding) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "2.0");
    event.put("rawPath", "/b2b/settlements");
    event.put("headers", new LinkedHashMap<>(Map.of("authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig", "x-pad", padding)));
    event.put("stageVariables", null);
    event.put("requestContext", new LinkedHashMap<>(Map.of("requestId", requestId, "timeEpoch", 1796175470771L)));
    event.put("isBase64Encoded", false);
    Ruling draft = new Ruling(requestId, Instant.parse("2026-12-02T01:00:00Z"), "b2b", Gateway.Flavor.HTTP, "POST",
        "/b2b/settlements", "POST /b2b/settlements", new Ruling.Outcome.Allowed(200, Map.of(), ""),
        List.of(new Ruling.Check("route", true, "POST /b2b/settlements matched"), new Ruling.Check("jwt.signature", true,
            "RS256 signature verified with key bank-1")), event);
    Ruling.Outcome body = new Ruling.Outcome.Allowed(200, Map.of("Content-Type", "application/json", "apigw-requestid", requestId),
        draft.integrationEventJson());
    return new Ruling(requestId, draft.receivedAt(), draft.gateway(), draft.flavor(), draft.method(), draft.path(),
        draft.routeKey(), body, draft.checks(), event);
  }

  @Test
  void aRulingAddedWithItsBodyAsSentRendersAsOneAddedWithout() {
    // the gateway hands over the bytes it answered with; a body that is not ASCII shows an encoding slip
    Ruling echo = echoed("req-é", "naïve ✓ 𝄞");
    Ruling denied = new Ruling("req-d", Instant.EPOCH, "b2b", Gateway.Flavor.HTTP, "GET", "/", "GET /",
        new Ruling.Outcome.Denied(401, "UNAUTHORIZED", null, "{\"message\":\"Unauthorized ✗\"}", Map.of("www-authenticate", "Bearer"),
            "jwt.signature"), List.of(new Ruling.Check("jwt.signature", false, "no key ✗")), null);
    RulingLog log = new RulingLog(256 * 1024);
    for (Ruling ruling : List.of(echo, denied)) {
      log.add(ruling, ruling.outcome().body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(log.find(ruling.requestId())).as(ruling.requestId()).contains(ruling);
    }
  }

  @Test
  void findsARulingByItsRequestId() {
    RulingLog log = new RulingLog(THREE);
    log.add(ruling("a"));
    assertThat(log.find("a")).map(Ruling::requestId).contains("a");
    assertThat(log.find("b")).isEmpty();
  }

  @Test
  void dropsTheOldestOncePastItsSize() {
    RulingLog log = new RulingLog(THREE);
    List<String> ids = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    ids.forEach(id -> log.add(ruling(id)));
    assertThat(ids.subList(0, 5)).allSatisfy(id -> assertThat(log.find(id)).as(id).isEmpty());
    assertThat(ids.subList(7, 10)).allSatisfy(id -> assertThat(log.find(id)).as(id).isPresent());
    assertThat(log.bytes()).isLessThanOrEqualTo(THREE);
  }

  @Test
  void boundsMemoryBySizeAndRendersTheNewestAsBefore() {
    RulingLog log = new RulingLog(256 * 1024);
    List<Ruling> added = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // sizes vary (0 to 2 KB of padding), so the bound is not a count in disguise
      Ruling ruling = echoed("req-" + i, "p".repeat((i * 37) % 2048));
      added.add(ruling);
      log.add(ruling);
    }

    assertThat(log.bytes()).isLessThanOrEqualTo(256 * 1024);
    assertThat(log.find("req-0")).as("the oldest are evicted").isEmpty();
    long kept = added.stream().filter(r -> log.find(r.requestId()).isPresent()).count();
    assertThat(kept).isBetween(50L, 399L);
    // what is kept is the newest, without a gap
    assertThat(added.subList(added.size() - (int) kept, added.size()))
        .allSatisfy(r -> {
          Ruling again = log.find(r.requestId()).orElseThrow();
          assertThat(again).isEqualTo(r);
          assertThat(Json.readObject(again.toJsonString())).isEqualTo(Json.readObject(r.toJsonString()));
          assertThat(again.integrationEventJson()).isEqualTo(r.integrationEventJson());
          assertThat(again.event()).isEqualTo(r.event());
        });
  }

  @Test
  void anEchoRulingOfTheRuleBookKeepsItsEventOnceAsTheBody() throws Exception {
    String json = """
        {"schemaVersion": 1, "name": "echo", "emulator": {"localOnly": true},
         "gateways": [{"name": "h", "flavor": "HTTP", "apiId": "h1", "routes": [
           {"method": "POST", "path": "/echo", "authorization": "NONE", "integration": {"type": "echo", "payloadFormat": "2.0"}}]}]}
        """;
    var ws = dev.portcullis.engine.store.WorkspaceStore.create(java.time.Clock.systemUTC())
        .parse(java.nio.file.Path.of("echo.json"), json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Ruling ruling = dev.portcullis.engine.rules.Pipeline.builder(ws).build().decide(new dev.portcullis.engine.http.IncomingRequest(
        "POST", "/echo", null, dev.portcullis.engine.http.HeaderList.of("Host", "x", "Content-Type", "application/json"),
        "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "127.0.0.1", Instant.parse("2026-12-02T01:00:00Z")), ws.gateway("h").orElseThrow());

    assertThat(ruling.allowed()).isTrue();
    Ruling written = new Ruling(ruling.requestId(), ruling.receivedAt(), ruling.gateway(), ruling.flavor(), ruling.method(),
        ruling.path(), ruling.routeKey(), ruling.outcome(), ruling.checks(), ruling.integrationEvent());
    assertThat(ruling.integrationEventJson()).as("the JSON the echo wrote, handed over, the same as written afresh")
        .isSameAs(ruling.outcome().body()).isEqualTo(written.integrationEventJson());
    assertThat(written).isEqualTo(ruling);
    byte[] encoded = RingRecords.encode(ruling);
    assertThat(encoded.length).as("the echo body is the event's JSON, kept once")
        .isLessThan(ruling.outcome().body().length() + 1024);
    Ruling again = RulingCodec.decode(ruling.requestId(), encoded);
    assertThat(again).isEqualTo(ruling);
    assertThat(again.integrationEventJson()).isEqualTo(ruling.integrationEventJson());
  }

  @Test
  void keepsTextInAnyScriptAsItWas() {
    RulingLog log = new RulingLog(64 * 1024);
    String text = "caf\u00e9 \u20ac \ud83d\ude80 \u65e5\u672c";
    Ruling ruling = new Ruling("u1", Instant.EPOCH, "b2b", Gateway.Flavor.HTTP, "GET", "/caf\u00e9", "GET /{x}",
        new Ruling.Outcome.Allowed(200, Map.of("x-note", text), "{\"m\":\"" + text + "\"}"),
        List.of(new Ruling.Check("jwt.claims", true, "sub " + text)), null);
    log.add(ruling);
    assertThat(log.find("u1")).contains(ruling);
  }

  @Test
  void theSameNonAsciiEvidenceObjectOnEveryRulingAndManyOthersComeBackAsWritten() {
    // the encoder keeps recent non-ASCII texts by identity (issue 19): the same object, equal texts that
    // are other objects, and more distinct texts than it keeps must each read back as they were
    RulingLog log = new RulingLog(1024 * 1024);
    String shared = "same account: an allow suffices (apigw-facts \u00a75, Table A)";
    List<Ruling> added = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String own = "statement #" + i + " \u00a7" + i + " \u20ac";
      Ruling ruling = new Ruling("n" + i, Instant.EPOCH, "payments", Gateway.Flavor.REST, "POST", "/prod/x", "POST /x",
          new Ruling.Outcome.Allowed(200, Map.of(), ""), List.of(new Ruling.Check("iam.policy", true, shared),
              new Ruling.Check("apiKey", true, own), new Ruling.Check("copy", true, new String(shared))), null);
      added.add(ruling);
      log.add(ruling);
    }
    assertThat(added).allSatisfy(r -> assertThat(log.find(r.requestId())).as(r.requestId()).contains(r));
  }

  @Test
  void aDeniedRulingWithoutAnEventRendersAsBefore() {
    RulingLog log = new RulingLog(64 * 1024);
    Ruling denied = new Ruling("d1", Instant.EPOCH, "payments", Gateway.Flavor.REST, "GET", "/prod/x", null,
        new Ruling.Outcome.Denied(403, "MISSING_AUTHENTICATION_TOKEN", "MissingAuthenticationTokenException",
            "{\"message\":\"Missing Authentication Token\"}", Map.of("x-amzn-ErrorType", "MissingAuthenticationTokenException"),
            "route"), List.of(new Ruling.Check("route", false, "no route GET /x")), null);
    log.add(denied);
    assertThat(log.find("d1")).contains(denied);
  }

  @Test
  void keepsALaterRulingWithTheSameIdWhenTheEarlierOneIsDropped() {
    RulingLog log = new RulingLog(2 * kept(ruling("a")) + 10);
    log.add(ruling("a"));
    Ruling again = new Ruling("a", Instant.EPOCH, "b2b", Gateway.Flavor.HTTP, "GET", "/", "GET /",
        new Ruling.Outcome.Allowed(201, Map.of(), ""), List.of(), null);
    log.add(again);
    log.add(ruling("b"));
    assertThat(log.find("a")).contains(again);
  }

  @Test
  void staysBoundedWhileManyThreadsAdd() throws Exception {
    long bound = 100 * kept(ruling("r10000"));
    RulingLog log = new RulingLog(bound);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    IntStream.range(0, 20_000).forEach(i -> pool.execute(() -> log.add(ruling("r" + i))));
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    long kept = IntStream.range(0, 20_000).filter(i -> log.find("r" + i).isPresent()).count();
    // each needs at most its room free and takes at least its written size
    long smallest = RulingRing.recordBytes(RulingCodec.id("r0"), RingRecords.encode(ruling("r0")).length);
    assertThat(kept).isBetween(99L, bound / smallest);
    assertThat(log.bytes()).isLessThanOrEqualTo(bound);
  }

  @Test
  void tellsListenersAndSurvivesOneThatFails() throws Exception {
    RulingLog log = new RulingLog(THREE);
    List<String> seen = new ArrayList<>();
    log.listen(r -> {
      throw new IllegalStateException("a closed view");
    });
    AutoCloseable handle = log.listen(r -> seen.add(r.requestId()));
    log.add(ruling("a"));
    handle.close();
    log.add(ruling("b"));
    assertThat(seen).containsExactly("a");
    assertThat(log.find("b")).isPresent();
  }
}
