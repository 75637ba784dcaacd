package dev.portcullis.engine.rules;

import static dev.portcullis.engine.rules.PipelineFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.rules.iam.PrincipalIds;
import dev.portcullis.engine.model.Workspace;
import dev.portcullis.engine.rules.Ruling.Outcome.Denied;
import dev.portcullis.engine.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** AWS_IAM routes of the demo, with requests signed by the AWS SDK's own signer (spec §5). */
class IamPipelineTest {
  private static final String HOST = "pay1local.execute-api.us-east-1.amazonaws.com";
  private final Workspace demo = demo();
  private final MutableClock clock = new MutableClock(START);
  private final Pipeline pipeline = Pipeline.builder(demo).clock(clock).requestIds(numberedIds()).build();

  private IncomingRequest signed(String accessKey, String path, Instant signedAt, String region) {
    var key = demo.emulator().accessKeys().stream().filter(k -> k.accessKeyId().equals(accessKey)).findFirst().orElseThrow();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("https").host(HOST)
        .encodedPath(path).putHeader("content-type", "application/json").build();
    SdkHttpRequest signed = AwsV4HttpSigner.create().sign((SignRequest.Builder<AwsCredentialsIdentity> r) -> r
        .identity(key.sessionToken() == null ? AwsCredentialsIdentity.create(key.accessKeyId(), key.secretAccessKey())
            : AwsSessionCredentialsIdentity.create(key.accessKeyId(), key.secretAccessKey(), key.sessionToken()))
        .request(request).payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))).request();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (signed.firstMatchingHeader("Host").isEmpty()) {
      headers.add(Map.entry("Host", HOST)); // the HTTP client adds it when the signer did not
    }
    signed.forEachHeader((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
    return new IncomingRequest("POST", signed.encodedPath(), null, new HeaderList(headers), body, "10.0.0.5", clock.instant());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ctx(Ruling ruling) {
    return (Map<String, Object>) ruling.integrationEvent().get("requestContext");
  }

  @Test
  @DisplayName("spec §5 Table A: refresh-job's role is allowed and its principal reaches requestContext.identity")
  void refreshJobIsAllowed() {
    Ruling ruling = pipeline.decide(signed("ASIALOCALREFRESHJOB1", "/prod/internal/refresh", START, "us-east-1"),
        gateway(demo, "payments"));
    assertThat(ruling.allowed()).isTrue();
    assertThat(ruling.checks()).extracting(Ruling.Check::id)
        .containsExactly("route", "sigv4.signature", "iam.policy", "apiKey", "integration");
    @SuppressWarnings("unchecked")
    Map<String, Object> identity = (Map<String, Object>) ctx(ruling).get("identity");
    assertThat(identity).containsEntry("userArn", "arn:aws:sts::111122223333:assumed-role/refresh-job/refresh-handler")
        .containsEntry("accountId", "111122223333").containsEntry("accessKey", "ASIALOCALREFRESHJOB1")
        .containsEntry("caller", PrincipalIds.of("arn:aws:sts::111122223333:assumed-role/refresh-job/refresh-handler"))
        .containsEntry("user", PrincipalIds.of("arn:aws:sts::111122223333:assumed-role/refresh-job/refresh-handler"));
    assertThat((String) identity.get("caller")).as("a role session's principal id (spec §5), not a name")
        .matches("AROA[A-Z2-7]{17}:refresh-handler");
    assertThat(ctx(ruling)).doesNotContainKey("authorizer");
  }

  @Test
  @DisplayName("spec §1.2, §5: reporting is explicitly denied by the resource policy: 403 AccessDeniedException")
  void reportingIsDeniedByTheResourcePolicy() {
    Ruling ruling = pipeline.decide(signed("ASIALOCALREPORTING01", "/prod/internal/refresh", START, "us-east-1"),
        gateway(demo, "payments"));
    Denied d = (Denied) ruling.outcome();
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.errorType()).isEqualTo("AccessDeniedException");
    assertThat(d.body()).isEqualTo("{\"message\":\"User: arn:aws:sts::111122223333:assumed-role/reporting/reporting-task is not authorized to "
        + "perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:111122223333:pay1local/prod/POST/"
        + "internal/refresh with an explicit deny\"}");
    assertThat(d.decidedBy()).isEqualTo("iam.policy");
    assertThat(ruling.check("iam.policy").orElseThrow().evidence()).contains("OnlyRefreshJobMayRefresh");
  }

  @Test
  @DisplayName("spec §5, §1.2: a signature 10 minutes ahead of the gateway's clock is 403 InvalidSignatureException")
  void clockSkew() {
    Ruling ruling = pipeline.decide(signed("ASIALOCALREFRESHJOB1", "/prod/internal/refresh",
        START.plus(Duration.ofMinutes(10)), "us-east-1"), gateway(demo, "payments"));
    Denied d = (Denied) ruling.outcome();
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.errorType()).isEqualTo("InvalidSignatureException");
    assertThat(d.headers()).containsEntry("x-amzn-ErrorType", "InvalidSignatureException");
    assertThat(d.body()).startsWith("{\"message\":\"Signature not yet current: 20260302T101000Z is still later than");
    assertThat(d.decidedBy()).isEqualTo("sigv4.skew");
  }

  @Test
  @DisplayName("spec §5: an unsigned request to an AWS_IAM method is 403 Missing Authentication Token")
  void unsigned() {
    Denied d = (Denied) pipeline.decide(request(clock, "POST", "/prod/internal/refresh"), gateway(demo, "payments")).outcome();
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.errorType()).isEqualTo("MissingAuthenticationTokenException");
    assertThat(d.decidedBy()).isEqualTo("sigv4.missing");
  }

  @Test
  @DisplayName("spec §5: HTTP payload 2.0 carries the principal in requestContext.authorizer.iam; no resource policy")
  void httpApiPropagatesTheIamPrincipal() {
    Ruling ruling = pipeline.decide(signed("ASIALOCALREFRESHJOB1", "/v2/internal/sync", START, "us-east-1"),
        gateway(demo, "mobile"));
    assertThat(ruling.allowed()).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> iam = (Map<String, Object>) ((Map<String, Object>) ctx(ruling).get("authorizer")).get("iam");
    assertThat(iam).containsEntry("userArn", "arn:aws:sts::111122223333:assumed-role/refresh-job/refresh-handler")
        .containsEntry("accessKey", "ASIALOCALREFRESHJOB1").containsEntry("accountId", "111122223333")
        .containsEntry("userId", PrincipalIds.of("arn:aws:sts::111122223333:assumed-role/refresh-job/refresh-handler"));
    assertThat(ruling.integrationEvent()).containsEntry("version", "2.0").containsEntry("routeKey", "POST /v2/internal/sync");
    Ruling reporting = pipeline.decide(signed("ASIALOCALREPORTING01", "/v2/internal/sync", START, "us-east-1"),
        gateway(demo, "mobile"));
    assertThat(reporting.outcome().status()).isEqualTo(403);
    assertThat(reporting.decidedBy()).isEqualTo("iam.policy");
    assertThat(reporting.outcome().headers()).doesNotContainKey("x-amzn-ErrorType");
  }

  @Test
  @DisplayName("spec §5 X-Amz-Security-Token, §1.2 'IAM keys invalid': a role session's keys without their session token are refused")
  void aSessionKeyWithoutItsTokenIsRefused() {
    var key = demo.emulator().accessKeys().stream().filter(k -> k.accessKeyId().equals("ASIALOCALREFRESHJOB1")).findFirst().orElseThrow();
    assertThat(key.sessionToken()).isNotNull();
    IncomingRequest withToken = signed("ASIALOCALREFRESHJOB1", "/prod/internal/refresh", START, "us-east-1");
    assertThat(withToken.headers().first("X-Amz-Security-Token")).contains(key.sessionToken());
    List<Map.Entry<String, String>> without = withToken.headers().entries().stream()
        .filter(h -> !h.getKey().equalsIgnoreCase("X-Amz-Security-Token")).toList();
    Ruling ruling = pipeline.decide(new IncomingRequest(withToken.method(), withToken.rawPath(), null, new HeaderList(without),
        withToken.body(), withToken.sourceIp(), withToken.receivedAt()), gateway(demo, "payments"));
    Denied d = (Denied) ruling.outcome();
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.body()).isEqualTo("{\"message\":\"The security token included in the request is invalid.\"}");
    assertThat(ruling.decidedBy()).isEqualTo("sigv4.sessionToken");
  }

  @Test
  @DisplayName("spec §1.1 EXPIRED_TOKEN: an expired role session is 403 ExpiredTokenException, before any policy is read")
  void anExpiredSessionIsItsOwnCase() {
    Ruling ruling = pipeline.decide(signed("ASIALOCALREFRESHOLD1", "/prod/internal/refresh", START, "us-east-1"),
        gateway(demo, "payments"));
    Denied d = (Denied) ruling.outcome();
    assertThat(d.status()).isEqualTo(403);
    assertThat(d.headers()).containsEntry("x-amzn-ErrorType", "ExpiredTokenException");
    assertThat(d.body()).isEqualTo("{\"message\":\"The security token included in the request is expired\"}");
    assertThat(d.gatewayResponseType()).isEqualTo("EXPIRED_TOKEN");
    assertThat(ruling.decidedBy()).isEqualTo("sigv4.sessionExpired");
    assertThat(ruling.check("sigv4.sessionExpired").orElseThrow().evidence()).contains("not captured for execute-api");
  }

  @Test
  @DisplayName("spec §1.1 EXPIRED_TOKEN: a session that was valid expires on the gateway's clock")
  void aSessionExpiresOnTheGatewaysClock() {
    clock.advance(Duration.ofHours(12));
    Ruling ruling = pipeline.decide(signed("ASIALOCALREFRESHJOB1", "/prod/internal/refresh", clock.instant(), "us-east-1"),
        gateway(demo, "payments"));
    assertThat(ruling.decidedBy()).isEqualTo("sigv4.sessionExpired");
  }
}
