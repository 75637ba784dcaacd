package dev.portcullis.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The JWT evidence's times must read exactly as {@link Instant#toString()} wrote them before (issue 19). */
class InstantTextsTest {
  @Test
  void readsAsInstantToStringForEachPrecision() {
    InstantTexts texts = new InstantTexts();
    for (Instant at : new Instant[] {
        Instant.parse("2026-12-03T00:30:00Z"),
        Instant.parse("2026-12-03T00:30:00.120Z"),        // millis: three digits
        Instant.parse("2026-12-03T00:30:00.000450Z"),     // micros: six, leading zeros kept
        Instant.parse("2026-12-03T00:30:00.000000007Z"),  // nanos: nine
        Instant.ofEpochSecond(-1, 5),                     // before 1970: the second floors, nanos count up
        Instant.parse("+10000-01-01T00:00:00.5Z"),        // past year 9999: ISO's sign
        Instant.EPOCH}) {
      assertThat(texts.format(at)).isEqualTo(at.toString());
    }
  }

  @Test
  void sharingASecondNeverMixesTwoInstants() {
    InstantTexts texts = new InstantTexts();
    SplittableRandom random = new SplittableRandom(19);
    long second = 1_796_000_000L;
    for (int i = 0; i < 10_000; i++) {
      // the same few seconds again and again, in any order, with any fraction: what the kept second must survive
      Instant at = Instant.ofEpochSecond(second + random.nextInt(3), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      assertThat(texts.format(at)).isEqualTo(at.toString());
    }
  }
}
