package dev.portcullis.engine.rules.iam;

/**
 * Which statement of which policy: what a decision cites.
 *
 * @param policy {@link #RESOURCE_POLICY} or the identity policy's name
 * @param sid the statement's {@code Sid}, or null when it has none
 * @param index the statement's position in the policy's {@code Statement} list, from 0
 */
public record StatementRef(String policy, String sid, int index) {
  public static final String RESOURCE_POLICY = "resource policy";

  public StatementRef {
    if (policy == null || policy.isBlank()) {
      throw new IllegalArgumentException("a statement reference needs its policy");
    }
    if (index < 0) {
      throw new IllegalArgumentException("statement index " + index + " in " + policy + " is negative");
    }
  }

  public boolean inResourcePolicy() {
    return policy.equals(RESOURCE_POLICY);
  }

  /** For example {@code statement 'DenyOthers' (#1) in the resource policy}. */
  @Override
  public String toString() {
    String name = sid == null || sid.isBlank() ? "statement #" + index : "statement '" + sid + "' (#" + index + ")";
    return name + (inResourcePolicy() ? " in the resource policy" : " in identity policy '" + policy + "'");
  }
}
