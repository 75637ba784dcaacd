package dev.portcullis.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * An IAM policy document: a principal's identity policy, or an API's resource policy. In the
 * workspace file it is written the way AWS writes it ({@code Version}, {@code Statement}, ...), so
 * a policy can be pasted from the console.
 */
public record PolicyDocument(String version, List<PolicyStatement> statements) {
  public static final String VERSION_2012 = "2012-10-17";

  public PolicyDocument {
    version = version == null ? VERSION_2012 : version;
    statements = statements == null ? List.of() : List.copyOf(statements);
  }

  public static PolicyDocument of(PolicyStatement... statements) {
    return new PolicyDocument(VERSION_2012, List.of(statements));
  }

  /**
   * One statement. Lists hold AWS's string-or-array values; conditions are operator → key → values.
   * {@code notPrincipal} is the resource-policy exception list ("everyone except"); at most one of
   * {@code principal} and {@code notPrincipal} is set.
   */
  public record PolicyStatement(
      String sid,
      Effect effect,
      PolicyPrincipal principal,
      List<String> actions,
      List<String> notActions,
      List<String> resources,
      List<String> notResources,
      java.util.Map<String, java.util.Map<String, List<String>>> conditions,
      PolicyPrincipal notPrincipal) {

    public PolicyStatement {
      Objects.requireNonNull(effect, "a policy statement needs an Effect (Allow or Deny)");
      if (principal != null && notPrincipal != null) {
        throw new IllegalArgumentException(
            "policy statement " + sid + ": Principal and NotPrincipal cannot both be set; keep one");
      }
      actions = actions == null ? List.of() : List.copyOf(actions);
      notActions = notActions == null ? List.of() : List.copyOf(notActions);
      resources = resources == null ? List.of() : List.copyOf(resources);
      notResources = notResources == null ? List.of() : List.copyOf(notResources);
      conditions = conditions == null ? java.util.Map.of() : java.util.Map.copyOf(conditions);
    }

    /** A statement without NotPrincipal: the shape most policies have, and what the store builds. */
    public PolicyStatement(
        String sid,
        Effect effect,
        PolicyPrincipal principal,
        List<String> actions,
        List<String> notActions,
        List<String> resources,
        List<String> notResources,
        java.util.Map<String, java.util.Map<String, List<String>>> conditions) {
      this(sid, effect, principal, actions, notActions, resources, notResources, conditions, null);
    }
  }

  public enum Effect { Allow, Deny }

  /**
   * A statement's {@code Principal}: {@code "*"} (anyone, {@code any}), or principals by kind
   * ({@code AWS}, {@code Service}, {@code Federated}) each with a list of ARNs, account ids or names.
   * Null on identity policies, which have no principal.
   */
  public record PolicyPrincipal(boolean any, java.util.Map<String, List<String>> ids) {
    public PolicyPrincipal {
      ids = ids == null ? java.util.Map.of() : java.util.Map.copyOf(ids);
    }

    public static PolicyPrincipal anyone() {
      return new PolicyPrincipal(true, java.util.Map.of());
    }

    public static PolicyPrincipal aws(String... arns) {
      return new PolicyPrincipal(false, java.util.Map.of("AWS", List.of(arns)));
    }
  }
}
