package dev.portcullis.engine.rules.iam;

import dev.portcullis.engine.model.PolicyDocument;
import java.util.List;
import java.util.Objects;

/**
 * One authorisation question: may {@code caller} perform {@code action} on {@code methodArn}?
 *
 * @param identityPolicies the policies attached to the caller (empty for the anonymous caller)
 * @param resourcePolicy the API's resource policy, or null when the API has none
 * @param action normally {@link #INVOKE}
 * @param context condition keys of the request; the evaluator adds the principal and time keys
 *     that are not already present
 */
public record PolicyQuery(
    CallerIdentity caller,
    List<NamedPolicy> identityPolicies,
    PolicyDocument resourcePolicy,
    String action,
    MethodArn methodArn,
    ConditionContext context) {
  public static final String INVOKE = "execute-api:Invoke";

  public PolicyQuery {
    Objects.requireNonNull(caller, "policy query: caller is required (use CallerIdentity.anonymous())");
    identityPolicies = identityPolicies == null ? List.of() : List.copyOf(identityPolicies);
    if (caller.isAnonymous() && !identityPolicies.isEmpty()) {
      throw new IllegalArgumentException("policy query: an anonymous caller cannot have identity policies");
    }
    if (action == null || action.isBlank()) {
      throw new IllegalArgumentException("policy query: action is required, e.g. " + INVOKE);
    }
    Objects.requireNonNull(methodArn, "policy query: method ARN is required");
    context = context == null ? ConditionContext.empty() : context;
  }

  /** The usual question: may the caller invoke this method? */
  public static PolicyQuery invoke(
      CallerIdentity caller, List<NamedPolicy> identityPolicies, PolicyDocument resourcePolicy, MethodArn methodArn,
      ConditionContext context) {
    return new PolicyQuery(caller, identityPolicies, resourcePolicy, INVOKE, methodArn, context);
  }

  /** Same account means either policy may allow; across accounts both must (apigw-facts §5). */
  public boolean sameAccount() {
    return !caller.isAnonymous() && caller.accountId().equals(methodArn.account());
  }
}
