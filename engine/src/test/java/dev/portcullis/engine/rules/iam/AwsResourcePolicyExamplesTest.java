package dev.portcullis.engine.rules.iam;

import static dev.portcullis.engine.rules.iam.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.PolicyDocument.Effect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resource policies copied from the archived API Gateway developer guide, AGW-ARCH
 * {@code doc_source/apigateway-resource-policies-examples.md} (awsdocs/amazon-api-gateway-developer-guide),
 * with the placeholders account-id-1/-2, region and api-id filled in. apigw-facts cites that guide
 * but does not quote these examples; the combination rules applied are its §5 tables.
 */
class AwsResourcePolicyExamplesTest {
  /** "Example: Allow users in another AWS account to use an API". */
  private static final PolicyDocument CROSS_ACCOUNT = Policies.parse("""
      {
         "Version": "2012-10-17",
         "Statement": [
              {
                  "Effect": "Allow",
                  "Principal": {
                      "AWS": [
                          "arn:aws:iam::444455556666:user/Alice",
                          "444455556666"
                      ]
                  },
                  "Action": "execute-api:Invoke",
                  "Resource": [
                      "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/prod/GET/pets"
                  ]
              }
          ]
      }""");

  /** "Example: Deny API traffic based on source IP address or range". */
  private static final PolicyDocument DENY_IP_RANGES = Policies.parse("""
      {
          "Version": "2012-10-17",
          "Statement": [
              {
                  "Effect": "Allow",
                  "Principal": "*",
                  "Action": "execute-api:Invoke",
                  "Resource": [
                      "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/*"
                  ]
              },
              {
                  "Effect": "Deny",
                  "Principal": "*",
                  "Action": "execute-api:Invoke",
                  "Resource": [
                     "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/*"
                  ],
                  "Condition" : {
                      "IpAddress": {
                          "aws:SourceIp": ["192.0.2.0/24", "198.51.100.0/24" ]
                      }
                  }
              }
          ]
      }""");

  /** "Example: Allow private API traffic based on source VPC or VPC endpoint", the endpoint variant. */
  private static final PolicyDocument ONLY_FROM_VPCE = Policies.parse("""
      {
          "Version": "2012-10-17",
          "Statement": [
              {
                  "Effect": "Allow",
                  "Principal": "*",
                  "Action": "execute-api:Invoke",
                  "Resource": [
                      "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/*"
                  ]
              },
              {
                  "Effect": "Deny",
                  "Principal": "*",
                  "Action": "execute-api:Invoke",
                  "Resource": [
                      "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/*"
                  ],
                  "Condition" : {
                      "StringNotEquals": {
                          "aws:SourceVpce": "vpce-1a2b3c4d"
                      }
                  }
              }
          ]
      }""");

  private static final List<NamedPolicy> MAY_INVOKE_PETS =
      List.of(identity("InvokePets", Effect.Allow, "arn:aws:execute-api:*:*:*/prod/GET/pets"));

  @ParameterizedTest(name = "§5 Table B: {0} with identity allow {1} on {2} -> {3}")
  @CsvSource({
      "arn:aws:iam::444455556666:user/Alice, true,  GET /pets,  Allow",
      "arn:aws:iam::444455556666:user/Carol, true,  GET /pets,  Allow",
      "arn:aws:iam::444455556666:user/Alice, false, GET /pets,  ImplicitDeny",
      "arn:aws:iam::777788889999:user/Alice, true,  GET /pets,  ImplicitDeny",
      "arn:aws:iam::444455556666:user/Alice, true,  POST /pets, ImplicitDeny"})
  void crossAccountExampleNeedsTheGrantAndTheCallersOwnAllow(String caller, boolean identityAllow, String route,
      String expected) {
    String[] verbAndPath = route.split(" ");
    MethodArn arn = MethodArn.of("eu-west-1", API_ACCOUNT, "a1b2c3", "prod", verbAndPath[0], verbAndPath[1]);
    PolicyDecision decision =
        evaluate(CallerIdentity.of(caller), identityAllow ? MAY_INVOKE_PETS : List.of(), CROSS_ACCOUNT, arn);
    assertThat(decision.getClass().getSimpleName()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "§5 resource policy only: source {0} -> {1}")
  @CsvSource({
      "192.0.2.7,      ExplicitDeny",
      "198.51.100.255, ExplicitDeny",
      "203.0.113.9,    Allow",
      "192.0.3.1,      Allow",
      "2001:db8::1,    Allow"})
  void ipDenyListExampleBlocksTheListedRanges(String sourceIp, String expected) {
    PolicyDecision decision = evaluate(CallerIdentity.anonymous(), List.of(), DENY_IP_RANGES, GET_PETS,
        ConditionContext.empty().with(ConditionContext.SOURCE_IP, sourceIp));
    assertThat(decision.getClass().getSimpleName()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "§5 resource policy only: aws:SourceVpce {0} -> {1}")
  @CsvSource({"vpce-1a2b3c4d, Allow", "vpce-99999999, ExplicitDeny", "'', ExplicitDeny"})
  void vpceExampleDeniesOtherEndpointsAndRequestsWithoutOne(String vpce, String expected) {
    ConditionContext context = vpce.isEmpty()
        ? ConditionContext.empty()
        : ConditionContext.empty().with(ConditionContext.SOURCE_VPCE, vpce);
    PolicyDecision decision = evaluate(CallerIdentity.anonymous(), List.of(), ONLY_FROM_VPCE, GET_PETS, context);
    assertThat(decision.getClass().getSimpleName()).isEqualTo(expected);
  }
}
