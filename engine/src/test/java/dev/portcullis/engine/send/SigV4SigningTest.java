package dev.portcullis.engine.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.rules.sigv4.CredentialLookup;
import dev.portcullis.engine.rules.sigv4.SigV4Verification;
import dev.portcullis.engine.rules.sigv4.SigV4Verifier;
import dev.portcullis.engine.rules.sigv4.SigningSecret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * What the SDK's signer signs, sent for real, verifies on the receiving side the way the local
 * gateway checks it (spec §5): arbitrary paths, queries, headers, bodies and session tokens.
 */
class SigV4SigningTest {
  private static final Instant NOW = Instant.parse("2026-11-26T09:30:00Z");
  private static final String KEY = "AKIDEXAMPLESIGNTEST1";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("GET", "/prod/me", null, "", null),
        Arguments.of("POST", "/prod/internal/refresh", null, "{\"full\":true}", null),
        Arguments.of("GET", "/prod/partners/a%20b/caf%C3%A9", "q=a%2Bb&z=1&a=%E2%9C%93&empty=", "", null),
        Arguments.of("PUT", "/prod/files/%7Bid%7D/x", "list=1&list=2", "binary\u0000body", "FQoGZXIvYXdzEXAMPLETOKEN//+="),
        Arguments.of("DELETE", "/$default/v2/internal/sync", null, "", "short-token"));
  }

  @ParameterizedTest(name = "{0} {1}?{2} token={4}")
  @MethodSource("requests")
  void sdkSignedRequestArrivesVerifiable(String method, String path, String query, String body, String token) throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    URI url = URI.create(server.url("/").toString().replaceFirst("/$", "") + path + (query == null ? "" : "?" + query));
    AwsCredentialsIdentity creds = token == null ? AwsCredentialsIdentity.create(KEY, SECRET)
        : AwsSessionCredentialsIdentity.create(KEY, SECRET, token);
    OutgoingRequest request = new OutgoingRequest(method, url, HeaderList.of("content-type", "application/json", "x-custom", "  a   b  "),
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    SigV4Signing.Signed signed = SigV4Signing.sign(request, creds, "eu-west-1", Clock.fixed(NOW, ZoneOffset.UTC));
    HttpExchanger.create(Duration.ofSeconds(5)).send(signed.request());

    RecordedRequest arrived = server.takeRequest();
    SigV4Verification verdict = SigV4Verifier.create(lookup(token)).verify(asReceived(arrived), "eu-west-1", "execute-api");
    assertThat(verdict).isInstanceOfSatisfying(SigV4Verification.Verified.class, v -> {
      assertThat(v.signature()).isEqualTo(signed.signature());
      assertThat(v.canonicalRequest()).isEqualTo(signed.canonicalRequest());
      assertThat(v.sessionTokenUsed()).isEqualTo(token != null);
    });
    assertThat(signed.canonicalRequest()).startsWith(method + "\n");
    assertThat(signed.credentialScope()).isEqualTo("20261126/eu-west-1/execute-api/aws4_request");
    assertThat(signed.signedHeaders()).contains("host", "x-amz-date", "x-custom");
  }

  private static CredentialLookup lookup(String token) {
    return CredentialLookup.of(Map.of(KEY, new SigningSecret(SECRET, token, "arn:aws:iam::111122223333:role/test")));
  }

  private static IncomingRequest asReceived(RecordedRequest r) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    r.getHeaders().forEach(p -> headers.add(Map.entry(p.getFirst(), p.getSecond())));
    String target = r.getTarget();
    int q = target.indexOf('?');
    return new IncomingRequest(r.getMethod(), q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1),
        new HeaderList(headers), r.getBody() == null ? new byte[0] : r.getBody().toByteArray(), "127.0.0.1", NOW.plusSeconds(1));
  }
}
