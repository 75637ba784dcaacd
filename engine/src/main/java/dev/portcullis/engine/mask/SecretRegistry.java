package dev.portcullis.engine.mask;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret value resolved in one session, shared by what shows that session's data (trace
 * exports, the local gateway's rulings endpoint) so each masks them wherever they appear.
 */
public final class SecretRegistry {
  private final Set<String> values = ConcurrentHashMap.newKeySet();

  /** Remembers a value; blank ones are ignored. */
  public void add(String secret) {
    if (secret != null && !secret.isBlank()) {
      values.add(secret);
    }
  }

  /** A snapshot of the values, to mask with {@link ValueMasking#scrub}. */
  public Set<String> values() {
    return Set.copyOf(values);
  }

  public String scrub(String text) {
    return ValueMasking.scrub(text, values);
  }
}
