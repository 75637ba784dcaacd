package dev.portcullis.engine.rules.iam;

import dev.portcullis.engine.model.PolicyDocument;
import java.util.Objects;

/** An identity policy attached to the caller, with the name evidence and traces refer to it by. */
public record NamedPolicy(String name, PolicyDocument document) {
  public NamedPolicy {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an identity policy needs a name so decisions can cite it");
    }
    Objects.requireNonNull(document, () -> "identity policy '" + name + "' has no document");
  }
}
