package dev.portcullis.engine.rules.iam;

import java.time.Clock;

/**
 * Decides an {@code execute-api} authorisation question the way API Gateway combines IAM identity
 * policies with the API's resource policy (apigw-facts §5): an explicit Deny anywhere wins; within
 * one account an Allow in either policy suffices (Table A); across accounts both must allow
 * (Table B); with no IAM caller only the resource policy counts and it must allow.
 */
public interface PolicyEvaluator {

  /** Evaluates the query. Refusals are values; only a malformed policy throws. */
  PolicyDecision evaluate(PolicyQuery query);

  /**
   * An evaluator that reads {@code aws:CurrentTime} and {@code aws:EpochTime} from {@code clock}
   * unless the query's context sets them.
   */
  static PolicyEvaluator create(Clock clock) {
    return new DefaultPolicyEvaluator(clock);
  }
}
