package dev.portcullis.engine.rules.jwt;

import static dev.portcullis.engine.rules.jwt.Tokens.K1;
import static dev.portcullis.engine.rules.jwt.Tokens.K2;
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

/** apigw-facts §3: the HTTP API JWT authoriser's checks, in AWS's documented order. */
class JwtAuthorizerTest {
  private static final List<String> AUDIENCES = List.of("payments.example.com", "app-client-1");

  private TestIssuer idp;
  private TokenAuthorizer authorizer;

  @BeforeEach
  void start() throws Exception {
    idp = new TestIssuer().publish(K1);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    authorizer = TokenAuthorizer.create(JwksSource.http(clock), clock);
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  private JWTClaimsSet.Builder valid() {
    return claims(idp.issuer()).audience("payments.example.com");
  }

  private TokenVerdict verify(String identityValue, List<String> routeScopes) {
    return authorizer.jwt(identityValue, idp.issuer(), AUDIENCES, routeScopes);
  }

  private TokenVerdict.Refused refused(String identityValue) {
    TokenVerdict verdict = verify(identityValue, List.of());
    assertThat(verdict).isInstanceOf(TokenVerdict.Refused.class);
    return (TokenVerdict.Refused) verdict;
  }

  @Test
  void acceptsValidBearerTokenAndHandsBackClaimsAndScopes() {
    String token = rs256(K1, valid().claim("scope", "orders.read orders.write").claim("email", "a@example.com").build());

    TokenVerdict verdict = verify("Bearer " + token, List.of("orders.read"));

    assertThat(verdict).isInstanceOfSatisfying(TokenVerdict.Accepted.class, accepted -> {
      assertThat(accepted.claims()).containsEntry("email", "a@example.com").containsEntry("sub", "user-1")
          .containsEntry("exp", NOW.plusSeconds(3600).getEpochSecond());
      assertThat(accepted.scopes()).containsExactly("orders.read", "orders.write");
      assertThat(accepted.checks()).extracting(TokenCheck::id).containsExactly("jwt.identitySource", "jwt.format",
          "jwks.fetch", "jwt.kid", "jwt.algorithm", "jwt.signature", "jwt.issuer", "jwt.audience", "jwt.expiry", "jwt.scopes");
      assertThat(accepted.checks()).allMatch(TokenCheck::passed);
    });
  }

  @Test
  void acceptsTokenWithoutBearerPrefix() {
    // §3 step 1: "the token, or the token prefixed with Bearer".
    assertThat(verify(rs256(K1, valid().build()), List.of())).isInstanceOf(TokenVerdict.Accepted.class);
  }

  @Test
  void evidenceNeverCarriesTheToken() {
    String token = rs256(K1, valid().audience("someone-else").build());
    assertThat(refused("Bearer " + token).checks()).noneMatch(c -> c.evidence().contains(token));
  }

  @Test
  void refusesMissingIdentitySource() {
    TokenVerdict.Refused refused = refused(null);
    assertThat(refused.decidedBy()).isEqualTo("jwt.identitySource");
    assertThat(refused.wwwAuthenticate()).isEqualTo("Bearer");
    assertThat(refused.claims()).isEmpty();
    assertThat(refused("Bearer ").decidedBy()).isEqualTo("jwt.identitySource");
  }

  @Test
  void refusesValueThatIsNotAJwt() {
    TokenVerdict.Refused refused = refused("Bearer not-a-jwt");
    assertThat(refused.decidedBy()).isEqualTo("jwt.format");
    assertThat(refused.message()).startsWith("JWT refused (jwt.format): not a JWT");
    assertThat(idp.jwksRequests()).as("no key fetch for a malformed token").isZero();
  }

  @Test
  void refusesLowercaseBearerSchemeAsMalformed() {
    // §3 documents only "Bearer "; anything else is taken as the token itself.
    assertThat(refused("bearer " + rs256(K1, valid().build())).decidedBy()).isEqualTo("jwt.format");
  }

  @Test
  void refusesTokenWithoutKid() {
    String token = Tokens.sign(Tokens.rsaSigner(K1),
        new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256), valid().build());
    TokenVerdict.Refused refused = refused(token);
    assertThat(refused.decidedBy()).isEqualTo("jwt.kid");
    assertThat(refused.message()).contains("no kid");
  }

