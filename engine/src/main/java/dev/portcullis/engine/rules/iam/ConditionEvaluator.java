package dev.portcullis.engine.rules.iam;

import java.util.List;
import java.util.Map;

/**
 * Judges a statement's {@code Condition} block: every operator and every key under it must hold
 * (AND); the values under one key are alternatives (OR, or NOR for negated operators). Supports
 * the {@code IfExists} suffix, the {@code Null} operator and the {@code ForAnyValue:} /
 * {@code ForAllValues:} set prefixes as the IAM user guide defines them; apigw-facts is silent on
 * all three.
 */
final class ConditionEvaluator {
  private static final String IF_EXISTS = "IfExists";
  private static final String FOR_ANY = "ForAnyValue:";
  private static final String FOR_ALL = "ForAllValues:";

  private ConditionEvaluator() {}

  static StatementEvaluator.Check evaluate(
      Map<String, Map<String, List<String>>> conditions, ConditionContext context, StatementRef where) {
    if (conditions.isEmpty()) {
      return StatementEvaluator.Check.pass("no conditions");
    }
    for (var block : conditions.entrySet()) {
      for (var keyed : block.getValue().entrySet()) {
        List<String> request = context.get(keyed.getKey());
        String described = block.getKey() + " " + keyed.getKey() + " " + keyed.getValue() + " against "
            + (request.isEmpty() ? "(key absent)" : request);
        if (!holds(block.getKey(), keyed.getValue(), request, where)) {
          return StatementEvaluator.Check.fail("condition " + described + " does not hold");
        }
      }
    }
    return StatementEvaluator.Check.pass("conditions " + conditions.keySet() + " hold");
  }

  private static boolean holds(String operatorText, List<String> policyValues, List<String> request, StatementRef where) {
    String name = operatorText;
    String set = "";
    if (startsWithIgnoreCase(name, FOR_ANY) || startsWithIgnoreCase(name, FOR_ALL)) {
      set = name.substring(0, name.indexOf(':') + 1);
      name = name.substring(set.length());
    }
    if (name.equalsIgnoreCase("Null")) {
      // Null tests presence: "true" means the key must be absent.
      return policyValues.stream().anyMatch(v -> Boolean.parseBoolean(v) == request.isEmpty());
    }
    boolean ifExists = name.endsWith(IF_EXISTS);
    String base = ifExists ? name.substring(0, name.length() - IF_EXISTS.length()) : name;
    ConditionOperator operator = ConditionOperator.named(base).orElseThrow(() -> new IllegalArgumentException(
        where + ": condition operator '" + operatorText + "' is not supported; use one of the IAM operators such as "
            + "StringEquals, StringLike, IpAddress, ArnLike, Bool, DateLessThan"));
    if (request.isEmpty()) {
      // An absent key satisfies IfExists, ForAllValues (vacuously) and negated operators only.
      return ifExists || set.equalsIgnoreCase(FOR_ALL) || (set.isEmpty() && operator.negated);
    }
    if (set.equalsIgnoreCase(FOR_ALL) || (set.isEmpty() && operator.negated)) {
      return request.stream().allMatch(value -> operator.accepts(policyValues, value));
    }
    return request.stream().anyMatch(value -> operator.accepts(policyValues, value));
  }

  private static boolean startsWithIgnoreCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
