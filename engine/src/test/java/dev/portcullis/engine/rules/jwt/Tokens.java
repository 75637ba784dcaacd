package dev.portcullis.engine.rules.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;

/** Keys and signed tokens for tests. Keys are generated once per run: 2048-bit RSA is slow. */
final class Tokens {
  static final Instant NOW = Instant.parse("2025-03-14T12:00:00Z");
  static final RSAKey K1 = rsa("k1");
  static final RSAKey K2 = rsa("k2");

  private Tokens() {}

  static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECKey ec(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims valid at {@link #NOW} for an hour, from {@code issuer}. */
  static JWTClaimsSet.Builder claims(String issuer) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("user-1")
        .issueTime(Date.from(NOW.minusSeconds(60)))
        .expirationTime(Date.from(NOW.plusSeconds(3600)));
  }

  static String rs256(RSAKey key, JWTClaimsSet claims) {
    return sign(rsaSigner(key), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
  }

  static JWSSigner rsaSigner(RSAKey key) {
    try {
      return new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hs256(String kid, JWTClaimsSet claims) {
    try {
      MACSigner signer = new MACSigner(new byte[32]);
      return sign(signer, new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String es256(ECKey key, String kid, JWTClaimsSet claims) {
    try {
      return sign(new ECDSASigner(key), new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
