package dev.portcullis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.trace.Exchange;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTextTest {
  @Test
  void aJsonBodyIsPrettyAndALongOneIsCutWithItsSizeSaid() {
    assertThat(TraceText.body(new Exchange.ReceivedResponse(200, List.of(), "{\"a\":1}", 7))).isEqualTo("{\n  \"a\": 1\n}");
    String big = "x".repeat(100_000);
    String shown = TraceText.body(new Exchange.ReceivedResponse(200, List.of(), big, 100_000));
    assertThat(shown).startsWith("x".repeat(TraceText.SHOWN_BODY_BYTES) + "\n... (cut: the body is 100000 bytes, the first 65536 shown");
  }
}
