package dev.portcullis.engine.trace.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.export.JsonOutline;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class TokenLabTest {
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private final TokenLab lab = TokenLab.create(Clock.fixed(NOW, ZoneOffset.UTC));
  private final RSAKey key = Tokens.rsa("k1");
  private final String token = Tokens.accessToken(key, NOW, NOW.plusSeconds(3600));

  @Test
  void verifiesAgainstAPastedJwksAJwkOrAPemKey() throws Exception {
    String jwks = new JWKSet(key.toPublicJWK()).toString();

    assertThat(lab.verifyWithKey(token, jwks).signatureCheck()).isEqualTo(TokenInspection.SignatureCheck.VERIFIED);
    assertThat(lab.verifyWithKey(token, key.toPublicJWK().toJSONString()).signatureCheck())
        .isEqualTo(TokenInspection.SignatureCheck.VERIFIED);
  }

  @Test
  void aTamperedPayloadKeepsTheOldSignatureAndFailsTheCheck() throws Exception {
    String tampered = lab.tamper(token, "{\"sub\": \"mallory\", \"token_use\": \"access\"}");

    TokenInspection inspection = lab.verifyWithKey(tampered, new JWKSet(key.toPublicJWK()).toString());

    assertThat(tampered.substring(tampered.lastIndexOf('.'))).isEqualTo(token.substring(token.lastIndexOf('.')));
    assertThat(inspection.claims()).anySatisfy(c -> assertThat(c.value()).isEqualTo("mallory"));
    assertThat(inspection.signatureCheck()).isEqualTo(TokenInspection.SignatureCheck.BAD_SIGNATURE);
  }

  @Test
  void verifiesAgainstAnIssuerThroughItsDiscoveryDocument() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body("{\"jwks_uri\": \"" + server.url("/keys") + "\"}").build());
      server.enqueue(new MockResponse.Builder().body(new JWKSet(key.toPublicJWK()).toString()).build());

      TokenInspection inspection = lab.verifyWithIssuer(token, server.url("/pool").toString());

      assertThat(inspection.signatureCheck()).isEqualTo(TokenInspection.SignatureCheck.VERIFIED);
      assertThat(server.takeRequest().getTarget()).isEqualTo("/pool/.well-known/openid-configuration");
    }
  }

  @Test
  void problemsAreSentences() {
    assertThatThrownBy(() -> lab.verifyWithKey(token, "not a key")).isInstanceOf(IOException.class)
        .hasMessageStartingWith("The pasted key is not JSON");
    assertThatThrownBy(() -> lab.verifyWithJwksUrl(token, "http://127.0.0.1:1/jwks")).isInstanceOf(IOException.class)
        .hasMessageContaining("nothing answered");
    assertThatThrownBy(() -> lab.tamper("abc", "{}")).hasMessageContaining("1 parts");
    assertThatThrownBy(() -> TokenLab.claims("[1]")).hasMessageStartingWith("The claims are not a JSON object");
  }

  @Test
  void jsonOutlineShowsJsonAsATreeAndLeavesOtherTextAlone() {
    JsonOutline.Node root = JsonOutline.outline("event", "{\"a\": [1, {\"b\": \"x\"}]}").orElseThrow();

    assertThat(root.value()).isEqualTo("{1}");
    assertThat(root.children().getFirst().value()).isEqualTo("[2]");
    assertThat(root.children().getFirst().children().get(1).children().getFirst().value()).isEqualTo("x");
    assertThat(JsonOutline.pretty("<html>")).isEqualTo("<html>");
    assertThat(JsonOutline.isJson("\"just a string\"")).isFalse();
  }
}
