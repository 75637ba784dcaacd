package dev.portcullis.engine.rules.sigv4;

import java.util.Map;
import java.util.Optional;

/** Finds the secret behind an access key id, as IAM would for the gateway. */
@FunctionalInterface
public interface CredentialLookup {

  /** The secret for this access key id, or empty when the key is unknown. */
  Optional<SigningSecret> find(String accessKeyId);

  /** A fixed table of keys, for tests and for workspaces that list their keys. */
  static CredentialLookup of(Map<String, SigningSecret> keys) {
    Map<String, SigningSecret> copy = Map.copyOf(keys);
    return accessKeyId -> Optional.ofNullable(copy.get(accessKeyId));
  }
}
