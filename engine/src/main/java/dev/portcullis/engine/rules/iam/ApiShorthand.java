package dev.portcullis.engine.rules.iam;

/**
 * API Gateway's abbreviated resource syntax in a resource policy: {@code execute-api:/*} is every
 * stage, method and path of the API the policy belongs to, and {@code execute-api:/stage/GET/pets}
 * one method. API Gateway expands it to the full ARN "by using the current Region, your AWS account
 * ID, and the ID of the REST API that the resource policy is associated with" when the policy is
 * saved (AWS developer guide, {@code apigateway-resource-policies-examples.html} and
 * {@code openapi-extensions-policy.html}; ARN format in apigw-facts §5). A workspace may carry the
 * policy as written, so the evaluator expands it against the request's method ARN: the region,
 * account and API id of the API being called. Identity policies have no such shorthand.
 */
final class ApiShorthand {
  private static final String PREFIX = "execute-api:/";

  private ApiShorthand() {}

  /** {@code pattern} as a full ARN pattern of {@code arn}'s API, or unchanged when it is not the shorthand. */
  static String expand(String pattern, MethodArn arn) {
    if (!pattern.startsWith(PREFIX)) {
      return pattern;
    }
    return "arn:" + arn.partition() + ":execute-api:" + arn.region() + ":" + arn.account() + ":" + arn.apiId()
        + pattern.substring(PREFIX.length() - 1);
  }
}
