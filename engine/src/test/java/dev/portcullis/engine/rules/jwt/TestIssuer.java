package dev.portcullis.engine.rules.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** An identity provider on MockWebServer: discovery and JWKS, both changeable between requests. */
final class TestIssuer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private volatile List<JWK> keys = List.of();
  private volatile MockResponse discoveryOverride;
  private volatile MockResponse jwksOverride;

  TestIssuer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return respond(request.getUrl().encodedPath());
      }
    });
    server.start();
  }

  private MockResponse respond(String path) {
    if (path.equals("/pool/.well-known/openid-configuration")) {
      return discoveryOverride != null ? discoveryOverride : json("{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwksUri() + "\"}");
    }
    if (path.equals("/pool/keys.json")) {
      jwksRequests.incrementAndGet();
      return jwksOverride != null ? jwksOverride : json(new JWKSet(keys).toString(true));
    }
    return new MockResponse.Builder().code(404).build();
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
  }

  String issuer() {
    return server.url("/pool").toString();
  }

  String jwksUri() {
    return server.url("/pool/keys.json").toString();
  }

  /** Publishes these keys (public parts only) from now on. */
  TestIssuer publish(JWK... published) {
    keys = java.util.Arrays.stream(published).map(JWK::toPublicJWK).toList();
    return this;
  }

  void discoveryAnswers(MockResponse response) {
    discoveryOverride = response;
  }

  void jwksAnswers(MockResponse response) {
    jwksOverride = response;
  }

  void jwksBodyDelayed(String body, long millis) {
    jwksOverride = new MockResponse.Builder().body(body).bodyDelay(millis, TimeUnit.MILLISECONDS).build();
  }

  int jwksRequests() {
    return jwksRequests.get();
  }

  @Override
  public void close() {
    server.close();
  }
}
