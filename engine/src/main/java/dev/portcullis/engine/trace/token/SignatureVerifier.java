package dev.portcullis.engine.trace.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.engine.trace.TokenInspection.SignatureCheck;
import java.text.ParseException;

/** Checks a JWS against a JWKS with nimbus; every failure is a result with a sentence. */
final class SignatureVerifier {
  private SignatureVerifier() {}

  record Result(SignatureCheck check, String note, String fix) {}

  static Result check(String token, ObjectNode header, JWKSet keys) {
    String alg = header.path("alg").asText("");
    if (alg.isEmpty() || alg.equalsIgnoreCase("none")) {
      return new Result(SignatureCheck.ALG_NONE_REFUSED, "unsigned (alg " + (alg.isEmpty() ? "missing" : alg) + ")",
          "Use a token signed by the issuer.");
    }
    if (keys == null) {
      return new Result(SignatureCheck.NOT_CHECKED, "signature not checked (no JWKS given)", "");
    }
    if (alg.startsWith("HS")) {
      return new Result(SignatureCheck.UNSUPPORTED,
          alg + " uses a shared secret; API Gateway JWT authorisers accept only RSA-signed tokens (spec §3)",
          "Have the issuer sign with RS256.");
    }
    String kid = header.path("kid").asText(null);
    JWK key = kid == null ? soleKey(keys) : keys.getKeyByKeyId(kid);
    if (key == null) {
      return new Result(SignatureCheck.KID_NOT_FOUND, "key id " + (kid == null ? "(none)" : kid)
          + " is not in the issuer's JWKS (" + keys.getKeys().size() + " keys)",
          "Check the token comes from the configured issuer (another user pool has other keys); if the issuer rotated keys, fetch the JWKS again.");
    }
    return verify(token, key);
  }

  private static Result verify(String token, JWK key) {
    try {
      JWSVerifier verifier = switch (key) {
        case RSAKey rsa -> new RSASSAVerifier(rsa);
        case ECKey ec -> new ECDSAVerifier(ec);
        default -> null;
      };
      if (verifier == null) {
        return new Result(SignatureCheck.UNSUPPORTED, "key " + key.getKeyID() + " is a " + key.getKeyType()
            + " key, which cannot be checked here", "");
      }
      boolean valid = SignedJWT.parse(token).verify(verifier);
      return valid
          ? new Result(SignatureCheck.VERIFIED, "signature verified with key " + key.getKeyID(), "")
          : badSignature("the signature does not match key " + key.getKeyID());
    } catch (JOSEException | ParseException | RuntimeException e) {
      return badSignature("the signature cannot be checked with key " + key.getKeyID() + ": " + e.getMessage());
    }
  }

  private static Result badSignature(String note) {
    return new Result(SignatureCheck.BAD_SIGNATURE, note,
        "The token was altered or signed by another issuer; acquire a fresh token from the configured issuer.");
  }

  private static JWK soleKey(JWKSet keys) {
    // without a kid only an unambiguous JWKS names the key
    return keys.getKeys().size() == 1 ? keys.getKeys().getFirst() : null;
  }
}
