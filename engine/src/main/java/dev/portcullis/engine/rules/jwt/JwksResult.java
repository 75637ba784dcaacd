package dev.portcullis.engine.rules.jwt;

import java.util.List;
import java.util.Objects;

/** What fetching an issuer's keys gave. */
public sealed interface JwksResult {

  /**
   * The key set.
   *
   * @param jwksUri where the keys came from (the discovery document's {@code jwks_uri})
   * @param fromCache true when no request was made
   */
  record Found(List<SigningKey> keys, String jwksUri, boolean fromCache) implements JwksResult {
    public Found {
      keys = List.copyOf(keys);
      Objects.requireNonNull(jwksUri, "jwksUri");
    }
  }

  /** No key set, with a sentence such as {@code timed out after 1.5 s fetching http://…/jwks.json}. */
  record Failed(String reason) implements JwksResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
