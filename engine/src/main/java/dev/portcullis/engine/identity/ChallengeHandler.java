package dev.portcullis.engine.identity;

import java.util.Optional;

/**
 * Answers a login challenge: the workbench shows a dialog, the CLI prompts, tests script it.
 * Empty means the person cancelled.
 */
@FunctionalInterface
public interface ChallengeHandler {

  /** What is asked: SOFTWARE_TOKEN_MFA and SMS_MFA want a code, NEW_PASSWORD_REQUIRED a new password. */
  record Challenge(String type, String username, String hint) {}

  Optional<String> answer(Challenge challenge);

  static ChallengeHandler none() {
    return c -> Optional.empty();
  }
}
