package dev.portcullis.engine.rules.iam;

import dev.portcullis.engine.model.PolicyDocument.PolicyStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * Decides whether one statement applies to a request, and says why in one line: principal (in a
 * resource policy), action, resource, then conditions; the first element that fails is named.
 */
final class StatementEvaluator {

  /** One element's verdict and its reason. */
  record Check(boolean passed, String reason) {
    static Check pass(String reason) {
      return new Check(true, reason);
    }

    static Check fail(String reason) {
      return new Check(false, reason);
    }
  }

  /** Whether the statement applies, and the evidence line that says so. */
  record Outcome(StatementRef ref, PolicyStatement statement, boolean applies, String evidence) {}

  private StatementEvaluator() {}

  static Outcome evaluate(PolicyStatement statement, StatementRef ref, PolicyQuery query, ConditionContext context) {
    List<Check> checks = new ArrayList<>();
    if (ref.inResourcePolicy()) {
      checks.add(principal(statement, query.caller()));
    }
    checks.add(element("action", statement.actions(), statement.notActions(), query.action(),
        IamPattern::matchesAction, UnaryOperator.identity()));
    UnaryOperator<String> shorthand = ref.inResourcePolicy() ? p -> ApiShorthand.expand(p, query.methodArn())
        : UnaryOperator.identity();
    checks.add(element("resource", statement.resources(), statement.notResources(), query.methodArn().render(),
        IamPattern::matchesArn, shorthand));
    List<String> reasons = new ArrayList<>();
    for (Check check : checks) {
      if (!check.passed()) {
        return new Outcome(ref, statement, false, ref + ": " + statement.effect() + " does not apply: " + check.reason());
      }
      reasons.add(check.reason());
    }
    Check conditions = ConditionEvaluator.evaluate(statement.conditions(), context, ref);
    if (!conditions.passed()) {
      return new Outcome(ref, statement, false, ref + ": " + statement.effect() + " does not apply: " + conditions.reason());
    }
    reasons.add(conditions.reason());
    return new Outcome(ref, statement, true, ref + ": " + statement.effect() + ", " + String.join(", ", reasons));
  }

  private static Check principal(PolicyStatement statement, CallerIdentity caller) {
    if (statement.principal() != null) {
      return PrincipalMatcher.principal(statement.principal(), caller);
    }
    if (statement.notPrincipal() != null) {
      return PrincipalMatcher.notPrincipal(statement.notPrincipal(), caller);
    }
    return Check.fail("a resource-policy statement needs a Principal or NotPrincipal");
  }

  /**
   * Action/NotAction and Resource/NotResource share a shape: a list, or its complement. Each pattern
   * is matched as {@code expand} gives it and named as written, with its expansion when it has one.
   */
  private static Check element(String what, List<String> listed, List<String> notListed, String value,
      BiPredicate<String, String> matcher, UnaryOperator<String> expand) {
    if (!listed.isEmpty()) {
      return listed.stream().filter(p -> matcher.test(expand.apply(p), value)).findFirst()
          .map(p -> Check.pass(what + " " + value + " matches " + written(p, expand)))
          .orElseGet(() -> Check.fail(what + " " + value + " matches none of " + written(listed, expand)));
    }
    if (!notListed.isEmpty()) {
      return notListed.stream().filter(p -> matcher.test(expand.apply(p), value)).findFirst()
          .map(p -> Check.fail(what + " " + value + " is excluded by Not" + capitalised(what) + " " + written(p, expand)))
          .orElseGet(() -> Check.pass(what + " " + value + " is outside Not" + capitalised(what) + " "
              + written(notListed, expand)));
    }
    return Check.fail("the statement has no " + capitalised(what) + " or Not" + capitalised(what));
  }

  /** {@code execute-api:/*} reads "execute-api:/* (this API: arn:aws:execute-api:...:a1b2/*)". */
  private static String written(String pattern, UnaryOperator<String> expand) {
    String expanded = expand.apply(pattern);
    return expanded.equals(pattern) ? pattern : pattern + " (this API: " + expanded + ")";
  }

  private static String written(List<String> patterns, UnaryOperator<String> expand) {
    return patterns.stream().map(p -> written(p, expand)).toList().toString();
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
