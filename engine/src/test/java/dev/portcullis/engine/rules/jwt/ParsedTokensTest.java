package dev.portcullis.engine.rules.jwt;

import dev.portcullis.engine.testing.MutableClock;

import static dev.portcullis.engine.rules.jwt.Tokens.K1;
import static dev.portcullis.engine.rules.jwt.Tokens.K2;
import static dev.portcullis.engine.rules.jwt.Tokens.NOW;
import static dev.portcullis.engine.rules.jwt.Tokens.claims;
import static dev.portcullis.engine.rules.jwt.Tokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * apigw-facts §3: a token decoded once is still judged afresh on every request. The same token
 * string is sent again and again through one authoriser, as a client does, and every ruling must be
 * the one a fresh authoriser would give.
 */
class ParsedTokensTest {
  private static final List<String> AUDIENCES = List.of("aud");

  private final MutableClock clock = new MutableClock(NOW);
  private final TokenAuthorizer authorizer = TokenAuthorizer.create(JwksSource.http(clock), clock);
  private TestIssuer idp;

  @BeforeEach
  void start() throws Exception {
    idp = new TestIssuer().publish(K1);
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  private TokenVerdict verify(String token, List<String> routeScopes) {
    return authorizer.jwt(token, idp.issuer(), AUDIENCES, routeScopes);
  }

  private static void assertRefusedBy(TokenVerdict verdict, String check) {
    assertThat(verdict).isInstanceOfSatisfying(TokenVerdict.Refused.class, r -> assertThat(r.decidedBy()).isEqualTo(check));
  }

  @Test
  void aTamperedPayloadUnderTheSameHeaderAndSignatureIsRefused() {
    String token = rs256(K1, claims(idp.issuer()).audience("aud").claim("scope", "read").build());
    assertThat(verify(token, List.of("read"))).isInstanceOf(TokenVerdict.Accepted.class);
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"read\"", "\"admin\"");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "." + parts[2];

    assertRefusedBy(verify(tampered, List.of("admin")), "jwt.signature");
    assertThat(verify(token, List.of("read"))).isInstanceOf(TokenVerdict.Accepted.class);
  }

  @Test
  void aTokenOnceAcceptedIsRefusedAfterItsExpOnTheGatewaysClock() {
    String token = rs256(K1, claims(idp.issuer()).audience("aud").build());
    assertThat(verify(token, List.of())).isInstanceOf(TokenVerdict.Accepted.class);

    clock.advance(Duration.ofSeconds(3601));

    assertRefusedBy(verify(token, List.of()), "jwt.expiry");
  }

  @Test
  void aTokenOnceRefusedForItsNbfIsAcceptedOnceNbfHasPassed() {
    String token = rs256(K1, claims(idp.issuer()).audience("aud").notBeforeTime(Date.from(NOW.plusSeconds(30))).build());
    assertRefusedBy(verify(token, List.of()), "jwt.expiry");

    clock.advance(Duration.ofSeconds(31));

    assertThat(verify(token, List.of())).isInstanceOf(TokenVerdict.Accepted.class);
  }

  @Test
  void aTokenOnceAcceptedIsRefusedWhenItsKeyIsNoLongerPublished() {
    String token = rs256(K1, claims(idp.issuer()).audience("aud").expirationTime(Date.from(NOW.plus(Duration.ofHours(3)))).build());
    assertThat(verify(token, List.of())).isInstanceOf(TokenVerdict.Accepted.class);

    idp.publish(K2);
    clock.advance(Duration.ofMinutes(61));   // past the key set's hour in the cache

    assertRefusedBy(verify(token, List.of()), "jwt.kid");
  }

  @Test
  void theSameTokenIsJudgedAgainstEachRoutesScopesAndEachAuthorisersAudiences() {
    String token = rs256(K1, claims(idp.issuer()).audience("aud").claim("scope", "read").build());
    assertThat(verify(token, List.of("read"))).isInstanceOf(TokenVerdict.Accepted.class);

    assertRefusedBy(verify(token, List.of("write")), "jwt.scopes");
    assertRefusedBy(authorizer.jwt(token, idp.issuer(), List.of("other"), List.of()), "jwt.audience");
  }
}
