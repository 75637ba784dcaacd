package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.identity.AwsProfiles;
import dev.portcullis.engine.identity.ChallengeHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CLI asks an AWS role's MFA code on the terminal, naming the device and the role; no terminal asks nothing. */
class TerminalQuestionsTest {
  private static final ChallengeHandler.Challenge MFA = new ChallengeHandler.Challenge(AwsProfiles.MFA_CHALLENGE,
      "arn:aws:iam::111122223333:mfa/alice", "arn:aws:iam::111122223333:role/Admin");

  @Test
  void anAwsMfaCodeIsAskedNamingTheDeviceAndTheRole() {
    List<String> prompts = new ArrayList<>();
    TerminalQuestions terminal = new TerminalQuestions(prompt -> {
      prompts.add(prompt);
      return Optional.of(" 123456\n");
    });

    assertThat(terminal.answer(MFA)).contains("123456");
    assertThat(prompts).containsExactly("MFA code of arn:aws:iam::111122223333:mfa/alice (to assume arn:aws:iam::111122223333:role/Admin): ");
  }

  @Test
  void withoutATerminalOrWithNothingTypedThereIsNoAnswer() {
    assertThat(new TerminalQuestions(prompt -> Optional.empty()).answer(MFA)).isEmpty();
    assertThat(new TerminalQuestions(prompt -> Optional.of("  ")).answer(MFA)).isEmpty();
  }
}
