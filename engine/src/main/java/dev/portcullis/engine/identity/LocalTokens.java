package dev.portcullis.engine.identity;

import java.util.Optional;

/** Tokens the local identity providers mint on demand, for {@code local:tokens/NAME} references. */
@FunctionalInterface
public interface LocalTokens {
  Optional<String> mint(String recipeName);

  static LocalTokens none() {
    return name -> Optional.empty();
  }
}
