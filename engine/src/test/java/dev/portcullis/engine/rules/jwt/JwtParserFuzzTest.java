package dev.portcullis.engine.rules.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.token.TokenInspector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Coverage-guided fuzzing (Jazzer) of what a hostile Authorization header reaches first: the JWS
 * parser of the authorisers and the token inspector of the trace. Neither may throw, whatever the
 * bytes. The suite replays {@code JwtParserFuzzTestInputs/}; {@code bench/fuzz.sh} fuzzes for longer.
 */
class JwtParserFuzzTest {
  private static final TokenInspector INSPECTOR = TokenInspector.create(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"),
      ZoneOffset.UTC));

  @FuzzTest(maxDuration = "30s")
  void parsingAndInspectingNeverThrow(FuzzedDataProvider data) {
    String token = data.consumeRemainingAsString();
    ParsedToken parsed = ParsedToken.parse(token);
    assertThat(parsed.format()).isNotNull();
    if (parsed.signed() != null) {
      parsed.kid();
      parsed.algorithm();
      Signatures.algorithm(parsed);
    }
    TokenInspection inspection = INSPECTOR.inspect(token);
    assertThat(inspection).isNotNull();
  }
}
