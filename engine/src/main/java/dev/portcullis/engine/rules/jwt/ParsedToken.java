package dev.portcullis.engine.rules.jwt;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A decoded, not yet verified, token. Shared by every request that sends the same token ({@link
 * ParsedTokens}), so nothing in it may change after decoding.
 *
 * @param compact the token as received, the whole compact string
 * @param signed null when the token is well formed but not a JWS (alg none, or encrypted)
 * @param claims the payload as JSON values; {@code exp}, {@code nbf} and {@code iat} as epoch seconds
 * @param scopes the scopes the claims grant ({@link Scopes#granted}), worked out once for every request that sends
 *     the token: the split made two sets and lists per request (issue 19)
 */
record ParsedToken(String compact, SignedJWT signed, JWTClaimsSet claimsSet, Map<String, Object> claims, Outcome format,
    List<String> scopes) {

  /** Decodes {@code token}; a malformed one gives a failed {@link #format()} and no claims. */
  static ParsedToken parse(String token) {
    JWT jwt;
    JWTClaimsSet claimsSet;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      return failed(token, "not a JWT: " + e.getMessage());
    } catch (RuntimeException e) {
      // nimbus answers a header that decodes to JSON null with an unchecked exception, not a ParseException
      return failed(token, "not a JWT: its header is not a JSON object");
    }
    if (jwt instanceof EncryptedJWT) {
      return failed(token, "an encrypted JWT (JWE, 5 parts); API Gateway takes a signed JWT (JWS, 3 parts)");
    }
    try {
      claimsSet = jwt.getJWTClaimsSet();
      if (claimsSet == null) {
        return failed(token, "the payload is not a JSON claims set");
      }
    } catch (ParseException | RuntimeException e) {
      return failed(token, "the payload is not a JSON claims set: " + e.getMessage());
    }
    SignedJWT signed = jwt instanceof SignedJWT s ? s : null;
    String header = signed == null ? "alg " + jwt.getHeader().getAlgorithm() : describe(signed.getHeader());
    Outcome format = Outcome.pass("a JWT with header " + header + " and " + claimsSet.getClaims().size() + " claims");
    Map<String, Object> claims = Collections.unmodifiableMap(claimsSet.toJSONObject());
    return new ParsedToken(token, signed, claimsSet, claims, format, Scopes.granted(claims));
  }

  private static ParsedToken failed(String token, String evidence) {
    return new ParsedToken(token, null, null, Map.of(), Outcome.fail(evidence), List.of());
  }

  private static String describe(JWSHeader header) {
    return "alg " + header.getAlgorithm() + ", kid " + (header.getKeyID() == null ? "(none)" : "'" + header.getKeyID() + "'");
  }

  String kid() {
    return signed == null ? null : signed.getHeader().getKeyID();
  }

  String algorithm() {
    return signed == null ? "none" : signed.getHeader().getAlgorithm().getName();
  }
}
