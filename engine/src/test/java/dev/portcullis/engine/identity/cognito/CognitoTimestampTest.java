package dev.portcullis.engine.identity.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CognitoTimestampTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // spec §9.4's own example: day not padded, hours/minutes/seconds are
      "2024-09-03T07:05:09Z, Tue Sep 3 07:05:09 UTC 2024",
      "2024-01-02T03:04:05Z, Tue Jan 2 03:04:05 UTC 2024",
      "2023-12-31T23:59:59.999Z, Sun Dec 31 23:59:59 UTC 2023",
      "2025-02-28T00:00:00Z, Fri Feb 28 00:00:00 UTC 2025",
  })
  @DisplayName("spec §9.4: TIMESTAMP is 'EEE MMM d HH:mm:ss UTC yyyy' in UTC with unpadded day")
  void formatsLikeDateHelper(String instant, String expected) {
    assertThat(CognitoTimestamp.format(Instant.parse(instant))).isEqualTo(expected);
  }

  @Test
  @DisplayName("spec §9.4: a formatted TIMESTAMP parses back to the same second")
  void parsesWhatItFormats() {
    Instant at = Instant.parse("2024-09-03T07:05:09Z");

    assertThat(CognitoTimestamp.parse("Tue Sep 3 07:05:09 UTC 2024")).isEqualTo(at);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-09-03T07:05:09Z",
      "Tue Sep 3 07:05:09 GMT 2024",
      "Wed Sep 3 07:05:09 UTC 2024",
      "Tue Sep 3 7:05:09 UTC 2024",
      "tue sep 3 07:05:09 UTC 2024",
      "",
  })
  @DisplayName("spec §9.4: TIMESTAMPs not in Cognito's format are refused, naming the format")
  void refusesOtherFormats(String timestamp) {
    assertThatThrownBy(() -> CognitoTimestamp.parse(timestamp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EEE MMM d HH:mm:ss UTC yyyy");
  }
}
