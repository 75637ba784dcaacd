package dev.portcullis.engine.rules.jwt;

import static dev.portcullis.engine.rules.jwt.Tokens.K1;
import static dev.portcullis.engine.rules.jwt.Tokens.NOW;
import static dev.portcullis.engine.rules.jwt.Tokens.claims;
import static dev.portcullis.engine.rules.jwt.Tokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** apigw-facts §2: the REST Cognito user-pool authoriser, ID token vs access token. */
class CognitoAuthorizerTest {
  private static final List<String> CATS_READ = List.of("https://my-petstore-api.example.com/cats.read");

  private TestIssuer pool;
  private TokenAuthorizer authorizer;

  @BeforeEach
  void start() throws Exception {
    pool = new TestIssuer().publish(K1);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    authorizer = TokenAuthorizer.create(JwksSource.http(clock), clock);
  }

  @AfterEach
  void stop() {
    pool.close();
  }

  private JWTClaimsSet.Builder idToken() {
    return claims(pool.issuer()).audience("app-client-1").claim("token_use", "id").claim("email", "a@example.com");
  }

  private JWTClaimsSet.Builder accessToken(String scope) {
    return claims(pool.issuer()).claim("client_id", "app-client-1").claim("token_use", "access").claim("scope", scope);
  }

  private TokenVerdict verify(JWTClaimsSet token, List<String> methodScopes) {
    return authorizer.cognito(rs256(K1, token), List.of(pool.issuer()), methodScopes);
  }

  private TokenVerdict.Refused refused(JWTClaimsSet token, List<String> methodScopes) {
    TokenVerdict verdict = verify(token, methodScopes);
    assertThat(verdict).isInstanceOf(TokenVerdict.Refused.class);
    return (TokenVerdict.Refused) verdict;
  }

  @Test
  void acceptsIdTokenOnMethodWithoutScopes() {
    TokenVerdict verdict = verify(idToken().build(), List.of());
    assertThat(verdict).isInstanceOfSatisfying(TokenVerdict.Accepted.class, accepted -> {
      assertThat(accepted.claims()).containsEntry("email", "a@example.com");
      assertThat(accepted.scopes()).isEmpty();
      assertThat(accepted.checks()).extracting(TokenCheck::id).containsExactly("cognito.identitySource",
          "cognito.format", "cognito.issuer", "jwks.fetch", "cognito.signature", "cognito.expiry", "cognito.tokenUse",
          "cognito.scopes");
    });
  }

  @Test
  void refusesIdTokenOnMethodWithScopes() {
    // §2: with scopes "API Gateway treats the supplied token as an access token".
    TokenVerdict.Refused refused = refused(idToken().build(), CATS_READ);
    assertThat(refused.decidedBy()).isEqualTo("cognito.tokenUse");
    assertThat(refused.message()).contains("token_use 'id' but the method has authorizationScopes", "expects an access token");
    assertThat(GatewayAnswer.rest(refused)).extracting(GatewayAnswer::status, GatewayAnswer::body)
        .containsExactly(401, "{\"message\":\"Unauthorized\"}");
  }

  @Test
  void refusesAccessTokenOnMethodWithoutScopes() {
    // KC-COG401: "If you didn't configure any scopes ... make sure that you use a valid ID token".
    assertThat(refused(accessToken("aws.cognito.signin.user.admin").build(), List.of()).decidedBy())
        .isEqualTo("cognito.tokenUse");
  }

  @Test
  void refusesAccessTokenWithoutTheMethodScopeAs401() {
    // §2: scope mismatch is 401 on REST, unlike 403 on HTTP API.
    TokenVerdict.Refused refused = refused(accessToken("aws.cognito.signin.user.admin").build(), CATS_READ);
    assertThat(refused.decidedBy()).isEqualTo("cognito.scopes");
    assertThat(refused.message()).contains("[aws.cognito.signin.user.admin] contain none of method scopes");
    assertThat(GatewayAnswer.rest(refused).status()).isEqualTo(401);
  }

  @Test
  void acceptsAccessTokenWithAnyOfTheMethodScopes() {
    JWTClaimsSet token = accessToken("openid https://my-petstore-api.example.com/cats.read").build();
    TokenVerdict verdict = verify(token, List.of("https://my-petstore-api.example.com/dogs.read", CATS_READ.get(0)));
    assertThat(verdict).isInstanceOfSatisfying(TokenVerdict.Accepted.class,
        accepted -> assertThat(accepted.scopes()).containsExactly("openid", CATS_READ.get(0)));
  }

  @Test
  void refusesTokenFromAnotherPoolWithoutFetchingItsKeys() {
    TokenVerdict.Refused refused = refused(idToken().issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other").build(), List.of());
    assertThat(refused.decidedBy()).isEqualTo("cognito.issuer");
    assertThat(pool.jwksRequests()).isZero();
  }

  @Test
  void refusesExpiredTokenWithTheObservedMessage() {
    TokenVerdict.Refused refused = refused(idToken().expirationTime(Date.from(NOW.minusSeconds(1))).build(), List.of());
    assertThat(refused.decidedBy()).isEqualTo("cognito.expiry");
    assertThat(GatewayAnswer.rest(refused).body()).isEqualTo("{\"message\":\"The incoming token has expired\"}");
  }

  @Test
  void refusesBadSignature() {
    String forged = rs256(Tokens.rsa("k1"), idToken().build());
    TokenVerdict verdict = authorizer.cognito(forged, List.of(pool.issuer()), List.of());
    assertThat(verdict).isInstanceOfSatisfying(TokenVerdict.Refused.class,
        refused -> assertThat(refused.decidedBy()).isEqualTo("cognito.signature"));
  }

  @Test
  void refusesMissingOrMalformedToken() {
    assertThat(authorizer.cognito(null, List.of(pool.issuer()), List.of()))
        .isInstanceOfSatisfying(TokenVerdict.Refused.class, r -> assertThat(r.decidedBy()).isEqualTo("cognito.identitySource"));
    assertThat(authorizer.cognito("abc.def", List.of(pool.issuer()), List.of()))
        .isInstanceOfSatisfying(TokenVerdict.Refused.class, r -> assertThat(r.decidedBy()).isEqualTo("cognito.format"));
  }

  @Test
  void acceptsBearerPrefixAndSaysItIsUndocumented() {
    TokenVerdict verdict = authorizer.cognito("Bearer " + rs256(K1, idToken().build()), List.of(pool.issuer()), List.of());
    assertThat(verdict).isInstanceOf(TokenVerdict.Accepted.class);
    assertThat(verdict.checks().get(0).evidence()).contains("does not document");
  }

  @Test
  void answersAuthorizerConfigurationErrorWhenPoolKeysCannotBeFetched() {
    pool.jwksAnswers(new mockwebserver3.MockResponse.Builder().code(500).build());
    TokenVerdict.Refused refused = refused(idToken().build(), List.of());
    assertThat(refused.decidedBy()).isEqualTo("jwks.fetch");
    assertThat(GatewayAnswer.rest(refused)).extracting(GatewayAnswer::status, GatewayAnswer::gatewayResponseType)
        .containsExactly(500, "AUTHORIZER_CONFIGURATION_ERROR");
  }
}
