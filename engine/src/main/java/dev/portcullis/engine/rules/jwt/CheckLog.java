package dev.portcullis.engine.rules.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Collects the checks of one verification and turns the first failure into a refusal. */
final class CheckLog {
  private final String subject;
  private final List<TokenCheck> checks = new ArrayList<>();

  /** @param subject what the refusal message names, e.g. "JWT" */
  CheckLog(String subject) {
    this.subject = subject;
  }

  void record(String id, Outcome outcome) {
    checks.add(new TokenCheck(id, outcome.passed(), outcome.evidence()));
  }

  /** Records the outcome; a failure becomes the refusal, a pass gives null so the caller goes on. */
  TokenVerdict.Refused check(String id, Outcome outcome, String wwwAuthenticate, Map<String, Object> claims) {
    record(id, outcome);
    return outcome.passed() ? null : refusal(id, outcome.evidence(), wwwAuthenticate, claims);
  }

  /** A refusal decided by a check already recorded (or recorded by someone else, as jwks.fetch is). */
  TokenVerdict.Refused refusal(String id, String evidence, String wwwAuthenticate, Map<String, Object> claims) {
    return new TokenVerdict.Refused(id, subject + " refused (" + id + "): " + evidence, wwwAuthenticate, claims, checks);
  }

  /**
   * Runs the steps in order and stops at the first refusal (the steps after it are not run, as AWS
   * stops at the first failed check); with none, the verdict is {@code accepted}.
   */
  TokenVerdict firstRefusal(List<Supplier<TokenVerdict.Refused>> steps, Supplier<TokenVerdict.Accepted> accepted) {
    for (Supplier<TokenVerdict.Refused> step : steps) {
      TokenVerdict.Refused refused = step.get();
      if (refused != null) {
        return refused;
      }
    }
    return accepted.get();
  }

  TokenVerdict.Accepted accept(Map<String, Object> claims, List<String> scopes) {
    return new TokenVerdict.Accepted(claims, scopes, checks);
  }
}
