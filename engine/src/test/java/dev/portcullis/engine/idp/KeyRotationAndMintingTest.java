package dev.portcullis.engine.idp;

import static dev.portcullis.engine.idp.DemoEmulator.POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Key rotation and minted failure tokens, seen as a JWT authoriser sees them (spec §3: the kid must
 * be in the JWKS, exp after now, iss exact).
 */
class KeyRotationAndMintingTest {

  private final TestClock clock = new TestClock();
  private LocalIdentityProviders idp;
  private String bank;

  @BeforeEach
  void start() throws Exception {
    idp = LocalIdentityProviders.builder(DemoEmulator.load(), clock, new Random(31)).port(0).start();
    bank = idp.issuerUrl("bank");
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  @Test
  void rotationWithGraceKeepsTheOldKidPublishedForAnHour() throws Exception {
    String before = mintForBank();
    String oldKid = kid(before);

    idp.rotate("bank", true);

    String after = mintForBank();
    assertThat(kid(after)).isNotEqualTo(oldKid);
    assertThat(kids(bank)).contains(oldKid, kid(after));
    assertThat(JwksVerifier.verify(before, bank, clock).getIssuer()).isEqualTo(bank);
    clock.advance(LocalIdentityProviders.ROTATION_GRACE.plusSeconds(1));
    assertThat(kids(bank)).containsExactly(kid(after));
  }

  @Test
  void rotationWithoutGraceDropsTheOldKid() throws Exception {
    String before = mintForBank();

    idp.rotate("bank", false);

    assertThat(kids(bank)).doesNotContain(kid(before)).hasSize(1);
    assertThatThrownBy(() -> JwksVerifier.verify(before, bank, clock))
        .hasMessageContaining("no matching key");
  }

  @Test
  void rotatingAPoolReplacesBothItsKeys() throws Exception {
    List<String> before = kids(idp.issuerUrl(POOL));

    idp.rotate(POOL, false);

    assertThat(kids(idp.issuerUrl(POOL))).hasSize(2).doesNotContainAnyElementsOf(before);
  }

  @Test
  void mintsAnAlreadyExpiredToken() throws Exception {
    String token = idp.mint("bank", Map.of("actor", "bank-ops-emea"), "payments.example.com", Duration.ofMinutes(-5), false);

    JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(TestClock.START.minusSeconds(300));
    assertThat(claims.getIssueTime()).isBefore(claims.getExpirationTime());
    assertThat(kids(bank)).contains(kid(token));
    assertThatThrownBy(() -> JwksVerifier.verify(token, bank, clock))
        .isInstanceOf(BadJWTException.class).hasMessageContaining("Expired");
  }

  @Test
  void unpublishedKeysKidIsNotInTheJwks() throws Exception {
    String token = idp.mint("bank", Map.of(), "payments.example.com", Duration.ofMinutes(5), true);

    assertThat(kids(bank)).doesNotContain(kid(token));
    assertThatThrownBy(() -> JwksVerifier.verify(token, bank, clock)).hasMessageContaining("no matching key");
  }

  @Test
  void mintedClaimsAreLaidOverTheRegisteredOnes() throws Exception {
    String token = idp.mint(POOL, Map.of("iss", "https://evil.example", "token_use", "access"), null, Duration.ofMinutes(5), false);

    JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("https://evil.example");
    assertThat(claims.getAudience()).isEmpty();
    assertThat(kids(idp.issuerUrl(POOL))).contains(kid(token));
  }

  @Test
  void mintsTheDemosBankExpiredRecipe() throws Exception {
    String token = idp.mintRecipe("bank-expired");

    JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(bank);
    assertThat(claims.getAudience()).containsExactly("payments.example.com");
    assertThat(claims.getStringClaim("client_id")).isEqualTo("backoffice");
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(TestClock.START.minusSeconds(3600));
    assertThatThrownBy(() -> idp.mintRecipe("no-such")).hasMessageContaining("bank-expired");
  }

  @Test
  void unknownIssuerNamesTheKnownOnes() {
    assertThatThrownBy(() -> idp.rotate("nobank", true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bank").hasMessageContaining(POOL);
  }

  @Test
  void sameSeedGivesTheSameJwksAcrossRunsAndAnotherSeedDoesNot() throws Exception {
    List<String> first = kids(bank);
    try (LocalIdentityProviders again = LocalIdentityProviders.builder(DemoEmulator.load(), clock, new Random(99)).port(0).start();
        LocalIdentityProviders other = LocalIdentityProviders.builder(
            DemoEmulator.withSeed(DemoEmulator.load(), "another-seed"), clock, new Random(99)).port(0).start()) {
      assertThat(JwksVerifier.jwks(again.issuerUrl("bank")).toPublicJWKSet().toString())
          .isEqualTo(JwksVerifier.jwks(bank).toPublicJWKSet().toString());
      assertThat(kids(other.issuerUrl("bank"))).doesNotContainAnyElementsOf(first);
    }
  }

  private String mintForBank() {
    return idp.mint("bank", Map.of("client_id", "backoffice"), "payments.example.com", Duration.ofMinutes(10), false);
  }

  private static String kid(String token) throws Exception {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }

  private static List<String> kids(String issuer) throws Exception {
    return JwksVerifier.jwks(issuer).getKeys().stream().map(JWK::getKeyID).toList();
  }
}
