package dev.portcullis.engine.rules.iam;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The IAM condition operators the emulator knows, each as "does this request value match this
 * policy value", and whether the operator is the negation of that test. Negated operators differ
 * in more than the result: with the key absent they hold (IAM user guide,
 * reference_policies_elements_condition_operators), which is why the private-API example
 * {@code StringNotEquals aws:SourceVpce} denies requests that did not come through an endpoint.
 */
enum ConditionOperator {
  StringEquals(false, String::equals),
  StringNotEquals(true, String::equals),
  StringEqualsIgnoreCase(false, String::equalsIgnoreCase),
  StringNotEqualsIgnoreCase(true, String::equalsIgnoreCase),
  StringLike(false, IamPattern::glob),
  StringNotLike(true, IamPattern::glob),
  ArnEquals(false, IamPattern::matchesArn),
  ArnLike(false, IamPattern::matchesArn),
  ArnNotEquals(true, IamPattern::matchesArn),
  ArnNotLike(true, IamPattern::matchesArn),
  IpAddress(false, ConditionOperator::inRange),
  NotIpAddress(true, ConditionOperator::inRange),
  Bool(false, String::equalsIgnoreCase),
  DateEquals(false, (p, v) -> compareDates(p, v).map(c -> c == 0).orElse(false)),
  DateNotEquals(true, (p, v) -> compareDates(p, v).map(c -> c == 0).orElse(false)),
  DateLessThan(false, (p, v) -> compareDates(p, v).map(c -> c < 0).orElse(false)),
  DateLessThanEquals(false, (p, v) -> compareDates(p, v).map(c -> c <= 0).orElse(false)),
  DateGreaterThan(false, (p, v) -> compareDates(p, v).map(c -> c > 0).orElse(false)),
  DateGreaterThanEquals(false, (p, v) -> compareDates(p, v).map(c -> c >= 0).orElse(false)),
  NumericEquals(false, (p, v) -> compareNumbers(p, v).map(c -> c == 0).orElse(false)),
  NumericNotEquals(true, (p, v) -> compareNumbers(p, v).map(c -> c == 0).orElse(false)),
  NumericLessThan(false, (p, v) -> compareNumbers(p, v).map(c -> c < 0).orElse(false)),
  NumericLessThanEquals(false, (p, v) -> compareNumbers(p, v).map(c -> c <= 0).orElse(false)),
  NumericGreaterThan(false, (p, v) -> compareNumbers(p, v).map(c -> c > 0).orElse(false)),
  NumericGreaterThanEquals(false, (p, v) -> compareNumbers(p, v).map(c -> c >= 0).orElse(false));

  final boolean negated;
  /** (policy value, request value): the request value compared to the policy value. */
  private final BiPredicate<String, String> test;

  ConditionOperator(boolean negated, BiPredicate<String, String> test) {
    this.negated = negated;
    this.test = test;
  }

  /** Whether the request value passes against the policy values: any match, or for negations none. */
  boolean accepts(java.util.List<String> policyValues, String requestValue) {
    boolean matchesOne = policyValues.stream().anyMatch(p -> test.test(p, requestValue));
    return negated != matchesOne;
  }

  static Optional<ConditionOperator> named(String name) {
    for (ConditionOperator op : values()) {
      if (op.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  private static boolean inRange(String cidr, String ip) {
    return CidrRange.parse(cidr).map(range -> range.contains(ip)).orElse(false);
  }

  /** Request value compared to policy value; empty when either is not a date IAM accepts. */
  private static Optional<Integer> compareDates(String policy, String request) {
    return instant(request).flatMap(r -> instant(policy).map(r::compareTo));
  }

  private static Optional<Instant> instant(String text) {
    String t = text.trim();
    try {
      if (t.chars().allMatch(Character::isDigit)) {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
      }
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> compareNumbers(String policy, String request) {
    try {
      return Optional.of(new BigDecimal(request.trim()).compareTo(new BigDecimal(policy.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
