package dev.portcullis.engine.identity.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretHashTest {

  @Test
  @DisplayName("spec §9.3: SECRET_HASH is Base64(HMAC-SHA256(secret, username + clientId)), checked on RFC 4231 test case 2")
  void matchesRfc4231TestCase2() {
    // RFC 4231 §4.3: HMAC-SHA-256(key "Jefe", data "what do ya want for nothing?")
    // = 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843; Base64 of that digest below.
    // Splitting the data into username + clientId checks that the two are concatenated in that order.
    assertThat(SecretHash.compute("what do ya want ", "for nothing?", "Jefe"))
        .isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
  }

  @Test
  @DisplayName("spec §9.3: a Cognito-shaped SECRET_HASH equals openssl's")
  void matchesOpenssl() {
    // printf '%s' 'alice@example.com7f2example0clientid00000' \
    //   | openssl dgst -sha256 -hmac '1example0secret0for0tests0only0abcdefghijklmnopq' -binary | base64
    assertThat(SecretHash.compute("alice@example.com", "7f2example0clientid00000",
        "1example0secret0for0tests0only0abcdefghijklmnopq"))
        .isEqualTo("QNoB6k6gLauNjbuOcW1qQF5h8Lxshf4x0kkydIyGpHA=");
  }

  @Test
  @DisplayName("spec §9.3: username and secret are UTF-8, as in AWS's Java sample")
  void encodesUtf8() {
    // printf '%s' 'ÄlicÉ7f2example0clientid00000' | openssl dgst -sha256 -hmac 'sécret' -binary | base64  (UTF-8 shell)
    assertThat(SecretHash.compute("ÄlicÉ", "7f2example0clientid00000", "sécret"))
        .isEqualTo("WvPcRu29XCpxgQWIThSSljmy1WWFjQmpbvpJZj2FGoo=");
  }

  @Test
  @DisplayName("spec §9.3: a missing client secret is named")
  void namesMissingSecret() {
    assertThatThrownBy(() -> SecretHash.compute("alice", "client", ""))
        .hasMessageContaining("clientSecret is missing");
  }
}
