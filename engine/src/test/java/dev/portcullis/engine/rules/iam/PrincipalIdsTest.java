package dev.portcullis.engine.rules.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * apigw-facts §5: {@code identity.caller}/{@code user} and {@code iam.userId} are principal ids, not
 * names; IAM's unique ids are 21 characters, the first four naming the kind (IAM User Guide, "IAM
 * identifiers").
 */
class PrincipalIdsTest {

  @Test
  @DisplayName("an IAM user's id is AIDA and 17 characters, the same every time")
  void userIdsStartWithAida() {
    String id = PrincipalIds.of("arn:aws:iam::111122223333:user/alice");
    assertThat(id).matches("AIDA[A-Z2-7]{17}").isEqualTo(PrincipalIds.of("arn:aws:iam::111122223333:user/alice"));
    assertThat(id).isNotEqualTo(PrincipalIds.of("arn:aws:iam::111122223333:user/bob"));
  }

  @Test
  @DisplayName("an assumed-role session's id is the role's AROA id and the session name")
  void sessionIdsAreTheRoleIdAndTheSessionName() {
    String first = PrincipalIds.of("arn:aws:sts::111122223333:assumed-role/refresh-job/run-1");
    String second = PrincipalIds.of("arn:aws:sts::111122223333:assumed-role/refresh-job/run-2");
    assertThat(first).matches("AROA[A-Z2-7]{17}:run-1");
    assertThat(second.substring(0, 21)).as("one role, one role id").isEqualTo(first.substring(0, 21));
    assertThat(PrincipalIds.of("arn:aws:sts::111122223333:assumed-role/reporting/run-1")).doesNotStartWith(first.substring(0, 21));
  }

  @Test
  @DisplayName("the root user's id is the account id")
  void rootIsTheAccount() {
    assertThat(PrincipalIds.of("arn:aws:iam::111122223333:root")).isEqualTo("111122223333");
  }
}
