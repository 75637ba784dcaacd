package dev.portcullis.engine.trace.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.portcullis.engine.http.Timings;
import dev.portcullis.engine.mask.Masking;
import dev.portcullis.engine.model.Expectation;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.trace.Detail;
import dev.portcullis.engine.trace.Exchange;
import dev.portcullis.engine.trace.Explanation;
import dev.portcullis.engine.trace.Header;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.Prediction;
import dev.portcullis.engine.trace.RequestSummary;
import dev.portcullis.engine.trace.SigV4Details;
import dev.portcullis.engine.trace.Step;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.Trace;
import dev.portcullis.engine.trace.TraceBuilder;
import dev.portcullis.engine.trace.Verdict;
import dev.portcullis.engine.trace.explain.Explainer;
import dev.portcullis.engine.trace.explain.ObservedResponse;
import dev.portcullis.engine.trace.explain.RouteFacts;
import dev.portcullis.engine.trace.token.TokenLab;
import dev.portcullis.engine.trace.token.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exports are masked, readable, and re-import for viewing. */
class TraceExportTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final String CLIENT_SECRET = "k8s9dj2mZq0Xv7uT1pLw3nRb5yHc";
  private static final String OPAQUE_BEARER = "opaque-access-7f3a9c2e1b4d6f8a";
  private static final String SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void aTraceWithoutSecretsSurvivesTheRoundTripUnchanged() {
    Trace trace = sampleTrace(false);
    TraceExport export = TraceExport.create(Masking.create());

    Trace back = export.fromJson(export.toJson(trace));

    assertThat(back).isEqualTo(trace);
  }

  @Test
  void aReimportedMaskedTraceExportsToTheSameJson() {
    TraceExport export = TraceExport.create(Masking.create().register(CLIENT_SECRET));
    String json = export.toJson(sampleTrace(true));

    assertThat(export.toJson(export.fromJson(json))).isEqualTo(json);
  }

  @Test
  void noSecretOrFullTokenAppearsInAnExport() {
    RSAKey key = Tokens.rsa("id-key-1");
    String jwt = Tokens.idToken(key, NOW, NOW.plus(Duration.ofHours(1)));
    Trace trace = traceWithSecrets(jwt, new JWKSet(key.toPublicJWK()));
    TraceExport export = TraceExport.create(Masking.create().register(CLIENT_SECRET));

    String json = export.toJson(trace);
    String markdown = export.toMarkdown(trace);

    for (String exported : List.of(json, markdown)) {
      assertThat(exported).doesNotContain(CLIENT_SECRET, jwt, OPAQUE_BEARER, SIGNATURE);
      assertThat(exported).contains(Masking.mask(CLIENT_SECRET), Masking.mask(jwt), Masking.mask(SIGNATURE));
      assertThat(exported).contains("Bearer " + Masking.mask(OPAQUE_BEARER));
      // the JWT's parts are not left behind either (the payload alone is enough to read the claims)
      assertThat(exported).doesNotContain(jwt.split("\\.")[1], jwt.split("\\.")[2]);
    }
  }

  @Test
  void markdownHasAHeadingPerStepTablesAndFences() {
    String markdown = TraceExport.create(Masking.create()).toMarkdown(sampleTrace(true));

    assertThat(markdown).startsWith("# Trace t-1\n");
    assertThat(markdown).contains("## 1. Acquire: OK", "## 2. Inspect: OK", "## 3. Predict: OK", "## 4. Send: OK",
        "## 5. Ruling: WARN", "## 6. Context: OK", "## 7. Verdict: FAIL");
    assertThat(markdown).contains("```text\nGET\n/prod/me", "| x-amzn-ErrorType | AccessDeniedException |",
        "1. The Lambda authoriser returned a policy");
  }

  @Test
  void importingSomethingElseSaysWhatIsWrong() {
    TraceExport export = TraceExport.create(Masking.create());

    assertThatThrownBy(() -> export.fromJson("{\"name\": \"a workspace\"}")).hasMessageContaining("not a Portcullis trace");
    assertThatThrownBy(() -> export.fromJson("not json")).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> export.fromJson("{\"schemaVersion\": 99}")).hasMessageContaining("schemaVersion 99");
  }

  private Trace traceWithSecrets(String jwt, JWKSet keys) {
    TraceBuilder builder = TraceBuilder.start("t-2", new RequestSummary("me", "GET", "https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod/me", "alice", "aws"), clock);
    builder.add(new Step.Acquire(Outcome.OK, "Token from the token endpoint", List.of(
        new Detail.Text("Request", "POST /oauth2/token client_id=4f1d&client_secret=" + CLIENT_SECRET),
        new Detail.Table("Form", List.of(Detail.Row.of("client_secret", CLIENT_SECRET)))), Duration.ofMillis(80),
        "client_credentials", "https://pay.auth.eu-west-1.amazoncognito.com/oauth2/token", false));
    TokenInspection inspection;
    try {
      inspection = TokenLab.create(clock).verifyWithKey(jwt, keys.toString());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    SigV4Details sigv4 = new SigV4Details("GET\n/prod/me\n\nhost:a1b2c3\n\nhost\nUNSIGNED", "AWS4-HMAC-SHA256\n20240501T120000Z",
        List.of("host", "x-amz-date"), "20240501/eu-west-1/execute-api/aws4_request", SIGNATURE);
    builder.add(new Step.Inspect(Outcome.OK, inspection.summary(), List.of(new Detail.Text("Raw", "the token was " + jwt)),
        Duration.ZERO, inspection, sigv4));
    Exchange exchange = new Exchange(new Exchange.SentRequest("GET", "https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod/me",
        List.of(new Header("Authorization", "Bearer " + OPAQUE_BEARER), new Header("X-Api-Key", "partner-key-0123456789"),
            new Header("x-amz-authorization-copy", "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE123/20240501/eu-west-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE)),
        ""), new Exchange.ReceivedResponse(200, List.of(), "{\"echo\":\"" + jwt + "\"}", 20), null);
    builder.add(new Step.Send(Outcome.OK, "200 in 12 ms", List.of(new Detail.Code("Raw request", "http",
        "GET /prod/me HTTP/1.1\nAuthorization: Bearer " + OPAQUE_BEARER + "\n")), Duration.ofMillis(12), exchange));
    return builder.finish(Verdict.judge(null, new Verdict.Actual(200, null, null, "")));
  }

  private Trace sampleTrace(boolean failing) {
    TraceBuilder builder = TraceBuilder.start("t-1", new RequestSummary("pay", "POST", "https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod/payments", "globex", "aws"), clock);
    builder.add(new Step.Acquire(Outcome.OK, "Token from cache", List.of(), Duration.ofMillis(3), "USER_SRP_AUTH", "cognito-idp.eu-west-1.amazonaws.com", true));
    builder.add(new Step.Inspect(Outcome.OK, "No token: an API key caller", List.of(), Duration.ZERO, null,
        failing ? new SigV4Details("GET\n/prod/me\n\nhost:a1b2c3\n\nhost\nUNSIGNED", "AWS4-HMAC-SHA256", List.of("host"), "20240501/eu-west-1/execute-api/aws4_request", SIGNATURE) : null));
    builder.add(new Step.Predict(Outcome.OK, "Predicted 200 (lambda.policy)", List.of(), Duration.ofMillis(1), new Prediction(200, "lambda.policy", null)));
    ObservedResponse observed = new ObservedResponse(403, List.of(new Header("x-amzn-ErrorType", "AccessDeniedException")),
        "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
    builder.add(new Step.Send(Outcome.OK, "403 in 40 ms", List.of(), Duration.ofMillis(40), new Exchange(
        new Exchange.SentRequest("POST", "https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod/payments", List.of(new Header("content-type", "application/json")), "{\"amount\": 1}"),
        new Exchange.ReceivedResponse(403, observed.headers(), observed.body(), observed.body().length()),
        new Timings(Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(9), Duration.ofMillis(38), Duration.ofMillis(40)))));
    Explanation explanation = Explainer.create().explain(observed, Gateway.Flavor.REST,
        new RouteFacts(dev.portcullis.engine.model.Route.AuthorizationType.CUSTOM, false, List.of()), new Prediction(200, "lambda.policy", null));
    builder.add(new Step.Ruling(Outcome.WARN, explanation.summary(), List.of(), Duration.ZERO, explanation));
    builder.add(new Step.Context(Outcome.OK, "Did not reach the integration", List.of(new Detail.Table("Checks", List.of(new Detail.Row("status", "403", "expected 200")))), Duration.ZERO, "{\"authorizer\": {\"tenantId\": \"globex\"}}"));
    return builder.finish(Verdict.judge(Expectation.status(200), new Verdict.Actual(403, "AccessDeniedException", null, observed.body())));
  }
}
