package dev.portcullis.engine.rules.iam;

import static dev.portcullis.engine.rules.iam.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.engine.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditions and principals inside a resource policy, judged for an unsigned or same-account caller
 * (apigw-facts §5, Table A). Operator semantics follow the IAM user guide; apigw-facts lists none.
 */
class ConditionAndPrincipalTest {

  private static PolicyDocument allowWhen(String operator, String key, String values) {
    return Policies.parse("""
        {"Statement": [{"Sid": "Conditional", "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
          "Resource": "*", "Condition": {"%s": {"%s": %s}}}]}""".formatted(operator, key, values));
  }

  @ParameterizedTest(name = "{0} {1} {2} with request value [{3}] -> allowed {4}")
  @CsvSource(delimiter = '|', textBlock = """
      IpAddress                  | aws:SourceIp   | ["10.0.0.0/8"]                    | 10.20.30.40          | true
      IpAddress                  | aws:SourceIp   | ["10.0.0.0/8"]                    | 11.0.0.1             | false
      IpAddress                  | aws:SourceIp   | "203.0.113.5"                     | 203.0.113.5          | true
      IpAddress                  | aws:SourceIp   | ["2001:db8:1234::/48"]            | 2001:db8:1234:ff::1  | true
      IpAddress                  | aws:SourceIp   | ["2001:db8:1234::/48"]            | 2001:db8:1235::1     | false
      IpAddress                  | aws:SourceIp   | ["10.0.0.0/8"]                    | 2001:db8::1          | false
      IpAddress                  | aws:SourceIp   | ["not-an-ip/8"]                   | 10.0.0.1             | false
      NotIpAddress               | aws:SourceIp   | ["10.0.0.0/8"]                    | 11.0.0.1             | true
      NotIpAddress               | aws:SourceIp   | ["10.0.0.0/8"]                    | 10.0.0.1             | false
      StringEquals               | aws:SourceVpce | ["vpce-1a2b"]                     | vpce-1a2b            | true
      StringEquals               | aws:SourceVpce | ["vpce-1a2b"]                     | VPCE-1A2B            | false
      StringEquals               | aws:sourcevpce | ["vpce-1a2b"]                     | vpce-1a2b            | true
      StringEquals               | aws:SourceVpce | ["vpce-1a2b"]                     |                      | false
      StringEqualsIfExists       | aws:SourceVpce | ["vpce-1a2b"]                     |                      | true
      StringEqualsIfExists       | aws:SourceVpce | ["vpce-1a2b"]                     | vpce-9               | false
      StringNotEquals            | aws:SourceVpce | ["vpce-1a2b", "vpce-3c4d"]        | vpce-3c4d            | false
      StringNotEquals            | aws:SourceVpce | ["vpce-1a2b", "vpce-3c4d"]        | vpce-5e6f            | true
      StringLike                 | aws:SourceVpce | ["vpce-1*"]                       | vpce-1a2b            | true
      StringNotLike              | aws:SourceVpce | ["vpce-1*"]                       | vpce-1a2b            | false
      ArnLike                    | aws:PrincipalArn | ["arn:aws:iam::*:role/refresh-*"] | arn:aws:iam::111122223333:role/refresh-job | true
      ArnEquals                  | aws:PrincipalArn | ["arn:aws:iam::111122223333:role/other"] | arn:aws:iam::111122223333:role/refresh-job | false
      Bool                       | aws:SecureTransport | ["true"]                     | TRUE                 | true
      Bool                       | aws:SecureTransport | ["true"]                     | false                | false
      ForAnyValue:StringEquals   | aws:SourceVpce | ["vpce-1a2b"]                     |                      | false
      ForAllValues:StringEquals  | aws:SourceVpce | ["vpce-1a2b"]                     |                      | true
      Null                       | aws:SourceVpce | ["true"]                          |                      | true
      Null                       | aws:SourceVpce | ["true"]                          | vpce-1a2b            | false
      """)
  void conditionOperatorsFollowIamSemantics(String operator, String key, String values, String request, boolean allowed) {
    ConditionContext context = request == null ? ConditionContext.empty() : ConditionContext.empty().with(key, request);
    PolicyDecision decision = evaluate(CallerIdentity.anonymous(), List.of(), allowWhen(operator, key, values), GET_PETS, context);
    assertThat(decision instanceof PolicyDecision.Allow).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "clock {0}: {1} {2} -> allowed {3}")
  @CsvSource({
      "DateLessThan, 2025-03-15T00:00:00Z, true",
      "DateLessThan, 2025-03-14T12:00:00Z, false",
      "DateGreaterThan, 2025-03-14T11:59:59Z, true",
      "DateGreaterThan, 1741953600, false",
      "DateGreaterThanEquals, 1741953600, true"})
  void currentTimeComesFromTheInjectedClock(String operator, String bound, boolean allowed) {
    // Fixtures.NOW is 2025-03-14T12:00:00Z, epoch 1741953600.
    PolicyDecision decision = evaluate(CallerIdentity.anonymous(), List.of(),
        allowWhen(operator, "aws:CurrentTime", "\"" + bound + "\""), GET_PETS, ConditionContext.empty());
    assertThat(decision instanceof PolicyDecision.Allow).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "Principal {0} names the refresh-job session -> {1}")
  @CsvSource({
      "arn:aws:iam::111122223333:role/refresh-job, true",
      "arn:aws:iam::111122223333:role/jobs/refresh-job, true",
      "arn:aws:sts::111122223333:assumed-role/refresh-job/nightly, true",
      "arn:aws:sts::111122223333:assumed-role/refresh-job/adhoc, false",
      "arn:aws:iam::111122223333:role/refresh-job-v2, false",
      "arn:aws:iam::444455556666:role/refresh-job, false",
      "111122223333, true",
      "arn:aws:iam::111122223333:root, true",
      "arn:aws:iam::111122223333:user/refresh-job, false"})
  void assumedRoleSessionMatchesItsRoleArn(String principal, boolean matches) {
    PolicyDocument policy = resource("Grant", PolicyDocument.Effect.Allow,
        PolicyDocument.PolicyPrincipal.aws(principal), POST_REFRESH.render());
    PolicyDecision decision = evaluate(REFRESH_JOB_SESSION, List.of(), policy, POST_REFRESH);
    assertThat(decision instanceof PolicyDecision.Allow).isEqualTo(matches);
  }

