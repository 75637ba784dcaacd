package dev.portcullis.engine.rules.iam;

import java.util.Locale;

/**
 * IAM's wildcard matching: {@code *} matches any run of characters (including none, and
 * including {@code /}), {@code ?} matches exactly one character. Nothing else is special, so a
 * policy value is never read as a regular expression.
 *
 * <p>IAM compares action names without case ({@code execute-api:invoke} is {@code
 * execute-api:Invoke}) but ARNs with case, and it matches an ARN pattern one colon-separated
 * component at a time, so a {@code *} in the region cannot swallow the account.
 */
public final class IamPattern {
  private static final int ARN_COMPONENTS = 6;

  private IamPattern() {}

  /** Whether {@code action} matches an {@code Action} entry such as {@code execute-api:*}. */
  public static boolean matchesAction(String pattern, String action) {
    return glob(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether {@code arn} matches a {@code Resource} (or {@code ArnLike}) pattern. A bare {@code *}
   * matches every ARN; otherwise the six components are compared separately, as IAM documents
   * for {@code ArnLike}. A pattern that is not a six-part ARN is compared as a whole string.
   */
  public static boolean matchesArn(String pattern, String arn) {
    if (pattern.equals("*")) {
      return true;
    }
    // component by component, without splitting: a resource policy is matched on every signed request
    int[] p = components(pattern);
    int[] a = components(arn);
    if (p == null || a == null) {
      return glob(pattern, arn);
    }
    for (int i = 0; i < ARN_COMPONENTS; i++) {
      if (!glob(pattern, p[i], p[i + 1] - 1, arn, a[i], a[i + 1] - 1)) {
        return false;
      }
    }
    return true;
  }

  /** Where each of an ARN's six components starts, and one past the end; null with fewer than six. */
  private static int[] components(String arn) {
    int[] starts = new int[ARN_COMPONENTS + 1];
    int at = 0;
    for (int i = 1; i < ARN_COMPONENTS; i++) {
      int colon = arn.indexOf(':', at);
      if (colon < 0) {
        return null;
      }
      at = colon + 1;
      starts[i] = at;
    }
    starts[ARN_COMPONENTS] = arn.length() + 1;
    return starts;
  }

  /**
   * Case-sensitive wildcard match of a whole string. Greedy with one backtrack point, which is
   * enough for {@code *} because a later star supersedes an earlier one; linear in practice and
   * never exponential, so a hostile policy cannot stall the gateway.
   */
  public static boolean glob(String pattern, String value) {
    return glob(pattern, 0, pattern.length(), value, 0, value.length());
  }

  /** {@link #glob(String, String)} of {@code pattern[patternFrom, patternTo)} and {@code value[valueFrom, valueTo)}. */
  private static boolean glob(String pattern, int patternFrom, int patternTo, String value, int valueFrom, int valueTo) {
    int p = patternFrom;
    int v = valueFrom;
    int starAt = -1;
    int resumeAt = 0;
    while (v < valueTo) {
      if (p < patternTo && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
        p++;
        v++;
      } else if (p < patternTo && pattern.charAt(p) == '*') {
        starAt = p++;
        resumeAt = v;
      } else if (starAt >= 0) {
        p = starAt + 1;
        v = ++resumeAt;
      } else {
        return false;
      }
    }
    while (p < patternTo && pattern.charAt(p) == '*') {
      p++;
    }
    return p == patternTo;
  }
}
