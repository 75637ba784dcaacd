package dev.portcullis.engine.rules.iam;

import static dev.portcullis.engine.rules.iam.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A resource policy written with API Gateway's shorthand, {@code execute-api:/...}, which API Gateway
 * expands to this API's ARN with "the current Region, your AWS account ID, and the ID of the REST API"
 * (AWS developer guide, apigateway-resource-policies-examples.html and openapi-extensions-policy.html;
 * the ARN format is apigw-facts §5). The combination rules are §5's.
 */
class ApiShorthandTest {
  /** The x-amazon-apigateway-policy example of openapi-extensions-policy.html, as written there. */
  private static final PolicyDocument ALLOW_ALL_BUT_A_RANGE = Policies.parse("""
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": ["execute-api:/*"]},
          {"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": ["execute-api:/*"],
           "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}}
        ]
      }""");

  /** One method by stage, verb and path, the examples page's execute-api:/stage-name/GET/pets. */
  private static final PolicyDocument ONLY_GET_PETS_IN_PROD = Policies.parse("""
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Sid": "PetsOnly", "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
           "Resource": "execute-api:/prod/GET/pets"},
          {"Sid": "NoDeletes", "Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke",
           "NotResource": ["execute-api:/*/GET/*", "execute-api:/*/POST/*"]}
        ]
      }""");

  private static PolicyDecision unsigned(PolicyDocument policy, MethodArn arn, String sourceIp) {
    return evaluate(CallerIdentity.anonymous(), List.of(), policy, arn,
        ConditionContext.empty().with(ConditionContext.SOURCE_IP, sourceIp));
  }

  @ParameterizedTest(name = "§5 resource policy only, execute-api:/*: source {0} -> {1}")
  @CsvSource({"203.0.113.9, Allow", "192.0.2.7, ExplicitDeny"})
  void theShorthandForTheWholeApiAllowsAndDeniesAsItsFullArnWould(String sourceIp, String expected) {
    assertThat(unsigned(ALLOW_ALL_BUT_A_RANGE, GET_PETS, sourceIp).getClass().getSimpleName()).isEqualTo(expected);
  }

  @Test
  void theEvidenceNamesThePatternAsWrittenAndTheArnItStandsFor() {
    PolicyDecision allowed = unsigned(ALLOW_ALL_BUT_A_RANGE, GET_PETS, "203.0.113.9");
    assertThat(allowed.evidence()).anyMatch(line -> line.contains(
        "resource arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/prod/GET/pets matches execute-api:/* "
            + "(this API: arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/*)"));
  }

  @Test
  void theShorthandTakesTheRegionAccountAndIdOfTheApiCalled() {
    MethodArn elsewhere = MethodArn.of("ap-southeast-2", OTHER_ACCOUNT, "zz9plural", "prod", "GET", "/pets");
    PolicyDecision denied = unsigned(ALLOW_ALL_BUT_A_RANGE, elsewhere, "192.0.2.7");
    assertThat(denied).isInstanceOf(PolicyDecision.ExplicitDeny.class);
    assertThat(denied.evidence()).anyMatch(line -> line.contains("(this API: arn:aws:execute-api:ap-southeast-2:444455556666:zz9plural/*)"));
  }

  @ParameterizedTest(name = "§5 execute-api:/prod/GET/pets and a NotResource deny: {0} {1} in {2} -> {3}")
  @CsvSource({
      "GET,    /pets, prod, Allow",
      "GET,    /pets, test, ImplicitDeny",
      "POST,   /pets, prod, ImplicitDeny",
      "DELETE, /pets, prod, ExplicitDeny"})
  void oneMethodsShorthandAllowsOnlyThatMethodAndNotResourceExpandsToo(String verb, String path, String stage,
      String expected) {
    MethodArn arn = MethodArn.of("eu-west-1", API_ACCOUNT, "a1b2c3", stage, verb, path);
    assertThat(unsigned(ONLY_GET_PETS_IN_PROD, arn, "203.0.113.9").getClass().getSimpleName()).isEqualTo(expected);
  }
}
