package dev.portcullis.engine.rules.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RSA signature check with its two costs paid once: one verifier per key, and one verification
 * per (token, key). A client sends the same token for its whole life, and the RSA arithmetic was the
 * largest part of a JWT decision. Remembering "this exact token verified with this exact key" is not
 * a weaker check: verification is a pure function of the two, the token is compared as the whole
 * compact string, and a refetched key set (rotation, an unknown kid) gives new key objects, so its
 * tokens are verified afresh. Failures are never remembered. Expiry and the other claims are still
 * checked on every request by the callers. Thread-safe.
 */
final class VerifiedSignatures {
  /** Bounds memory (a token is a few KB at most); clearing all at once is crude, but only costs re-verifying. */
  private static final int MAX_TOKENS = 1024;
  private static final int MAX_KEYS = 64;

  private final Map<String, RSAPublicKey> verified = new ConcurrentHashMap<>();
  private final Map<RSAPublicKey, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();

  /**
   * Whether {@code token} (as parsed, unverified, and a JWS) carries a valid signature by {@code key}. Remembered under
   * the token as received, the same text nimbus's {@code getParsedString} would join again from the parts on every call
   * (a fifth of a JWT decision's allocation, issue 19).
   */
  boolean verify(ParsedToken token, RSAPublicKey key) throws JOSEException {
    SignedJWT jwt = token.signed();
    String compact = token.compact();
    // a parsed JWS always has its compact string, so, unlike getParsedString's, it is never null here
    if (verified.get(compact) == key) {
      return true;
    }
    if (verifiers.size() >= MAX_KEYS) {
      verifiers.clear();
    }
    boolean valid = jwt.verify(verifiers.computeIfAbsent(key, RSASSAVerifier::new));
    if (valid) {
      if (verified.size() >= MAX_TOKENS) {
        verified.clear();
      }
      verified.put(compact, key);
    }
    return valid;
  }
}
