package dev.portcullis.engine.rules.iam;

import static dev.portcullis.engine.rules.iam.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.PolicyDocument.Effect;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo: only role {@code refresh-job} may call POST /internal/refresh; the resource policy
 * denies everyone else, written once with NotPrincipal and once with a Condition on
 * aws:PrincipalArn. Same account, so apigw-facts §5 Table A applies.
 */
class RefreshJobDemoTest {
  private static final String ALLOW_JOB = """
      {"Sid": "AllowRefreshJob", "Effect": "Allow",
       "Principal": {"AWS": "arn:aws:iam::111122223333:role/refresh-job"},
       "Action": "execute-api:Invoke",
       "Resource": "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/*/POST/internal/refresh"}""";

  /** NotPrincipal names the session, the role and the account, as the IAM user guide advises. */
  static final PolicyDocument WITH_NOT_PRINCIPAL = Policies.parse("""
      {"Version": "2012-10-17", "Statement": [ %s,
        {"Sid": "DenyOthers", "Effect": "Deny",
         "NotPrincipal": {"AWS": ["arn:aws:sts::111122223333:assumed-role/refresh-job/nightly",
                                  "arn:aws:iam::111122223333:role/refresh-job",
                                  "arn:aws:iam::111122223333:root"]},
         "Action": "execute-api:Invoke",
         "Resource": "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/*/POST/internal/*"}]}""".formatted(ALLOW_JOB));

  static final PolicyDocument WITH_CONDITION = Policies.parse("""
      {"Version": "2012-10-17", "Statement": [ %s,
        {"Sid": "DenyOthers", "Effect": "Deny", "Principal": "*",
         "Action": "execute-api:Invoke",
         "Resource": "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/*/POST/internal/*",
         "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/refresh-job"}}}]}"""
      .formatted(ALLOW_JOB));

  /** Alice's own policy would let her call anything; the resource policy must still stop her. */
  private static final List<NamedPolicy> ALICE_POLICIES =
      List.of(identity("AliceInvokesAll", Effect.Allow, "arn:aws:execute-api:*:*:*"));

  static Stream<Arguments> bothWays() {
    return Stream.of(Arguments.of("NotPrincipal", WITH_NOT_PRINCIPAL), Arguments.of("Condition", WITH_CONDITION));
  }

  @ParameterizedTest(name = "§5 Table A, deny by {0}: the job's session is allowed by the role statement")
  @MethodSource("bothWays")
  void refreshJobSessionMayRefresh(String how, PolicyDocument policy) {
    PolicyDecision decision = evaluate(REFRESH_JOB_SESSION, List.of(), policy, POST_REFRESH);
    assertThat(decision).isInstanceOf(PolicyDecision.Allow.class);
    assertThat(decision.decidedBy()).containsExactly(new StatementRef(StatementRef.RESOURCE_POLICY, "AllowRefreshJob", 0));
    assertThat(decision.evidence()).anyMatch(line -> line.startsWith("statement 'DenyOthers' (#1) in the resource policy: Deny does not apply"));
  }

  @ParameterizedTest(name = "§5 Table A, deny by {0}: anyone else is explicitly denied despite their own allow")
  @MethodSource("bothWays")
  void othersAreExplicitlyDenied(String how, PolicyDocument policy) {
    PolicyDecision decision = evaluate(ALICE, ALICE_POLICIES, policy, POST_REFRESH);
    assertThat(decision).isInstanceOf(PolicyDecision.ExplicitDeny.class);
    assertThat(decision.decidedBy()).containsExactly(new StatementRef(StatementRef.RESOURCE_POLICY, "DenyOthers", 1));
    assertThat(decision.evidence()).anyMatch(line -> line.startsWith("statement 'DenyOthers' (#1) in the resource policy: Deny, ")
        && line.contains("resource " + POST_REFRESH.render() + " matches arn:aws:execute-api:eu-west-1:111122223333:a1b2c3/*/POST/internal/*"));
  }

  @ParameterizedTest(name = "§5 Table A, deny by {0}: outside /internal the deny does not reach Alice")
  @MethodSource("bothWays")
  void theDenyIsLimitedToInternalPaths(String how, PolicyDocument policy) {
    assertThat(evaluate(ALICE, ALICE_POLICIES, policy, GET_PETS)).isInstanceOf(PolicyDecision.Allow.class);
  }

  @ParameterizedTest(name = "§5 Table A, deny by {0}: the job is not denied elsewhere under /internal, just not allowed")
  @MethodSource("bothWays")
  void theJobHasNoAllowForOtherInternalPaths(String how, PolicyDocument policy) {
    MethodArn other = MethodArn.of("eu-west-1", API_ACCOUNT, "a1b2c3", "prod", "POST", "/internal/purge");
    assertThat(evaluate(REFRESH_JOB_SESSION, List.of(), policy, other)).isInstanceOf(PolicyDecision.ImplicitDeny.class);
  }

  @org.junit.jupiter.api.Test
  void notPrincipalNamingOnlyTheRoleStillDeniesItsSessionAndSaysWhichIdentityIsMissing() {
    PolicyDocument roleOnly = Policies.parse("""
        {"Statement": [ %s,
          {"Sid": "DenyOthers", "Effect": "Deny",
           "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/refresh-job"},
           "Action": "execute-api:Invoke", "Resource": "*"}]}""".formatted(ALLOW_JOB));
    PolicyDecision decision = evaluate(REFRESH_JOB_SESSION, List.of(), roleOnly, POST_REFRESH);
    assertThat(decision).isInstanceOf(PolicyDecision.ExplicitDeny.class);
    assertThat(decision.evidence()).anyMatch(line -> line.contains("does not list the caller's account arn:aws:iam::111122223333:root"));
  }
}