  @Test
  void principalArnKeyIsTheRoleForASessionAndPrincipalAccountIsTheCallers() {
    PolicyDocument policy = Policies.parse("""
        {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*",
          "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/refresh-job"},
                        "StringEquals": {"aws:PrincipalAccount": "111122223333"}}}]}""");
    assertThat(evaluate(REFRESH_JOB_SESSION, List.of(), policy, POST_REFRESH)).isInstanceOf(PolicyDecision.Allow.class);
    assertThat(evaluate(ALICE, List.of(), policy, POST_REFRESH)).isInstanceOf(PolicyDecision.ImplicitDeny.class);
  }

  @Test
  void anUnknownOperatorIsAConfigurationFaultNamingTheStatement() {
    PolicyDocument policy = allowWhen("StringSortOf", "aws:SourceVpce", "[\"x\"]");
    assertThatThrownBy(() -> evaluate(ALICE, List.of(), policy, GET_PETS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("statement 'Conditional' (#0) in the resource policy")
        .hasMessageContaining("StringSortOf");
  }

  @Test
  void serviceAndFederatedPrincipalsNeverNameASigV4Caller() {
    PolicyDocument policy = Policies.parse("""
        {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
          "Action": "execute-api:Invoke", "Resource": "*"}]}""");
    assertThat(evaluate(ALICE, List.of(), policy, GET_PETS)).isInstanceOf(PolicyDecision.ImplicitDeny.class);
  }
}
