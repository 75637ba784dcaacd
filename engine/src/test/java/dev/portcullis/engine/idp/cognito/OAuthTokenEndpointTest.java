package dev.portcullis.engine.idp.cognito;

import static dev.portcullis.engine.idp.DemoEmulator.M2M_CLIENT;
import static dev.portcullis.engine.idp.DemoEmulator.MOBILE_CLIENT;
import static dev.portcullis.engine.idp.DemoEmulator.POOL;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.portcullis.engine.idp.DemoEmulator;
import dev.portcullis.engine.idp.JwksVerifier;
import dev.portcullis.engine.idp.LocalIdentityProviders;
import dev.portcullis.engine.idp.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pool domain's /oauth2/token with client_credentials and resource-server scopes (spec §9.6). */
class OAuthTokenEndpointTest {
  private static final String M2M_SECRET = "local-only-m2m-secret-2d4f";

  private final TestClock clock = new TestClock();
  private final HttpClient http = HttpClient.newHttpClient();
  private LocalIdentityProviders idp;

  @BeforeEach
  void start() throws Exception {
    idp = LocalIdentityProviders.builder(DemoEmulator.load(), clock, new Random(23)).port(0).start();
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  @Test
  void basicClientAuthGetsAnAccessTokenWithTheResourceServerScope() throws Exception {
    HttpResponse<String> response = token(basic(M2M_CLIENT, M2M_SECRET), "grant_type=client_credentials&scope=payments%2Fread");

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> body = JSONObjectUtils.parse(response.body());
    assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600L)
        .doesNotContainKeys("id_token", "refresh_token");
    JWTClaimsSet claims = JwksVerifier.verify((String) body.get("access_token"), idp.issuerUrl(POOL), clock);
    assertThat(claims.getStringClaim("scope")).isEqualTo("payments/read");
    assertThat(claims.getStringClaim("client_id")).isEqualTo(M2M_CLIENT);
    assertThat(claims.getSubject()).isEqualTo(M2M_CLIENT);
    assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
    assertThat(claims.getClaim("username")).isNull();
  }

  @Test
  void secretInTheBodyWorksAndNoScopeMeansAllOfTheClients() throws Exception {
    HttpResponse<String> response = token(null,
        "grant_type=client_credentials&client_id=" + M2M_CLIENT + "&client_secret=" + M2M_SECRET);

    assertThat(response.statusCode()).isEqualTo(200);
    String token = (String) JSONObjectUtils.parse(response.body()).get("access_token");
    assertThat(JwksVerifier.verify(token, idp.issuerUrl(POOL), clock).getStringClaim("scope")).isEqualTo("payments/read");
  }

  @Test
  void scopesTheClientLacksAreIgnored() throws Exception {
    HttpResponse<String> response = token(basic(M2M_CLIENT, M2M_SECRET),
        "grant_type=client_credentials&scope=payments%2Fread+payments%2Fwrite");

    String token = (String) JSONObjectUtils.parse(response.body()).get("access_token");
    assertThat(JwksVerifier.verify(token, idp.issuerUrl(POOL), clock).getStringClaim("scope")).isEqualTo("payments/read");
  }

  @Test
  void wrongSecretIsInvalidClientInCognitosShape() throws Exception {
    HttpResponse<String> response = token(basic(M2M_CLIENT, "wrong"), "grant_type=client_credentials");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSONObjectUtils.parse(response.body())).containsExactly(Map.entry("error", "invalid_client"));
  }

  @Test
  void clientWithoutSecretIsInvalidClientAndOtherGrantsAreUnsupported() throws Exception {
    assertThat(JSONObjectUtils.parse(token(basic(MOBILE_CLIENT, ""), "grant_type=client_credentials").body()))
        .containsEntry("error", "invalid_client");
    assertThat(JSONObjectUtils.parse(token(basic(M2M_CLIENT, M2M_SECRET), "grant_type=password").body()))
        .containsEntry("error", "unsupported_grant_type");
  }

  private HttpResponse<String> token(String authorization, String form) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(idp.baseUrl() + "/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String id, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
