package dev.portcullis.app.cli;

import dev.portcullis.engine.identity.AwsProfiles;
import dev.portcullis.engine.identity.ChallengeHandler;
import java.util.Optional;
import java.util.function.Function;

/**
 * Questions a run asks a person on the CLI (the MFA code of an AWS role, a Cognito MFA code or new
 * password), on the terminal. Without a terminal (a pipe, CI) nothing is asked and the run says
 * what it needed, as with a cancelled dialog in the workbench.
 */
final class TerminalQuestions implements ChallengeHandler {
  private final Function<String, Optional<String>> readLine;

  TerminalQuestions(Function<String, Optional<String>> readLine) {
    this.readLine = readLine;
  }

  /** The process's terminal, or none. */
  static TerminalQuestions system() {
    java.io.Console console = System.console();
    return new TerminalQuestions(prompt -> {
      if (console == null) {
        return Optional.empty();
      }
      // a code is typed once and used at once: read without echo, as for a password
      char[] typed = console.readPassword("%s", prompt);
      return typed == null ? Optional.empty() : Optional.of(new String(typed));
    });
  }

  @Override
  public Optional<String> answer(Challenge challenge) {
    String prompt = switch (challenge.type()) {
      case AwsProfiles.MFA_CHALLENGE -> "MFA code of " + challenge.username() + " (to assume " + challenge.hint() + "): ";
      case "SOFTWARE_TOKEN_MFA" -> "Authenticator code for " + challenge.username() + ": ";
      case "SMS_MFA" -> "SMS code sent to " + challenge.username() + (challenge.hint() == null ? "" : " (" + challenge.hint() + ")") + ": ";
      case "NEW_PASSWORD_REQUIRED" -> "New password for " + challenge.username() + ": ";
      default -> challenge.type() + " for " + challenge.username() + ": ";
    };
    return readLine.apply(prompt).map(String::strip).filter(s -> !s.isEmpty());
  }
}
