package dev.portcullis.engine.idp.cognito;

import static dev.portcullis.engine.idp.DemoEmulator.ALICE_PASSWORD;
import static dev.portcullis.engine.idp.DemoEmulator.BOB_PASSWORD;
import static dev.portcullis.engine.idp.DemoEmulator.MOBILE_CLIENT;
import static dev.portcullis.engine.idp.DemoEmulator.POOL;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.portcullis.engine.identity.cognito.Totp;
import dev.portcullis.engine.idp.DemoEmulator;
import dev.portcullis.engine.idp.JwksVerifier;
import dev.portcullis.engine.idp.LocalIdentityProviders;
import dev.portcullis.engine.idp.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens of the local pool verify against its published JWKS and carry Cognito's claims (spec §9.7),
 * found through the pool's discovery document at {@code {iss}/.well-known/openid-configuration}.
 * Requests are sent raw here, to pin the wire format too (spec §9.1).
 */
class CognitoTokenClaimsTest {

  private final TestClock clock = new TestClock();
  private final HttpClient http = HttpClient.newHttpClient();
  private LocalIdentityProviders idp;
  private String issuer;

  @BeforeEach
  void start() throws Exception {
    idp = LocalIdentityProviders.builder(DemoEmulator.load(), clock, new Random(17)).port(0).start();
    issuer = idp.baseUrl() + "/" + POOL;
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  @Test
  void discoveryNamesTheIssuerAndJwksOfThePool() throws Exception {
    OIDCProviderMetadata metadata = JwksVerifier.discover(issuer);

    assertThat(idp.issuerUrl(POOL)).isEqualTo(issuer);
    assertThat(metadata.getIssuer().getValue()).isEqualTo(issuer);
    assertThat(metadata.getJWKSetURI()).hasToString(issuer + "/.well-known/jwks.json");
    assertThat(metadata.getTokenEndpointURI()).hasToString(idp.baseUrl() + "/oauth2/token");
  }

  @Test
  void aliceIdTokenVerifiesAndCarriesCognitosIdClaims() throws Exception {
    Map<String, Object> result = passwordLogin("alice", ALICE_PASSWORD);

    JWTClaimsSet id = JwksVerifier.verify((String) result.get("IdToken"), issuer, clock);

    assertThat(id.getAudience()).containsExactly(MOBILE_CLIENT);
    assertThat(id.getStringClaim("token_use")).isEqualTo("id");
    assertThat(id.getStringClaim("cognito:username")).isEqualTo("alice");
    assertThat(id.getStringListClaim("cognito:groups")).containsExactly("customers");
    assertThat(id.getStringClaim("email")).isEqualTo("alice@example.com");
    assertThat(id.getSubject()).isEqualTo("7d3f0c52-1a7e-4c1b-9d7e-3c0b5a1e0001");
    assertThat(id.getLongClaim("auth_time")).isEqualTo(TestClock.START.getEpochSecond());
    assertThat(id.getIssueTime().toInstant()).isEqualTo(TestClock.START);
    assertThat(id.getExpirationTime().toInstant()).isEqualTo(TestClock.START.plusSeconds(3600));
  }

  @Test
  void aliceAccessTokenHasOnlyTheAdminScopeAndNoAudience() throws Exception {
    Map<String, Object> result = passwordLogin("alice", ALICE_PASSWORD);

    JWTClaimsSet access = JwksVerifier.verify((String) result.get("AccessToken"), issuer, clock);

    assertThat(access.getStringClaim("token_use")).isEqualTo("access");
    assertThat(access.getStringClaim("scope")).isEqualTo("aws.cognito.signin.user.admin");
    assertThat(access.getStringClaim("client_id")).isEqualTo(MOBILE_CLIENT);
    assertThat(access.getStringClaim("username")).isEqualTo("alice");
    assertThat(access.getAudience()).isEmpty();
    assertThat(access.getStringClaim("origin_jti")).isNotBlank();
  }

  @Test
  void idAndAccessTokensAreSignedWithDifferentPublishedKeys() throws Exception {
    Map<String, Object> result = passwordLogin("alice", ALICE_PASSWORD);
    String idKid = SignedJWT.parse((String) result.get("IdToken")).getHeader().getKeyID();
    String accessKid = SignedJWT.parse((String) result.get("AccessToken")).getHeader().getKeyID();

    JWKSet jwks = JwksVerifier.jwks(issuer);

    assertThat(idKid).isNotEqualTo(accessKid);
    assertThat(jwks.getKeys()).extracting(k -> k.getKeyID()).contains(idKid, accessKid);
    assertThat(jwks.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
  }

  @Test
  void bobsAccessTokenGainsTheAdminsGroupScope() throws Exception {
    Map<String, Object> challenge = call("InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", MOBILE_CLIENT,
        "AuthParameters", Map.of("USERNAME", "bob", "PASSWORD", BOB_PASSWORD)));
    String code = Totp.cognito().code("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", clock.instant());
    Map<String, Object> answer = call("RespondToAuthChallenge", Map.of("ChallengeName", "SOFTWARE_TOKEN_MFA",
        "ClientId", MOBILE_CLIENT, "Session", challenge.get("Session"),
        "ChallengeResponses", Map.of("USERNAME", "bob", "SOFTWARE_TOKEN_MFA_CODE", code)));

    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) answer.get("AuthenticationResult");
    JWTClaimsSet access = JwksVerifier.verify((String) result.get("AccessToken"), issuer, clock);

    assertThat(access.getStringClaim("scope").split(" ")).containsExactly("aws.cognito.signin.user.admin", "profile.read");
    assertThat(access.getStringListClaim("cognito:groups")).containsExactly("admins");
  }

  @Test
  void errorsCarryTheTypeInBodyAndHeader() throws Exception {
    HttpResponse<String> response = post("InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", MOBILE_CLIENT,
        "AuthParameters", Map.of("USERNAME", "alice", "PASSWORD", "nope-nope")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("NotAuthorizedException");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
    assertThat(com.nimbusds.jose.util.JSONObjectUtils.parse(response.body()))
        .containsEntry("__type", "NotAuthorizedException").containsEntry("message", "Incorrect username or password.");
  }

  private Map<String, Object> passwordLogin(String user, String password) throws Exception {
    Map<String, Object> reply = call("InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", MOBILE_CLIENT,
        "AuthParameters", Map.of("USERNAME", user, "PASSWORD", password)));
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) reply.get("AuthenticationResult");
    return result;
  }

  private Map<String, Object> call(String operation, Map<String, Object> body) throws Exception {
    HttpResponse<String> response = post(operation, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return com.nimbusds.jose.util.JSONObjectUtils.parse(response.body());
  }

  private HttpResponse<String> post(String operation, Map<String, Object> body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(idp.baseUrl() + "/"))
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(body)))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