  @Test
  void refetchesKeysWhenKidIsUnknownToTheCache() {
    // §3 (REST-JWT keys page): an unseen key triggers a fresh fetch, so rotation needs no restart.
    assertThat(verify(rs256(K1, valid().build()), List.of())).isInstanceOf(TokenVerdict.Accepted.class);
    idp.publish(K1, K2);

    TokenVerdict verdict = verify(rs256(K2, valid().build()), List.of());

    assertThat(verdict).isInstanceOf(TokenVerdict.Accepted.class);
    assertThat(idp.jwksRequests()).isEqualTo(2);
    assertThat(verdict.checks()).filteredOn(c -> c.id().equals("jwks.fetch")).extracting(TokenCheck::evidence)
        .satisfiesExactly(first -> assertThat(first).endsWith("(cached)"), second -> assertThat(second).endsWith("(refetched)"));
  }

  @Test
  void refusesKidStillUnknownAfterRefetch() {
    verify(rs256(K1, valid().build()), List.of());

    TokenVerdict.Refused refused = refused(rs256(K2, valid().build()));

    assertThat(refused.decidedBy()).isEqualTo("jwt.kid");
    assertThat(refused.message()).contains("kid 'k2' is not among [k1]", "after refetching");
    assertThat(idp.jwksRequests()).isEqualTo(2);
  }

  @Test
  void doesNotRefetchWhenKeysWereJustFetched() {
    TokenVerdict.Refused refused = refused(rs256(K2, valid().build()));
    assertThat(refused.decidedBy()).isEqualTo("jwt.kid");
    assertThat(idp.jwksRequests()).isEqualTo(1);
  }

  @Test
  void refusesHs256EvenWithAKnownKid() {
    // §3 step 3: "only RSA-based algorithms are supported".
    TokenVerdict.Refused refused = refused(Tokens.hs256("k1", valid().build()));
    assertThat(refused.decidedBy()).isEqualTo("jwt.algorithm");
    assertThat(refused.message()).contains("HS256 is not RSA-based");
  }

  @Test
  void refusesEs256() {
    idp.publish(K1, Tokens.ec("e1"));
    TokenVerdict.Refused refused = refused(Tokens.es256(Tokens.ec("e1"), "e1", valid().build()));
    assertThat(refused.decidedBy()).isEqualTo("jwt.algorithm");
    assertThat(refused.message()).contains("ES256 is not RSA-based");
  }

  @Test
  void refusesUnsignedToken() {
    String unsigned = new com.nimbusds.jwt.PlainJWT(valid().build()).serialize();
    TokenVerdict.Refused refused = refused(unsigned);
    assertThat(refused.decidedBy()).isEqualTo("jwt.algorithm");
    assertThat(idp.jwksRequests()).isZero();
  }

  @Test
  void refusesTokenSignedByAnotherKeyWithTheSameKid() {
    String forged = rs256(Tokens.rsa("k1"), valid().build());
    TokenVerdict.Refused refused = refused(forged);
    assertThat(refused.decidedBy()).isEqualTo("jwt.signature");
    assertThat(refused.claims()).as("unverified claims are still shown").containsEntry("sub", "user-1");
  }

  @Test
  void refusesIssuerThatDiffersByATrailingSlash() {
    // §3: iss must match exactly; a trailing slash breaks it (aws-samples/ask-around-me#3, observed).
    TokenVerdict.Refused refused = refused(rs256(K1, valid().issuer(idp.issuer() + "/").build()));
    assertThat(refused.decidedBy()).isEqualTo("jwt.issuer");
    assertThat(refused.wwwAuthenticate()).isEqualTo("Bearer");
  }

  @Test
  void refusesAudienceMismatchWithTheDocumentedHeader() {
    // §1.3: the only error_description AWS publishes.
    TokenVerdict.Refused refused = refused(rs256(K1, valid().audience(List.of("a", "b")).build()));
    assertThat(refused.decidedBy()).isEqualTo("jwt.audience");
    assertThat(refused.message()).contains("token aud [a, b] contains none of [payments.example.com, app-client-1]");
    assertThat(refused.wwwAuthenticate()).isEqualTo(
        "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\"");
  }

  @Test
  void acceptsAccessTokenWhoseClientIdMatches() {
    // §3: client_id is validated only when aud is absent (Cognito access tokens carry no aud).
    String token = rs256(K1, claims(idp.issuer()).claim("client_id", "app-client-1").claim("token_use", "access").build());
    TokenVerdict verdict = verify(token, List.of());
    assertThat(verdict).isInstanceOf(TokenVerdict.Accepted.class);
    assertThat(verdict.checks()).filteredOn(c -> c.id().equals("jwt.audience")).singleElement()
        .extracting(TokenCheck::evidence).asString().contains("client_id 'app-client-1'");
  }

