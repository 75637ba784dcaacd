package dev.portcullis.engine.rules.iam;

import static dev.portcullis.engine.rules.iam.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluator remembers decisions for the same policy objects (issue 19: the SigV4 route asked the
 * same question 30,000 times a second). A remembered answer must be the one evaluation gives: each
 * test asks questions that differ in one thing the decision depends on, interleaved, on one
 * evaluator, and compares every answer with a fresh evaluator's (apigw-facts §5).
 */
class DecisionMemoTest {
  private final MutableClock clock = new MutableClock(NOW);
  private final DefaultPolicyEvaluator memoising = new DefaultPolicyEvaluator(clock);

  private PolicyDecision both(PolicyQuery query) {
    PolicyDecision remembered = memoising.evaluate(query);
    PolicyDecision fresh = new DefaultPolicyEvaluator(clock).evaluate(query);
    assertThat(remembered).as("the memo's answer is evaluation's answer").isEqualTo(fresh);
    return remembered;
  }

  private static PolicyQuery query(CallerIdentity caller, List<NamedPolicy> identity, PolicyDocument resource,
      MethodArn arn, ConditionContext context) {
    return PolicyQuery.invoke(caller, identity, resource, arn, context);
  }

  @Test
  void aConditionKeysValueIsPartOfTheQuestion() {
    PolicyDocument onlyTheOffice = Policies.parse("""
        {"Statement": [{"Sid": "Office", "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
          "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8"]}}}]}""");
    for (int round = 0; round < 3; round++) {
      for (String ip : List.of("10.1.2.3", "192.0.2.1")) {
        PolicyDecision d = both(query(CallerIdentity.anonymous(), List.of(), onlyTheOffice, GET_PETS,
            ConditionContext.empty().with(ConditionContext.SOURCE_IP, ip)));
        assertThat(d instanceof PolicyDecision.Allow).as(ip).isEqualTo(ip.startsWith("10."));
      }
      // the key absent is a question of its own (IfExists and Null tell absent from present)
      assertThat(both(query(CallerIdentity.anonymous(), List.of(), onlyTheOffice, GET_PETS, ConditionContext.empty())))
          .isInstanceOf(PolicyDecision.ImplicitDeny.class);
    }
    assertThat(memoising.memoised()).isEqualTo(3);
  }

  @Test
  void theClockMovesAnAnswerThatDependsOnTime() {
    PolicyDocument untilNoon = Policies.parse("""
        {"Statement": [{"Sid": "Window", "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
          "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2025-03-14T12:00:05Z"}}}]}""");
    PolicyQuery asked = query(CallerIdentity.anonymous(), List.of(), untilNoon, GET_PETS, ConditionContext.empty());
    assertThat(both(asked)).isInstanceOf(PolicyDecision.Allow.class);
    clock.advance(Duration.ofSeconds(10));
    assertThat(both(asked)).isInstanceOf(PolicyDecision.ImplicitDeny.class);
  }

  @Test
  void callersArnsAndActionsAreEachPartOfTheQuestion() {
    List<NamedPolicy> refresh = List.of(identity("RefreshOnly", PolicyDocument.Effect.Allow,
        "arn:aws:execute-api:eu-west-1:" + API_ACCOUNT + ":a1b2c3/prod/POST/internal/refresh"));
    for (int round = 0; round < 2; round++) {
      assertThat(both(query(ALICE, refresh, null, POST_REFRESH, null))).isInstanceOf(PolicyDecision.Allow.class);
      assertThat(both(query(ALICE, refresh, null, GET_PETS, null))).isInstanceOf(PolicyDecision.ImplicitDeny.class);
      // across accounts the same identity policy is not enough (Table B)
      assertThat(both(query(BOB_ELSEWHERE, refresh, null, POST_REFRESH, null)))
          .isInstanceOf(PolicyDecision.ImplicitDeny.class);
      assertThat(both(new PolicyQuery(ALICE, refresh, null, "execute-api:ManageConnections", POST_REFRESH, null)))
          .isInstanceOf(PolicyDecision.ImplicitDeny.class);
    }
    assertThat(memoising.memoised()).isEqualTo(4);
  }

  @Test
  void anEqualPolicyThatIsAnotherObjectIsEvaluatedAgain() {
    String text = """
        {"Statement": [{"Sid": "All", "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}]}""";
    both(query(CallerIdentity.anonymous(), List.of(), Policies.parse(text), GET_PETS, null));
    both(query(CallerIdentity.anonymous(), List.of(), Policies.parse(text), GET_PETS, null));
    assertThat(memoising.memoised()).as("keyed by identity: a gateway's documents are the same objects").isEqualTo(2);
  }

  @Test
  void aPolicyWithVariablesIsNeverRemembered() {
    PolicyDocument ownPath = Policies.parse("""
        {"Statement": [{"Sid": "Own", "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
          "Resource": "arn:aws:execute-api:*:*:*/*/GET/${aws:SourceVpce}"}]}""");
    both(query(CallerIdentity.anonymous(), List.of(), ownPath, GET_PETS, null));
    assertThat(memoising.memoised()).isZero();
  }

  @Test
  void theMemoIsBounded() {
    PolicyDocument any = Policies.parse("""
        {"Statement": [{"Sid": "All", "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}]}""");
    for (int i = 0; i < DecisionMemo.MAX_DECISIONS + 10; i++) {
      memoising.evaluate(query(CallerIdentity.anonymous(), List.of(), any,
          MethodArn.of("eu-west-1", API_ACCOUNT, "a1b2c3", "prod", "GET", "/pets/" + i), null));
    }
    assertThat(memoising.memoised()).isBetween(1, DecisionMemo.MAX_DECISIONS);
  }
}
