package dev.portcullis.engine.rules.jwt;

import dev.portcullis.engine.testing.MutableClock;
import static dev.portcullis.engine.rules.jwt.Tokens.K1;
import static dev.portcullis.engine.rules.jwt.Tokens.NOW;
import static dev.portcullis.engine.rules.jwt.Tokens.claims;
import static dev.portcullis.engine.rules.jwt.Tokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * apigw-facts §3, "JWKS fetch, caching and timeouts": 1500 ms and 150000 bytes per endpoint. Every
 * failure is a refusal by {@code jwks.fetch}, never an exception.
 */
class JwksFetchTest {
  private final MutableClock clock = new MutableClock(NOW);
  private TestIssuer idp;
  private JwksSource source;

  @BeforeEach
  void start() throws Exception {
    idp = new TestIssuer().publish(K1);
    source = JwksSource.http(clock);
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  private TokenVerdict.Refused refusedByFetch() {
    String token = rs256(K1, claims(idp.issuer()).audience("aud").build());
    TokenVerdict verdict = TokenAuthorizer.create(source, clock).jwt("Bearer " + token, idp.issuer(), List.of("aud"), List.of());
    assertThat(verdict).isInstanceOf(TokenVerdict.Refused.class);
    TokenVerdict.Refused refused = (TokenVerdict.Refused) verdict;
    assertThat(refused.decidedBy()).isEqualTo("jwks.fetch");
    assertThat(refused.wwwAuthenticate()).isEqualTo("Bearer");
    assertThat(refused.checks()).last().extracting(TokenCheck::passed).isEqualTo(false);
    return refused;
  }

  @Test
  void discoversJwksUriAndReadsKeys() {
    JwksResult result = source.keys(idp.issuer(), false);
    assertThat(result).isInstanceOfSatisfying(JwksResult.Found.class, found -> {
      assertThat(found.jwksUri()).isEqualTo(idp.jwksUri());
      assertThat(found.keys()).extracting(SigningKey::kid, SigningKey::keyType).containsExactly(org.assertj.core.groups.Tuple.tuple("k1", "RSA"));
      assertThat(found.fromCache()).isFalse();
    });
  }

  @Test
  void servesKeysFromCacheUntilAnHourHasPassed() {
    source.keys(idp.issuer(), false);
    clock.advance(Duration.ofMinutes(59));
    assertThat(source.keys(idp.issuer(), false)).isInstanceOfSatisfying(JwksResult.Found.class,
        found -> assertThat(found.fromCache()).isTrue());
    assertThat(idp.jwksRequests()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    assertThat(source.keys(idp.issuer(), false)).isInstanceOfSatisfying(JwksResult.Found.class,
        found -> assertThat(found.fromCache()).isFalse());
    assertThat(idp.jwksRequests()).isEqualTo(2);
  }

  @Test
  void refreshRefetchesEvenWhenCached() {
    source.keys(idp.issuer(), false);
    source.keys(idp.issuer(), true);
    assertThat(idp.jwksRequests()).isEqualTo(2);
  }

  @Test
  void refusesWhenJwksEndpointIsSlowerThanOnePointFiveSeconds() {
    idp.jwksBodyDelayed("{\"keys\":[]}", 2500);
    assertThat(refusedByFetch().message()).contains("timed out after 1.5 s fetching " + idp.jwksUri());
  }

  @Test
  @org.junit.jupiter.api.DisplayName("§3: the 1500 ms is an HTTP API quota; a REST Cognito authoriser's key fetch is not held to it (§2)")
  void theTimeoutIsAnHttpApiQuotaNotACognitoOne() {
    idp.jwksBodyDelayed(new com.nimbusds.jose.jwk.JWKSet(K1.toPublicJWK()).toString(), 2000);
    assertThat(source.keys(idp.issuer(), false)).isInstanceOf(JwksResult.Failed.class);
    assertThat(JwksSource.cognito(clock, LocalDocuments.NONE).keys(idp.issuer(), false)).isInstanceOf(JwksResult.Found.class);
  }

  @Test
  @org.junit.jupiter.api.DisplayName("the local world's own documents are read in-process, with no fetch and no quota")
  void localDocumentsAreReadInProcess() {
    String discovery = "{\"jwks_uri\":\"" + idp.jwksUri() + "\"}";
    String keys = new com.nimbusds.jose.jwk.JWKSet(K1.toPublicJWK()).toString();
    LocalDocuments local = uri -> java.util.Optional.of(uri.getPath().endsWith("openid-configuration") ? discovery : keys);
    idp.jwksBodyDelayed("{\"keys\":[]}", 2500);
    assertThat(JwksSource.http(clock, local).keys(idp.issuer(), false)).isInstanceOf(JwksResult.Found.class);
    assertThat(idp.jwksRequests()).isZero();
  }

  @Test
  @org.junit.jupiter.api.DisplayName("requests that miss the cache together share one fetch")
  void concurrentMissesShareOneFetch() throws Exception {
    idp.jwksBodyDelayed(new com.nimbusds.jose.jwk.JWKSet(K1.toPublicJWK()).toString(), 400);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      List<java.util.concurrent.Future<JwksResult>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(threads.submit(() -> {
          start.await();
          return source.keys(idp.issuer(), false);
        }));
      }
      start.countDown();
      for (var r : results) {
        assertThat(r.get()).isInstanceOf(JwksResult.Found.class);
      }
    }
    assertThat(idp.jwksRequests()).isEqualTo(1);
  }