  @Test
  void judgesAudNotClientIdWhenBothArePresent() {
    String token = rs256(K1, claims(idp.issuer()).audience("other").claim("client_id", "app-client-1").build());
    assertThat(refused(token).decidedBy()).isEqualTo("jwt.audience");
  }

  @Test
  void refusesTokenWithNeitherAudNorClientId() {
    TokenVerdict.Refused refused = refused(rs256(K1, claims(idp.issuer()).build()));
    assertThat(refused.decidedBy()).isEqualTo("jwt.audience");
    assertThat(refused.message()).contains("neither aud nor client_id");
  }

  @Test
  void refusesExpiredTokenWithNoLeeway() {
    // §3: exp "must be after the current time"; no clock-skew leeway is documented.
    TokenVerdict.Refused refused = refused(rs256(K1, valid().expirationTime(Date.from(NOW)).build()));
    assertThat(refused.decidedBy()).isEqualTo("jwt.expiry");
    assertThat(refused.message()).contains("exp 2025-03-14T12:00:00Z is not after now 2025-03-14T12:00:00Z", "observed");
    assertThat(refused.wwwAuthenticate()).contains("error_description=\"the token has expired\"");
  }

  @Test
  void acceptsTokenExpiringOneSecondFromNow() {
    assertThat(verify(rs256(K1, valid().expirationTime(Date.from(NOW.plusSeconds(1))).build()), List.of()))
        .isInstanceOf(TokenVerdict.Accepted.class);
  }

  @Test
  void refusesTokenWithoutExp() {
    TokenVerdict.Refused refused = refused(rs256(K1, valid().expirationTime(null).build()));
    assertThat(refused.decidedBy()).isEqualTo("jwt.expiry");
    assertThat(refused.message()).contains("no exp", "does not document");
  }

  @Test
  void refusesTokenNotYetValid() {
    // §3: nbf "must be before the current time".
    TokenVerdict.Refused refused = refused(rs256(K1, valid().notBeforeTime(Date.from(NOW.plusSeconds(30))).build()));
    assertThat(refused.decidedBy()).isEqualTo("jwt.expiry");
    assertThat(refused.message()).contains("nbf 2025-03-14T12:00:30Z is after now");
    assertThat(refused.wwwAuthenticate()).isEqualTo("Bearer");
  }

  @Test
  void refusesTokenIssuedInTheFuture() {
    // §3: iat "must be before the current time".
    TokenVerdict.Refused refused = refused(rs256(K1, valid().issueTime(Date.from(NOW.plusSeconds(5))).build()));
    assertThat(refused.decidedBy()).isEqualTo("jwt.expiry");
    assertThat(refused.message()).contains("iat 2025-03-14T12:00:05Z is after now");
  }

  @Test
  void acceptsTokenIssuedThisVerySecond() {
    String token = rs256(K1, valid().issueTime(Date.from(NOW)).notBeforeTime(Date.from(NOW)).build());
    assertThat(verify(token, List.of())).isInstanceOf(TokenVerdict.Accepted.class);
  }

  @Test
  void acceptsAnyOfTheRouteScopesFromScopeClaim() {
    String token = rs256(K1, valid().claim("scope", "a b").build());
    assertThat(verify(token, List.of("z", "b"))).isInstanceOf(TokenVerdict.Accepted.class);
  }

  @Test
  void acceptsAnyOfTheRouteScopesFromScpArray() {
    String token = rs256(K1, valid().claim("scp", List.of("a", "b")).build());
    TokenVerdict verdict = verify(token, List.of("b"));
    assertThat(verdict).isInstanceOfSatisfying(TokenVerdict.Accepted.class,
        accepted -> assertThat(accepted.scopes()).containsExactly("a", "b"));
  }

  @Test
  void refusesTokenWithNoneOfTheRouteScopes() {
    // §1.3: 403 Forbidden (observed); no www-authenticate is documented for it.
    String token = rs256(K1, valid().claim("scope", "a b").build());
    TokenVerdict verdict = verify(token, List.of("c"));
    assertThat(verdict).isInstanceOfSatisfying(TokenVerdict.Refused.class, refused -> {
      assertThat(refused.decidedBy()).isEqualTo("jwt.scopes");
      assertThat(refused.message()).contains("token scopes [a, b] contain none of route scopes [c]");
      assertThat(refused.wwwAuthenticate()).isNull();
      assertThat(GatewayAnswer.httpApi(refused).status()).isEqualTo(403);
    });
  }

  @Test
  void ignoresScopesWhenTheRouteHasNone() {
    assertThat(verify(rs256(K1, valid().build()), List.of())).isInstanceOf(TokenVerdict.Accepted.class);
  }
}
