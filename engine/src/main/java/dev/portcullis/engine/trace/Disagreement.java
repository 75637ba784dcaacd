package dev.portcullis.engine.trace;

import java.util.List;
import java.util.Objects;

/**
 * The prediction and the real answer differ. {@code reasons} lists the known reasons that fit,
 * most likely first; it is empty when none of them does (then the imported configuration is the
 * first suspect, and the sentence says so).
 */
public record Disagreement(String sentence, List<Reason> reasons) {
  public Disagreement {
    Objects.requireNonNull(sentence, "disagreement sentence");
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  /** A known reason why the rule book and AWS can disagree, with the explanation and the fix. */
  public record Reason(Kind kind, String explanation, String change) {
    public Reason {
      Objects.requireNonNull(kind, "reason kind");
      Objects.requireNonNull(explanation, "reason explanation");
      Objects.requireNonNull(change, "reason change");
    }
  }

  /** The disagreements the explainer recognises (spec §1.2, §1.3, §2, §4.1, §4.3, §5, §6). */
  public enum Kind {
    /** A Lambda authoriser's cached policy, built for another method, denies this one. */
    AUTHORIZER_CACHE_FROM_OTHER_METHOD,
    /** The local clock is more than 5 minutes off, so AWS sees the signature as expired or early. */
    CLOCK_SKEW,
    /** The token lacks every scope the route or method requires. */
    SCOPE_NOT_IN_TOKEN,
    /** The API key exists but is not in a usage plan attached to this stage. */
    KEY_NOT_IN_USAGE_PLAN,
    /** A resource policy (or an IAM policy) on AWS that the workspace does not have refuses the call. */
    RESOURCE_POLICY_UNSEEN,
    /** The deployed Lambda authoriser reads a stage variable (or an identity source) the workspace cannot see. */
    STAGE_VARIABLE_UNSEEN,
    /** A throttle or quota already spent on AWS's counters, which the prediction cannot see. */
    USAGE_PLAN_STATE
  }
}
