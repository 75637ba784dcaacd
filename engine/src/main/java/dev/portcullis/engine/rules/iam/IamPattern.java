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
    String[] p = pattern.split(":", ARN_COMPONENTS);
    String[] a = arn.split(":", ARN_COMPONENTS);
    if (p.length != ARN_COMPONENTS || a.length != ARN_COMPONENTS) {
      return glob(pattern, arn);
    }
    for (int i = 0; i < ARN_COMPONENTS; i++) {
      if (!glob(p[i], a[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Case-sensitive wildcard match of a whole string. Greedy with one backtrack point, which is
   * enough for {@code *} because a later star supersedes an earlier one; linear in practice and
   * never exponential, so a hostile policy cannot stall the gateway.
   */
  public static boolean glob(String pattern, String value) {
    int p = 0;
    int v = 0;
    int starAt = -1;
    int resumeAt = 0;
    while (v < value.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
        p++;
        v++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        starAt = p++;
        resumeAt = v;
      } else if (starAt >= 0) {
        p = starAt + 1;
        v = ++resumeAt;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
