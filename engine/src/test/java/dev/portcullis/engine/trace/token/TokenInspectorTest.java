package dev.portcullis.engine.trace.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.portcullis.engine.trace.Outcome;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.TokenInspection.Claim;
import dev.portcullis.engine.trace.TokenInspection.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §9.7 token shapes, §3 validation facts; malformed input is a sentence, never an exception. */
class TokenInspectorTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static RSAKey key;
  private static RSAKey otherKey;

  private final TokenInspector inspector = TokenInspector.create(Clock.fixed(NOW, ZoneOffset.UTC));
  // signatures are the rule book's: the lab asks its JWT authoriser, with the JWKS pasted
  private final TokenLab lab = TokenLab.create(Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeAll
  static void keys() {
    key = Tokens.rsa("id-key-1");
    otherKey = Tokens.rsa("other-key");
  }

  @Test
  void explainsAVerifiedCognitoIdToken() throws Exception {
    String token = Tokens.idToken(key, NOW.minus(Duration.ofMinutes(18)), NOW.plus(Duration.ofMinutes(42)));

    TokenInspection inspection = lab.verifyWithKey(token, new JWKSet(key.toPublicJWK()).toString());

    assertThat(inspection.outcome()).isEqualTo(Outcome.OK);
    assertThat(inspection.signatureCheck()).isEqualTo(SignatureCheck.VERIFIED);
    assertThat(inspection.summary()).isEqualTo("Cognito ID token for alice, expires in 42 min");
    assertThat(inspection.headerJson()).contains("\"kid\": \"id-key-1\"").contains("RS256");
    assertThat(claim(inspection, "token_use").meaning()).contains("ID token");
    assertThat(claim(inspection, "cognito:username").value()).isEqualTo("alice");
    assertThat(claim(inspection, "cognito:groups").value()).isEqualTo("[\"payers\",\"admins\"]");
    assertThat(claim(inspection, "origin_jti").meaning()).contains("revoke");
    assertThat(claim(inspection, "exp").time()).isEqualTo("2024-05-01T12:42:00Z (expires in 42 min)");
    assertThat(claim(inspection, "iat").time()).endsWith("(issued 18 min ago)");
    assertThat(inspection.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(42)));
  }

  @Test
  void explainsACognitoAccessTokenAndItsScope() throws Exception {
    String token = Tokens.accessToken(key, NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(55)));

    TokenInspection inspection = inspector.inspect("Bearer " + token);

    assertThat(inspection.token()).isEqualTo(token);
    assertThat(inspection.signatureCheck()).isEqualTo(SignatureCheck.NOT_CHECKED);
    assertThat(inspection.summary()).startsWith("Cognito access token for alice");
    assertThat(claim(inspection, "scope").meaning()).contains("at least one");
    assertThat(claim(inspection, "client_id").meaning()).contains("instead of aud");
  }

  @Test
  void anExpiredTokenIsAFailedInspectionWithAFix() throws Exception {
    String token = Tokens.idToken(key, NOW.minus(Duration.ofHours(4)), NOW.minus(Duration.ofHours(3)));

    TokenInspection inspection = lab.verifyWithKey(token, new JWKSet(key.toPublicJWK()).toString());

    assertThat(inspection.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(inspection.summary()).contains("expired 3 h ago");
    assertThat(inspection.fix()).contains("Refresh");
    assertThat(claim(inspection, "exp").time()).contains("expired 3 h ago");
  }

  @Test
  void aTokenAboutToExpireIsAWarning() throws Exception {
    String token = Tokens.idToken(key, NOW.minus(Duration.ofMinutes(58)), NOW.plus(Duration.ofMinutes(2)));

    assertThat(inspector.inspect(token).outcome()).isEqualTo(Outcome.WARN);
  }

  @Test
  void aKeyIdMissingFromTheJwksIsNamed() throws Exception {
    String token = Tokens.idToken(key, NOW, NOW.plus(Duration.ofHours(1)));

    TokenInspection inspection = lab.verifyWithKey(token, new JWKSet(otherKey.toPublicJWK()).toString());

    assertThat(inspection.signatureCheck()).isEqualTo(SignatureCheck.KID_NOT_FOUND);
    assertThat(inspection.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(inspection.signatureNote()).contains("id-key-1");
    assertThat(inspection.fix()).contains("issuer");
  }

  @Test
  void aSignatureByAnotherKeyWithTheSameKidIsBad() throws Exception {
    RSAKey impostor = Tokens.rsa("id-key-1");
    String token = Tokens.idToken(impostor, NOW, NOW.plus(Duration.ofHours(1)));

    TokenInspection inspection = lab.verifyWithKey(token, new JWKSet(key.toPublicJWK()).toString());

    assertThat(inspection.signatureCheck()).isEqualTo(SignatureCheck.BAD_SIGNATURE);
    assertThat(inspection.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void algNoneIsRefusedButStillDecoded() throws Exception {
    String token = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"mallory\",\"token_use\":\"id\"}") + ".";

    TokenInspection inspection = lab.verifyWithKey(token, new JWKSet(key.toPublicJWK()).toString());

    assertThat(inspection.signatureCheck()).isEqualTo(SignatureCheck.ALG_NONE_REFUSED);
    assertThat(inspection.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(inspection.summary()).contains("alg none");
    assertThat(claim(inspection, "sub").value()).isEqualTo("mallory");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty                |                                  | no token",
      "one part             | not-a-token                      | has 1 part",
      "two parts            | abc.def                          | has 2 parts",
      "bad base64 header    | ey!!.eyJzdWIiOiJ4In0.sig          | header is not valid base64url",
      "header not JSON      | bm90IGpzb24.eyJzdWIiOiJ4In0.sig   | header decodes, but not to a JSON object",
      "payload not JSON     | eyJhbGciOiJSUzI1NiJ9.WzEsMl0.sig  | payload decodes, but not to a JSON object",
      "five parts (JWE)     | a.b.c.d.e                        | encrypted token"})
  void malformedInputIsAFailedInspectionWithASentenceAndAFix(String name, String token, String sentence) throws Exception {
    assertThatCode(() -> lab.verifyWithKey(token, new JWKSet().toString())).doesNotThrowAnyException();

    TokenInspection inspection = lab.verifyWithKey(token, new JWKSet().toString());

    assertThat(inspection.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(inspection.summary()).containsIgnoringCase(sentence);
    assertThat(inspection.fix()).isNotBlank();
    assertThat(inspection.claims()).isEmpty();
  }

  private static Claim claim(TokenInspection inspection, String name) {
    return inspection.claims().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no claim " + name + " in " + inspection.claims()));
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
