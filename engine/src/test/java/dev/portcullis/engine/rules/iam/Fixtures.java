package dev.portcullis.engine.rules.iam;

import dev.portcullis.engine.model.PolicyDocument;
import dev.portcullis.engine.model.PolicyDocument.Effect;
import dev.portcullis.engine.model.PolicyDocument.PolicyPrincipal;
import dev.portcullis.engine.model.PolicyDocument.PolicyStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Accounts, callers and one-statement policies shared by the IAM tests. */
final class Fixtures {
  static final String API_ACCOUNT = "111122223333";
  static final String OTHER_ACCOUNT = "444455556666";
  static final Instant NOW = Instant.parse("2025-03-14T12:00:00Z");
  static final PolicyEvaluator EVALUATOR = PolicyEvaluator.create(Clock.fixed(NOW, ZoneOffset.UTC));

  static final CallerIdentity REFRESH_JOB_SESSION =
      CallerIdentity.of("arn:aws:sts::" + API_ACCOUNT + ":assumed-role/refresh-job/nightly");
  static final String REFRESH_JOB_ROLE = "arn:aws:iam::" + API_ACCOUNT + ":role/refresh-job";
  static final CallerIdentity ALICE = CallerIdentity.of("arn:aws:iam::" + API_ACCOUNT + ":user/alice");
  static final CallerIdentity BOB_ELSEWHERE = CallerIdentity.of("arn:aws:iam::" + OTHER_ACCOUNT + ":user/bob");

  static final MethodArn POST_REFRESH = MethodArn.of("eu-west-1", API_ACCOUNT, "a1b2c3", "prod", "POST", "/internal/refresh");
  static final MethodArn GET_PETS = MethodArn.of("eu-west-1", API_ACCOUNT, "a1b2c3", "prod", "GET", "/pets");

  private Fixtures() {}

  /** An identity policy with one statement on {@code resource}. */
  static NamedPolicy identity(String name, Effect effect, String resource) {
    return new NamedPolicy(name, PolicyDocument.of(
        new PolicyStatement(name, effect, null, List.of("execute-api:Invoke"), null, List.of(resource), null, null)));
  }

  /** A resource policy with one statement for {@code principal} on {@code resource}. */
  static PolicyDocument resource(String sid, Effect effect, PolicyPrincipal principal, String resource) {
    return PolicyDocument.of(
        new PolicyStatement(sid, effect, principal, List.of("execute-api:Invoke"), null, List.of(resource), null, null));
  }

  static PolicyDecision evaluate(
      CallerIdentity caller, List<NamedPolicy> identity, PolicyDocument resource, MethodArn arn, ConditionContext ctx) {
    return EVALUATOR.evaluate(PolicyQuery.invoke(caller, identity, resource, arn, ctx));
  }

  static PolicyDecision evaluate(CallerIdentity caller, List<NamedPolicy> identity, PolicyDocument resource, MethodArn arn) {
    return evaluate(caller, identity, resource, arn, ConditionContext.empty());
  }
}
