package dev.portcullis.engine.rules.jwt;

import java.security.PublicKey;
import java.util.Objects;

/**
 * One key of an issuer's JWKS, reduced to what verification needs, so callers need not know nimbus.
 *
 * @param kid the key id, or null when the JWK has none
 * @param keyType the JWK {@code kty}: {@code RSA}, {@code EC}, {@code OKP}
 * @param algorithm the JWK {@code alg}, or null when the JWK names none
 * @param key the public key, or null when the type cannot verify signatures here
 */
public record SigningKey(String kid, String keyType, String algorithm, PublicKey key) {
  public SigningKey {
    Objects.requireNonNull(keyType, "keyType");
  }

  /** An RSA key with the given id. */
  public static SigningKey rsa(String kid, java.security.interfaces.RSAPublicKey key) {
    return new SigningKey(kid, "RSA", null, Objects.requireNonNull(key, "key"));
  }
}
