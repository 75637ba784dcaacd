package dev.portcullis.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutgoingRequestTest {
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

  @ParameterizedTest
  @CsvSource({
      "https://api.example.com/prod/x, api.example.com",
      "https://api.example.com:443/prod/x, api.example.com",
      "http://localhost:80/prod/x, localhost",
      "http://localhost:4566/prod/x, localhost:4566",
      "https://api.example.com:8443/prod/x, api.example.com:8443",
      "http://api.example.com:443/prod/x, api.example.com:443"})
  void theGatewayReceivesTheHostAClientWritesWithoutTheSchemesDefaultPort(String url, String host) {
    IncomingRequest received = new OutgoingRequest("GET", URI.create(url), null, null).asReceived(AT);

    assertThat(received.headers().first("Host")).contains(host);
  }

  @Test
  void anExplicitHostHeaderIsKeptAndThePathAndQueryStayAsOnTheWire() {
    OutgoingRequest out = new OutgoingRequest("POST", URI.create("https://x.example/prod/a%20b?q=1%2B1"),
        HeaderList.of("Host", "other.example"), "{}".getBytes());

    IncomingRequest received = out.asReceived(AT);

    assertThat(received.headers().all("host")).containsExactly("other.example");
    assertThat(received.rawPath()).isEqualTo("/prod/a%20b");
    assertThat(received.rawQuery()).isEqualTo("q=1%2B1");
    assertThat(received.receivedAt()).isEqualTo(AT);
  }
}
