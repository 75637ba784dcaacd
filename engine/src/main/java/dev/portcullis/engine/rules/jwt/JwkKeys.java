package dev.portcullis.engine.rules.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.PublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/** Reads a JWKS document into {@link SigningKey}s. */
final class JwkKeys {
  private JwkKeys() {}

  static List<SigningKey> parse(String json, String jwksUri) throws BoundedFetch.FetchFailure {
    try {
      return JWKSet.parse(json).getKeys().stream().map(JwkKeys::toSigningKey).toList();
    } catch (ParseException e) {
      throw new BoundedFetch.FetchFailure("malformed JWKS from " + jwksUri + ": " + e.getMessage());
    }
  }

  /** A pasted JWKS, JWK or PEM public key; a sentence in the exception when it is none of them. */
  static List<SigningKey> pasted(String text) {
    String key = text == null ? "" : text.strip();
    try {
      if (key.startsWith("-----BEGIN")) {
        return List.of(pem(key));
      }
      Map<String, Object> json = JSONObjectUtils.parse(key);
      JWKSet set = json.containsKey("keys") ? JWKSet.parse(json) : new JWKSet(JWK.parse(json));
      return set.getKeys().stream().map(JwkKeys::toSigningKey).toList();
    } catch (ParseException e) {
      if (!key.startsWith("{")) {
        throw new IllegalArgumentException("The pasted key is not JSON (nor a PEM public key): paste a JWKS, a JWK or a PEM public key.", e);
      }
      throw new IllegalArgumentException("The pasted key is not a JWKS, a JWK or a PEM public key: " + e.getMessage(), e);
    }
  }

  /**
   * A PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), RSA or EC, read with the JDK: nimbus's
   * own PEM parser needs BouncyCastle, which Portcullis does not ship.
   */
  private static SigningKey pem(String text) {
    if (!text.startsWith("-----BEGIN PUBLIC KEY-----")) {
      throw new IllegalArgumentException("The pasted key is a PEM block, but not a PUBLIC KEY: paste the issuer's public key "
          + "(-----BEGIN PUBLIC KEY-----), never a private key or a certificate.");
    }
    String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    byte[] der;
    try {
      der = java.util.Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The pasted PEM public key is not valid base64.", e);
    }
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        PublicKey key = java.security.KeyFactory.getInstance(algorithm).generatePublic(new java.security.spec.X509EncodedKeySpec(der));
        return new SigningKey(null, algorithm, null, key);
      } catch (java.security.GeneralSecurityException e) {
        // not this algorithm: try the next
      }
    }
    throw new IllegalArgumentException("The pasted PEM public key is neither an RSA nor an EC key.");
  }

  private static SigningKey toSigningKey(JWK jwk) {
    String alg = jwk.getAlgorithm() == null ? null : jwk.getAlgorithm().getName();
    return new SigningKey(jwk.getKeyID(), jwk.getKeyType().getValue(), alg, publicKey(jwk));
  }

  // Only RSA verifies here (§3 "only RSA-based algorithms"); EC is kept so a kid that names an EC
  // key can be reported as such rather than as unknown.
  private static PublicKey publicKey(JWK jwk) {
    try {
      if (jwk instanceof RSAKey rsa) {
        return rsa.toRSAPublicKey();
      }
      if (jwk instanceof ECKey ec) {
        return ec.toECPublicKey();
      }
      return null;
    } catch (JOSEException e) {
      return null;
    }
  }
}