  @Test
  void refusesJwksLargerThan150000Bytes() {
    String padding = "x".repeat(150_001);
    idp.jwksAnswers(TestIssuer.json("{\"keys\":[],\"padding\":\"" + padding + "\"}"));
    assertThat(refusedByFetch().message()).contains("response from " + idp.jwksUri() + " exceeds 150000 bytes");
  }

  @Test
  void acceptsJwksJustUnderTheLimit() {
    String json = new com.nimbusds.jose.jwk.JWKSet(K1.toPublicJWK()).toString();
    String padded = json.substring(0, json.length() - 1) + ",\"padding\":\"";
    padded = padded + "x".repeat(150_000 - padded.length() - 2) + "\"}";
    assertThat(padded).hasSize(150_000);
    idp.jwksAnswers(TestIssuer.json(padded));
    assertThat(source.keys(idp.issuer(), false)).isInstanceOf(JwksResult.Found.class);
  }

  @Test
  void refusesWhenDiscoveryDocumentIsMissing() {
    idp.discoveryAnswers(new MockResponse.Builder().code(404).build());
    assertThat(refusedByFetch().message()).contains("HTTP 404 from " + idp.issuer() + "/.well-known/openid-configuration");
  }

  @Test
  void refusesDiscoveryDocumentWithoutJwksUri() {
    idp.discoveryAnswers(TestIssuer.json("{\"issuer\":\"x\"}"));
    assertThat(refusedByFetch().message()).contains("has no jwks_uri");
  }

  @Test
  void refusesMalformedJwks() {
    idp.jwksAnswers(TestIssuer.json("{\"keys\": [ {\"kty\": "));
    assertThat(refusedByFetch().message()).contains("malformed JWKS from " + idp.jwksUri());
  }

  @Test
  void refusesUnreachableIssuer() {
    String issuer = idp.issuer();
    idp.close();
    JwksResult result = source.keys(issuer, false);
    assertThat(result).isInstanceOfSatisfying(JwksResult.Failed.class,
        failed -> assertThat(failed.reason()).contains(issuer + "/.well-known/openid-configuration"));
  }

  @Test
  void refusesIssuerThatIsNotAnHttpUrl() {
    assertThat(source.keys("urn:example:issuer", false)).isInstanceOfSatisfying(JwksResult.Failed.class,
        failed -> assertThat(failed.reason()).contains("is not an http(s) URL"));
  }

  /** Undocumented by AWS (apigw-facts §3 lists no retry rule): the emulator holds a failure for 10 s and says so. */
  @Test
  void aFailedFetchIsRememberedForTenSecondsAndTheRefusalSaysSo() {
    idp.jwksAnswers(new MockResponse.Builder().code(503).build());
    assertThat(source.keys(idp.issuer(), false)).isInstanceOf(JwksResult.Failed.class);
    idp.jwksAnswers(null);
    int fetched = idp.jwksRequests();

    clock.advance(Duration.ofSeconds(4));
    assertThat(source.keys(idp.issuer(), false)).isInstanceOfSatisfying(JwksResult.Failed.class, failed -> assertThat(failed.reason())
        .contains("503", "a fetch 4.0 s ago, remembered", "fetches again in 6.0 s", "API Gateway retries a failed fetch is undocumented"));
    assertThat(source.keys(idp.issuer(), true)).as("an unknown kid does not skip the hold").isInstanceOf(JwksResult.Failed.class);
    assertThat(idp.jwksRequests()).isEqualTo(fetched);

    clock.advance(Duration.ofSeconds(6));
    assertThat(source.keys(idp.issuer(), false)).isInstanceOf(JwksResult.Found.class);
    assertThat(idp.jwksRequests()).isEqualTo(fetched + 1);
  }

  @Test
  void aSuccessForgetsAnEarlierFailure() {
    idp.jwksAnswers(new MockResponse.Builder().code(503).build());
    source.keys(idp.issuer(), false);
    idp.jwksAnswers(null);
    clock.advance(JwksSource.FAILURE_HOLD);
    assertThat(source.keys(idp.issuer(), false)).isInstanceOf(JwksResult.Found.class);
    idp.jwksAnswers(new MockResponse.Builder().code(503).build());
    clock.advance(Duration.ofHours(1));
    assertThat(source.keys(idp.issuer(), false)).as("fetched again after the hour, and failed afresh")
        .isInstanceOfSatisfying(JwksResult.Failed.class, failed -> assertThat(failed.reason()).doesNotContain("remembered"));
  }
}
