package dev.portcullis.engine.rules.iam;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of evaluating a caller's identity policies together with an API's resource policy.
 * Every variant carries the evidence: one readable line per statement considered, then a line on
 * how the two policies were combined.
 */
public sealed interface PolicyDecision {

  /** The statements that decided: none for an implicit deny, one or two for an allow. */
  List<StatementRef> decidedBy();

  List<String> evidence();

  /** The two ways to be refused, which API Gateway words differently (see {@link IamDenial}). */
  sealed interface Denied extends PolicyDecision {}

  /** Allowed; across accounts {@code decidedBy} names the identity and the resource statement. */
  record Allow(List<StatementRef> decidedBy, List<String> evidence) implements PolicyDecision {
    public Allow {
      decidedBy = List.copyOf(decidedBy);
      if (decidedBy.isEmpty()) {
        throw new IllegalArgumentException("an Allow must cite the statement that allowed");
      }
      evidence = List.copyOf(evidence);
    }
  }

  /** A Deny statement applied; it wins over any allow. */
  record ExplicitDeny(StatementRef statement, List<String> evidence) implements Denied {
    public ExplicitDeny {
      Objects.requireNonNull(statement, "an explicit deny must cite the Deny statement");
      evidence = List.copyOf(evidence);
    }

    @Override
    public List<StatementRef> decidedBy() {
      return List.of(statement);
    }
  }

  /** Nothing denied, but not enough allowed. */
  record ImplicitDeny(List<String> evidence) implements Denied {
    public ImplicitDeny {
      evidence = List.copyOf(evidence);
    }

    @Override
    public List<StatementRef> decidedBy() {
      return List.of();
    }
  }
}
