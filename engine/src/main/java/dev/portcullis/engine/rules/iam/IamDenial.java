package dev.portcullis.engine.rules.iam;

/**
 * What API Gateway answers when IAM or a resource policy refuses a call (apigw-facts §1.2, rows
 * "IAM auth, or a resource policy, explicitly denies" and "IAM auth with no allow"): 403,
 * {@code x-amzn-ErrorType: AccessDeniedException}, gateway response type ACCESS_DENIED.
 *
 * <p>Only the message is given, not a body: the body comes from the ACCESS_DENIED gateway
 * response template, which an API may customise, so the gateway-response layer renders it.
 */
public record IamDenial(int status, String errorType, String gatewayResponseType, String message) {
  public static final int STATUS = 403;
  public static final String ERROR_TYPE = "AccessDeniedException";
  public static final String GATEWAY_RESPONSE_TYPE = "ACCESS_DENIED";

  public IamDenial {
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("an IAM denial needs its message");
    }
  }

  /**
   * The denial for a refused query. The explicit variant appends {@code with an explicit deny}.
   * The spec's implicit-deny example shows {@code User: anonymous}; for a signed caller the
   * caller's ARN is used, as in the explicit variant.
   */
  public static IamDenial of(PolicyDecision.Denied decision, PolicyQuery query) {
    String base = "User: " + query.caller().displayName() + " is not authorized to perform: " + query.action()
        + " on resource: " + query.methodArn().render();
    String message = switch (decision) {
      case PolicyDecision.ExplicitDeny explicit -> base + " with an explicit deny";
      case PolicyDecision.ImplicitDeny implicit -> base;
    };
    return new IamDenial(STATUS, ERROR_TYPE, GATEWAY_RESPONSE_TYPE, message);
  }
}
