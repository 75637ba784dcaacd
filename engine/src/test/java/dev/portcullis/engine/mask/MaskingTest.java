package dev.portcullis.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {
  @Test
  void keepsFirstAndLastFourOfLongValuesAndHidesShortOnesEntirely() {
    assertThat(Masking.mask("abcdefghijklmnop")).isEqualTo("abcd****mnop");
    assertThat(Masking.mask("short-key")).isEqualTo("********");
    assertThat(Masking.mask("")).isEmpty();
  }

  @Test
  void maskingIsIdempotent() {
    Masking masking = Masking.create().register("s3cr3t-value-for-test");
    String once = masking.scrubText("Authorization: Bearer eyJhbGciOi.eyJzdWIiOiJ4In0.c2lnbmF0dXJl and s3cr3t-value-for-test");

    assertThat(masking.scrubText(once)).isEqualTo(once);
  }

  @Test
  void keepsTheAuthSchemeReadable() {
    assertThat(Masking.maskHeaderValue("Bearer 0123456789abcdef")).isEqualTo("Bearer 0123****cdef");
    assertThat(Masking.maskHeaderValue(
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240501/eu-west-1/execute-api/aws4_request, SignedHeaders=host, Signature=5d672d79c15b13162d9279b0855cfba6"))
        .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIA****MPLE/20240501/eu-west-1/execute-api/aws4_request, SignedHeaders=host, Signature=5d67****fba6");
  }

  @Test
  void masksRegisteredSecretsInsideOtherText() {
    Masking masking = Masking.create().register("partner-secret-value-1");

    assertThat(masking.scrubText("url?key=partner-secret-value-1&x=1")).isEqualTo("url?key=part****ue-1&x=1");
  }

  @Test
  void masksSecretsInHeaderLinesAndKeyValuePairs() {
    Masking masking = Masking.create();

    assertThat(masking.scrubText("x-api-key: abcdefghijklmnopqrstuvwxyz\ncontent-type: text/plain"))
        .isEqualTo("x-api-key: abcd****wxyz\ncontent-type: text/plain");
    assertThat(masking.scrubText("{\"password\": \"hunter2\"}")).isEqualTo("{\"password\": \"********\"}");
  }
}
