package dev.portcullis.engine.rules.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Jazzer on the SigV4 Authorization header and query-string parsers: a refusal is a value, never an exception. */
class SigV4ParserFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void headerAndQueryParsersNeverThrow(FuzzedDataProvider data) {
    String date = data.consumeString(40);
    String authorization = data.consumeString(2000);
    String query = data.consumeRemainingAsString();
    HeaderList headers = new HeaderList(List.of(Map.entry("Authorization", authorization), Map.entry("X-Amz-Date", date),
        Map.entry("Host", "api.example")));
    IncomingRequest request = new IncomingRequest("GET", "/prod/x", query, headers, new byte[0], "127.0.0.1",
        Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(HeaderClaimParser.parse(request, authorization)).isNotNull();
    assertThat(QueryClaimParser.parse(request)).isNotNull();
    assertThat(ClaimParse.of(request)).isNotNull();
  }
}
