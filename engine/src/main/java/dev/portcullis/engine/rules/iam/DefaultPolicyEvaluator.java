package dev.portcullis.engine.rules.iam;

import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.PolicyDocument.Effect;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Evaluates every statement for the evidence, then combines the two policies per apigw-facts §5. */
final class DefaultPolicyEvaluator implements PolicyEvaluator {
  private final Clock clock;
  private final DecisionMemo memo = new DecisionMemo();

  DefaultPolicyEvaluator(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "policy evaluator: clock is required");
  }

  /** What each side of the combination produced. */
  private record Side(Optional<StatementRef> deny, Optional<StatementRef> allow) {}

  @Override
  public PolicyDecision evaluate(PolicyQuery query) {
    // one reading of the clock for the memo's key and the evaluation, so both see the same second
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    DecisionMemo.Key key = memo.key(query, k -> requestKey(query, now, k));
    PolicyDecision known = key == null ? null : memo.get(key);
    if (known != null) {
      return known;
    }
    PolicyDecision decision = decide(query, withRequestKeys(query, now));
    if (key != null) {
      memo.put(key, decision);
    }
    return decision;
  }

  /** For tests: how many decisions the memo holds. */
  int memoised() {
    return memo.size();
  }

  private PolicyDecision decide(PolicyQuery query, ConditionContext context) {
    List<String> evidence = new ArrayList<>();
    List<StatementEvaluator.Outcome> identity = new ArrayList<>();
    for (NamedPolicy policy : query.identityPolicies()) {
      identity.addAll(evaluateAll(policy.name(), policy.document(), query, context));
    }
    List<StatementEvaluator.Outcome> resource = query.resourcePolicy() == null
        ? List.of()
        : evaluateAll(StatementRef.RESOURCE_POLICY, query.resourcePolicy(), query, context);
    identity.forEach(o -> evidence.add(o.evidence()));
    resource.forEach(o -> evidence.add(o.evidence()));
    if (query.identityPolicies().isEmpty() && !query.caller().isAnonymous()) {
      evidence.add("the caller has no identity policies");
    }
    if (query.resourcePolicy() == null) {
      evidence.add("the API has no resource policy");
    }
    return combine(query, side(identity), side(resource), evidence);
  }

  private PolicyDecision combine(PolicyQuery query, Side identity, Side resource, List<String> evidence) {
    Optional<StatementRef> deny = identity.deny().or(resource::deny);
    if (deny.isPresent()) {
      evidence.add("explicit deny by " + deny.get() + " wins over any allow (apigw-facts §5, Tables A and B)");
      return new PolicyDecision.ExplicitDeny(deny.get(), evidence);
    }
    if (query.caller().isAnonymous()) {
      evidence.add("unsigned caller: only the resource policy counts and it must allow (apigw-facts §5)");
      return resource.allow().<PolicyDecision>map(r -> new PolicyDecision.Allow(List.of(r), evidence))
          .orElseGet(() -> new PolicyDecision.ImplicitDeny(evidence));
    }
    if (query.sameAccount()) {
      evidence.add("same account " + query.caller().accountId()
          + ": an allow in the identity or the resource policy suffices (apigw-facts §5, Table A)");
      return identity.allow().or(resource::allow)
          .<PolicyDecision>map(r -> new PolicyDecision.Allow(List.of(r), evidence))
          .orElseGet(() -> implicit(evidence, "no statement allows"));
    }
    evidence.add("cross account (caller " + query.caller().accountId() + ", API " + query.methodArn().account()
        + "): both the identity and the resource policy must allow (apigw-facts §5, Table B)");
    if (identity.allow().isPresent() && resource.allow().isPresent()) {
      return new PolicyDecision.Allow(List.of(identity.allow().get(), resource.allow().get()), evidence);
    }
    return implicit(evidence, (identity.allow().isEmpty() ? "no identity-policy statement allows" : "")
        + (identity.allow().isEmpty() && resource.allow().isEmpty() ? " and " : "")
        + (resource.allow().isEmpty() ? "no resource-policy statement allows" : ""));
  }

  private static PolicyDecision implicit(List<String> evidence, String why) {
    evidence.add("implicit deny: " + why);
    return new PolicyDecision.ImplicitDeny(evidence);
  }

  private static List<StatementEvaluator.Outcome> evaluateAll(
      String policyName, PolicyDocument document, PolicyQuery query, ConditionContext context) {
    List<StatementEvaluator.Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < document.statements().size(); i++) {
      var statement = document.statements().get(i);
      StatementRef ref = new StatementRef(policyName, statement.sid(), i);
      outcomes.add(StatementEvaluator.evaluate(statement, ref, query, context));
    }
    return outcomes;
  }

  private static Side side(List<StatementEvaluator.Outcome> outcomes) {
    return new Side(first(outcomes, Effect.Deny), first(outcomes, Effect.Allow));
  }

  private static Optional<StatementRef> first(List<StatementEvaluator.Outcome> outcomes, Effect effect) {
    return outcomes.stream().filter(o -> o.applies() && o.statement().effect() == effect)
        .map(StatementEvaluator.Outcome::ref).findFirst();
  }

  /** The global condition keys this evaluator fills in, as {@link ConditionContext} names them. */
  private static final List<String> REQUEST_KEYS = List.of(ConditionContext.CURRENT_TIME, ConditionContext.EPOCH_TIME,
      ConditionContext.PRINCIPAL_ARN, ConditionContext.PRINCIPAL_ACCOUNT);

  /** Keys AWS fills in from the request itself; values the caller set explicitly are kept. */
  private static ConditionContext withRequestKeys(PolicyQuery query, Instant now) {
    Map<String, String> defaults = new java.util.LinkedHashMap<>();
    for (String key : REQUEST_KEYS) {
      String value = requestDefault(query, now, key.toLowerCase(Locale.ROOT));
      if (value != null) {
        defaults.put(key, value);
      }
    }
    return query.context().withDefaults(defaults);
  }

  /**
   * One key's values as {@link #withRequestKeys} would give them (null when absent), without building
   * the context: what the memo's key needs for the keys a policy names.
   */
  private static List<String> requestKey(PolicyQuery query, Instant now, String lowerCaseKey) {
    List<String> set = query.context().values().get(lowerCaseKey);
    if (set != null) {
      return set;
    }
    String value = requestDefault(query, now, lowerCaseKey);
    return value == null ? null : List.of(value);
  }

  /** The value AWS fills in for one of {@link #REQUEST_KEYS}, lower-cased; null for any other key or none. */
  private static String requestDefault(PolicyQuery query, Instant now, String lowerCaseKey) {
    boolean anonymous = query.caller().isAnonymous();
    return switch (lowerCaseKey) {
      case "aws:currenttime" -> now.toString();
      case "aws:epochtime" -> Long.toString(now.getEpochSecond());
      case "aws:principalarn" -> anonymous ? null : PrincipalMatcher.principalArn(query.caller());
      case "aws:principalaccount" -> anonymous ? null : query.caller().accountId();
      default -> null;
    };
  }
}
