package dev.portcullis.engine.rules.jwt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ParsedToken#parse} once per distinct token string. A client sends the same token for its
 * whole life, and decoding it (base64, the header and claims JSON, nimbus's claims set) was the
 * largest part of a JWT decision once the RSA verification was remembered. Decoding is a pure
 * function of the compact string, so the cache is keyed by the whole string alone: a token changed
 * in any character is decoded afresh. Nothing that depends on the authoriser, the route or the time
 * is cached here: the key lookup, signature, issuer, audience, expiry and scopes checks run on every
 * request as before. Only well-formed tokens are kept. Thread-safe.
 */
final class ParsedTokens {
  /** Bounds memory (a token is a few KB at most); clearing all at once is crude, but only costs re-parsing. */
  private static final int MAX_TOKENS = 1024;

  private final Map<String, ParsedToken> parsed = new ConcurrentHashMap<>();

  ParsedToken parse(String token) {
    ParsedToken known = parsed.get(token);
    if (known != null) {
      return known;
    }
    ParsedToken fresh = ParsedToken.parse(token);
    if (fresh.format().passed()) {
      if (parsed.size() >= MAX_TOKENS) {
        parsed.clear();
      }
      parsed.put(token, fresh);
    }
    return fresh;
  }
}
