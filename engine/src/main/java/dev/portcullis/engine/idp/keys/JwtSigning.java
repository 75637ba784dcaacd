package dev.portcullis.engine.idp.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/** RS256 signing and checking of the local issuers' own tokens, the one place that calls nimbus's signer. */
public final class JwtSigning {

  private JwtSigning() {}

  /** Signs claims with RS256; the header carries only {@code kid} and {@code alg}, as Cognito's does. */
  public static String sign(RSAKey key, Map<String, Object> claims) {
    try {
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build();
      SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claims));
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException | ParseException e) {
      throw new IllegalArgumentException("cannot sign token claims " + claims.keySet() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The claims of a token if it parses and its RS256 signature holds against a published key of
   * the ring; claim checks (expiry, issuer, use) are the caller's.
   */
  public static Optional<JWTClaimsSet> verifiedClaims(String token, KeyRing ring, java.time.Instant now) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
        return Optional.empty();
      }
      Optional<RSAKey> key = ring.published(jwt.getHeader().getKeyID(), now);
      if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get()))) {
        return Optional.empty();
      }
      return Optional.of(jwt.getJWTClaimsSet());
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }
}
