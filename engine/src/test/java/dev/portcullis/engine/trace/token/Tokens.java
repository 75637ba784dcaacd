package dev.portcullis.engine.trace.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Cognito-shaped tokens (spec §9.7) signed with a test RSA key. */
public final class Tokens {
  public static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pay3Demo";
  public static final String CLIENT = "4f1d2c3b5a6e7d8c9b0a1f2e3d";

  private Tokens() {}

  public static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String idToken(RSAKey key, Instant issued, Instant expires) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject("7d8ca528-4931-4254-9273-ea5ee853f271")
        .audience(CLIENT)
        .claim("email_verified", true)
        .claim("token_use", "id")
        .claim("auth_time", issued.getEpochSecond())
        .issuer(ISSUER)
        .claim("cognito:username", "alice")
        .claim("cognito:groups", List.of("payers", "admins"))
        .expirationTime(Date.from(expires))
        .issueTime(Date.from(issued))
        .claim("email", "alice@example.com")
        .jwtID("b1f0c3de-0000-4000-8000-000000000001")
        .claim("origin_jti", "a0e0c3de-0000-4000-8000-000000000002")
        .build();
    return sign(key, claims);
  }

  public static String accessToken(RSAKey key, Instant issued, Instant expires) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject("7d8ca528-4931-4254-9273-ea5ee853f271")
        .claim("token_use", "access")
        .claim("scope", "aws.cognito.signin.user.admin")
        .claim("auth_time", issued.getEpochSecond())
        .issuer(ISSUER)
        .expirationTime(Date.from(expires))
        .issueTime(Date.from(issued))
        .jwtID("b1f0c3de-0000-4000-8000-000000000003")
        .claim("client_id", CLIENT)
        .claim("username", "alice")
        .build();
    return sign(key, claims);
  }

  public static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
