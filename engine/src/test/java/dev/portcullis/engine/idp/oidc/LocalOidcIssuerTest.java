package dev.portcullis.engine.idp.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.portcullis.engine.idp.DemoEmulator;
import dev.portcullis.engine.idp.JwksVerifier;
import dev.portcullis.engine.idp.LocalIdentityProviders;
import dev.portcullis.engine.idp.TestClock;
import dev.portcullis.engine.model.Emulator.OidcClientFixture;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * nimbus oauth2-oidc-sdk gets tokens from the local OIDC issuer with each client authentication
 * method; the tokens carry what a JWT authoriser checks (spec §3: iss, aud, scope, kid in JWKS).
 */
class LocalOidcIssuerTest {
  private static final String BACKOFFICE_SECRET = "local-only-backoffice-secret-9a1c";

  private final TestClock clock = new TestClock();
  private RSAKey partnerKey;
  private LocalIdentityProviders idp;
  private String issuer;
  private URI tokenEndpoint;

  @BeforeEach
  void start() throws Exception {
    partnerKey = new RSAKeyGenerator(2048).keyID("partner-1").generate();
    OidcClientFixture partner = new OidcClientFixture("partner", null, List.of("private_key_jwt"), "payments.example.com",
        List.of("settlements:read"), Map.of("actor", "partner-bank"), partnerKey.toPublicJWK().toJSONString());
    idp = LocalIdentityProviders.builder(DemoEmulator.withOidcClient(DemoEmulator.load(), partner), clock, new Random(29))
        .port(0).start();
    issuer = idp.baseUrl() + "/oidc/bank";
    tokenEndpoint = JwksVerifier.discover(issuer).getTokenEndpointURI();
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  @Test
  void discoveryAdvertisesTheTokenEndpointAndClientAuthMethods() throws Exception {
    OIDCProviderMetadata metadata = JwksVerifier.discover(issuer);

    assertThat(idp.issuerUrl("bank")).isEqualTo(issuer);
    assertThat(tokenEndpoint).hasToString(issuer + "/token");
    assertThat(metadata.getTokenEndpointAuthMethods()).extracting(Object::toString)
        .containsExactlyInAnyOrder("client_secret_basic", "client_secret_post", "private_key_jwt");
  }

  @Test
  void backofficeWithClientSecretBasicGetsItsAudienceAndActor() throws Exception {
    JWTClaimsSet claims = claimsOf(tokenFor(new ClientSecretBasic(new ClientID("backoffice"), new Secret(BACKOFFICE_SECRET))));

    assertThat(claims.getAudience()).containsExactly("payments.example.com");
    assertThat(claims.getStringClaim("actor")).isEqualTo("bank-ops-emea");
    assertThat(claims.getStringClaim("scope")).isEqualTo("settlements:write");
    assertThat(claims.getSubject()).isEqualTo("backoffice");
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(TestClock.START.plusSeconds(3600));
  }

  @Test
  void legacyWithClientSecretPostGetsTheLegacyAudience() throws Exception {
    JWTClaimsSet claims = claimsOf(tokenFor(new ClientSecretPost(new ClientID("legacy"), new Secret("local-only-legacy-secret-77e0"))));

    assertThat(claims.getAudience()).containsExactly("legacy.example.com");
    assertThat(claims.getStringClaim("actor")).isEqualTo("bank-legacy");
  }

  @Test
  void partnerWithPrivateKeyJwtGetsAToken() throws Exception {
    JWTClaimsSet claims = claimsOf(tokenFor(assertion(clock.instant().plusSeconds(60), "jti-1")));

    assertThat(claims.getSubject()).isEqualTo("partner");
    assertThat(claims.getStringClaim("actor")).isEqualTo("partner-bank");
  }

  @Test
  void expiredOrReplayedClientAssertionIsInvalidClient() throws Exception {
    assertThat(errorOf(tokenFor(assertion(clock.instant().minusSeconds(1), "jti-2"))).getErrorObject().getCode())
        .isEqualTo("invalid_client");
    assertThat(tokenFor(assertion(clock.instant().plusSeconds(60), "jti-3")).indicatesSuccess()).isTrue();
    assertThat(errorOf(tokenFor(assertion(clock.instant().plusSeconds(60), "jti-3"))).getErrorObject().getCode())
        .isEqualTo("invalid_client");
  }

  @Test
  void assertionSignedWithAnotherKeyIsInvalidClient() throws Exception {
    partnerKey = new RSAKeyGenerator(2048).keyID("partner-1").generate();

    assertThat(errorOf(tokenFor(assertion(clock.instant().plusSeconds(60), "jti-4"))).getErrorObject().getCode())
        .isEqualTo("invalid_client");
  }

  @Test
  void wrongSecretIsInvalidClientWith401() throws Exception {
    TokenErrorResponse error = errorOf(tokenFor(new ClientSecretBasic(new ClientID("backoffice"), new Secret("wrong"))));

    assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_client");
    assertThat(error.getErrorObject().getHTTPStatusCode()).isEqualTo(401);
  }

  @Test
  void methodTheClientIsNotRegisteredForIsInvalidClient() throws Exception {
    // legacy lists client_secret_post only
    TokenErrorResponse error = errorOf(tokenFor(new ClientSecretBasic(new ClientID("legacy"), new Secret("local-only-legacy-secret-77e0"))));

    assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_client");
  }

  @Test
  void scopeOutsideTheClientsIsInvalidScope() throws Exception {
    TokenResponse response = TokenResponse.parse(new TokenRequest(tokenEndpoint,
        new ClientSecretBasic(new ClientID("backoffice"), new Secret(BACKOFFICE_SECRET)), new ClientCredentialsGrant(),
        new Scope("settlements:delete")).toHTTPRequest().send());

    assertThat(errorOf(response).getErrorObject().getCode()).isEqualTo("invalid_scope");
  }

  private TokenResponse tokenFor(ClientAuthentication authentication) throws Exception {
    return TokenResponse.parse(new TokenRequest(tokenEndpoint, authentication, new ClientCredentialsGrant(), null)
        .toHTTPRequest().send());
  }

  private PrivateKeyJWT assertion(java.time.Instant expires, String jti) throws Exception {
    JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(new ClientID("partner"),
        List.of(new Audience(tokenEndpoint)), Date.from(expires), null, Date.from(clock.instant()), new JWTID(jti));
    return new PrivateKeyJWT(claims, JWSAlgorithm.RS256, partnerKey.toRSAPrivateKey(), partnerKey.getKeyID(), null);
  }

  private JWTClaimsSet claimsOf(TokenResponse response) throws Exception {
    assertThat(response.indicatesSuccess()).as("token response %s", response).isTrue();
    String token = response.toSuccessResponse().getTokens().getAccessToken().getValue();
    return JwksVerifier.verify(token, issuer, clock);
  }

  private static TokenErrorResponse errorOf(TokenResponse response) {
    assertThat(response.indicatesSuccess()).isFalse();
    return response.toErrorResponse();
  }
}
