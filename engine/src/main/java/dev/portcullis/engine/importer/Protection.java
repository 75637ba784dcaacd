package dev.portcullis.engine.importer;

import java.util.List;
import java.util.Objects;

/**
 * How a source says one route is protected. {@link Unreadable} is the fail-closed answer: the
 * source says something this importer cannot read (an unknown scheme, an unresolved authoriser
 * reference, a kind it does not map), and such a route is never imported as open.
 */
public sealed interface Protection {

  /** The source itself says NONE (no security anywhere, {@code security: []}, {@code Authorizer: NONE}). */
  record None(String evidence) implements Protection {}

  /** SigV4: {@code AWS_IAM}, {@code awsSigv4}. */
  record Iam(String evidence) implements Protection {}

  /** A named authoriser of the same API, with the scopes the route asks for. */
  record ByAuthorizer(String authorizer, List<String> scopes, String evidence) implements Protection {
    public ByAuthorizer {
      Objects.requireNonNull(authorizer, "an authoriser protection names its authoriser");
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
  }

  /** The source protects the route in a way that could not be read: treated as protected, never open. */
  record Unreadable(String why) implements Protection {
    public Unreadable {
      Objects.requireNonNull(why, "say why the protection could not be read");
    }
  }
}
