package dev.portcullis.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.model.Expectation;
import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void anAllowWhereADenyWasExpectedIsAnUnexpectedAllow() {
    Verdict verdict = Verdict.judge(new Expectation(403, "AccessDeniedException", "lambda.policy", null, null),
        new Verdict.Actual(200, null, null, "{}"));

    assertThat(verdict.sentence()).isEqualTo("Expected 403 AccessDeniedException (lambda.policy); got 200: an unexpected allow.");
    assertThat(verdict.result()).isEqualTo(Verdict.Result.MISMATCHED);
    assertThat(verdict.allowed()).isTrue();
  }

  @Test
  void aMatchingDenyNamesTheCheck() {
    Verdict verdict = Verdict.judge(new Expectation(401, "UnauthorizedException", "cognito.scopes", "Unauthorized", null),
        new Verdict.Actual(401, "UnauthorizedException", "cognito.scopes", "{\"message\":\"Unauthorized\"}"));

    assertThat(verdict.result()).isEqualTo(Verdict.Result.MATCHED);
    assertThat(verdict.sentence()).endsWith(": as expected, denied by cognito.scopes.");
  }

  @Test
  void theRightStatusFromTheWrongCheckIsAMismatch() {
    Verdict verdict = Verdict.judge(new Expectation(401, null, "cognito.scopes", null, null),
        new Verdict.Actual(401, "UnauthorizedException", "cognito.tokenUse", ""));

    assertThat(verdict.result()).isEqualTo(Verdict.Result.MISMATCHED);
    assertThat(verdict.sentence()).contains("decided by cognito.tokenUse, not cognito.scopes");
  }

  @Test
  void realAwsNotSayingWhichCheckDecidedIsNoMismatch() {
    Verdict verdict = Verdict.judge(new Expectation(429, "LimitExceededException", "usagePlan.quota", null, null),
        new Verdict.Actual(429, "LimitExceededException", null, "{\"message\":\"Limit Exceeded\"}"));

    assertThat(verdict.result()).isEqualTo(Verdict.Result.MATCHED);
  }

  @Test
  void aDifferentErrorTypeAndMissingBodyTextAreBothNamed() {
    Verdict verdict = Verdict.judge(new Expectation(429, "ThrottlingException", null, "Slow down", null),
        new Verdict.Actual(429, "TooManyRequestsException", null, "{\"message\":\"Too Many Requests\"}"));

    assertThat(verdict.sentence()).contains("the error type is TooManyRequestsException, not ThrottlingException")
        .contains("the body does not contain \"Slow down\"");
  }

  @Test
  void noExpectationStillSaysWhatHappened() {
    Verdict verdict = Verdict.judge(null, new Verdict.Actual(403, "ForbiddenException", null, ""));

    assertThat(verdict.result()).isEqualTo(Verdict.Result.NO_EXPECTATION);
    assertThat(verdict.sentence()).isEqualTo("Got 403 ForbiddenException (denied); no expectation was set.");
  }
}
