package dev.portcullis.engine.advisor;

import dev.portcullis.engine.model.Authorizer;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixes that are a change to the configuration alone (no code, no decision about who may call),
 * as what-if changes: the workbench tries them on a copy before the user applies anything.
 */
public final class MechanicalFix {
  private MechanicalFix() {}

  /** The changes that fix {@code finding} in {@code ws}, when the fix is mechanical. */
  public static Optional<List<WhatIf.Change>> of(Finding finding, Workspace ws) {
    Subject s = finding.subject();
    Optional<Authorizer.Lambda> fn = Optional.ofNullable(s.gateway()).flatMap(ws::gateway)
        .flatMap(g -> Optional.ofNullable(s.authorizer()).flatMap(g::authorizer))
        .filter(a -> a instanceof Authorizer.Lambda).map(a -> (Authorizer.Lambda) a);
    if (fn.isEmpty()) {
      return Optional.empty();
    }
    Gateway g = ws.gateway(s.gateway()).orElseThrow();
    return switch (finding.rule()) {
      case CACHED_METHOD_POLICY -> {
        // Per-method cache entries keep the method-scoped policy from being reused for another method.
        List<String> sources = new ArrayList<>(fn.get().identitySources());
        FindingRules.perMethodKey(g.flavor()).stream().filter(k -> !sources.contains(k)).forEach(sources::add);
        yield Optional.of(List.of(new WhatIf.SetIdentitySources(g.name(), fn.get().name(), sources)));
      }
      case TTL_ZERO_BUSY -> Optional.of(List.of(new WhatIf.SetTtl(g.name(), fn.get().name(), 300)));
      default -> Optional.empty();
    };
  }
}
