package dev.portcullis.engine.rules.sigv4;

import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.REGION;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.SIGNED_AT;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.VERIFIER;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.longTerm;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.options;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.signedGet;
import static dev.portcullis.engine.rules.sigv4.SdkSigning.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.rules.sigv4.SigV4Verification.Rejected;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;

/** Requests whose signature is missing or malformed, refused before any signature is computed. */
class MalformedSignatureTest {

  static Rejected rejected(IncomingRequest request) {
    SigV4Verification result = VERIFIER.verify(request, REGION, "execute-api");
    assertThat(result).isInstanceOf(Rejected.class);
    Rejected rejected = (Rejected) result;
    assertThat(rejected.status()).isEqualTo(403);
    assertThat(rejected.recomputed()).isEmpty();
    return rejected;
  }

  static String authorization(IncomingRequest request) {
    return request.headers().first("Authorization").orElseThrow();
  }

  @Test
  @DisplayName("spec §1.2: no Authorization header and no presigned query is 'Missing Authentication Token'")
  void refusesUnsignedRequest() {
    Rejected rejected = rejected(withHeader(signedGet(longTerm()), "Authorization", null));

    assertThat(rejected.reason()).isEqualTo(RejectReason.MISSING_AUTHENTICATION_TOKEN);
    assertThat(rejected.errorType()).isEqualTo("MissingAuthenticationTokenException");
    assertThat(rejected.message()).isEqualTo("Missing Authentication Token");
  }

  @Test
  @DisplayName("spec §1.2: a Bearer token in Authorization is an invalid key=value pair, hashed in the message")
  void refusesBearerToken() throws Exception {
    String header = "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln";
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8));

    Rejected rejected = rejected(withHeader(signedGet(longTerm()), "Authorization", header));

    assertThat(rejected.errorType()).isEqualTo("IncompleteSignatureException");
    assertThat(rejected.message()).isEqualTo("Invalid key=value pair (missing equal-sign) in Authorization header "
        + "(hashed with SHA-256 and encoded with Base64): '" + Base64.getEncoder().encodeToString(digest) + "'.");
  }

  @Test
  @DisplayName("spec §1.2: a single-token Authorization without a date lists every missing part")
  void refusesSingleToken() {
    IncomingRequest request = withHeader(withHeader(signedGet(longTerm()), "X-Amz-Date", null), "Authorization", "abc");

    Rejected rejected = rejected(request);

    assertThat(rejected.reason()).isEqualTo(RejectReason.MALFORMED_AUTHORIZATION);
    assertThat(rejected.errorType()).isEqualTo("IncompleteSignatureException");
    assertThat(rejected.message()).isEqualTo("Authorization header requires 'Credential' parameter. "
        + "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' "
        + "parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
        + "Authorization=abc");
  }

  @Test
  @DisplayName("spec §5: without X-Amz-Date or Date the request has no time to judge")
  void refusesMissingDate() {
    IncomingRequest signed = signedGet(longTerm());

    Rejected rejected = rejected(withHeader(signed, "X-Amz-Date", null));

    assertThat(rejected.reason()).isEqualTo(RejectReason.MISSING_DATE);
    assertThat(rejected.message()).isEqualTo("Authorization header requires existence of either a 'X-Amz-Date' or a "
        + "'Date' header. Authorization=" + authorization(signed));
  }

  @Test
  @DisplayName("spec §5: Host must be a signed header")
  void refusesUnsignedHost() {
    IncomingRequest signed = signedGet(longTerm());
    String withoutHost = authorization(signed).replace("SignedHeaders=host;", "SignedHeaders=");

    Rejected rejected = rejected(withHeader(signed, "Authorization", withoutHost));

    assertThat(rejected.reason()).isEqualTo(RejectReason.HOST_NOT_SIGNED);
    assertThat(rejected.message()).isEqualTo("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }

  @Test
  @DisplayName("spec §5: the credential scope date must be the X-Amz-Date day")
  void refusesScopeDateOfAnotherDay() {
    IncomingRequest signed = signedGet(longTerm());
    String otherDay = authorization(signed).replace("/20250314/", "/20250313/");

    Rejected rejected = rejected(withHeader(signed, "Authorization", otherDay));

    assertThat(rejected.reason()).isEqualTo(RejectReason.SCOPE_DATE_MISMATCH);
    assertThat(rejected.message()).isEqualTo("Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
        + "of date from HTTP: '20250313' != '20250314', from '20250314T092653Z'.");
  }

  @Test
  @DisplayName("spec §5: the credential scope ends in aws4_request")
  void refusesWrongTerminator() {
    IncomingRequest signed = signedGet(longTerm());
    String wrong = authorization(signed).replace("/aws4_request,", "/aws4_reqest,");

    Rejected rejected = rejected(withHeader(signed, "Authorization", wrong));

    assertThat(rejected.reason()).isEqualTo(RejectReason.SCOPE_WRONG_TERMINATOR);
    assertThat(rejected.message()).contains("'aws4_request', not 'aws4_reqest'");
  }

  @Test
  @DisplayName("spec §5: a credential without five slash-separated parts is malformed")
  void refusesShortCredential() {
    IncomingRequest signed = signedGet(longTerm());
    String shortened = authorization(signed).replace("/execute-api/aws4_request,", "/execute-api,");

    Rejected rejected = rejected(withHeader(signed, "Authorization", shortened));

    assertThat(rejected.reason()).isEqualTo(RejectReason.MALFORMED_CREDENTIAL);
    assertThat(rejected.message()).contains("exactly 5 slash-delimited elements");
  }

  @Test
  @DisplayName("spec §5, §10 q9: a presigned URL used after X-Amz-Expires is refused (undocumented; emulated)")
  void refusesExpiredPresignedUrl() {
    IncomingRequest request = SdkSigning.sign(SdkSigning.request(SdkHttpMethod.GET, "/prod/x"), new byte[0],
        longTerm(), options().presignedFor(Duration.ofSeconds(60)), SIGNED_AT.plusSeconds(61));

    Rejected rejected = rejected(request);

    assertThat(rejected.reason()).isEqualTo(RejectReason.PRESIGNED_URL_EXPIRED);
    assertThat(rejected.evidence()).contains("undocumented");
  }

  @Test
  @DisplayName("spec §5, §10 q9: a presigned query missing X-Amz-Signature names what is missing")
  void refusesIncompletePresignedQuery() {
    IncomingRequest presigned = SdkSigning.sign(SdkSigning.request(SdkHttpMethod.GET, "/prod/x"), new byte[0],
        longTerm(), options().presignedFor(Duration.ofSeconds(60)), SIGNED_AT);
    String query = presigned.rawQuery().replaceAll("&?X-Amz-Signature=[0-9a-f]+", "");

    Rejected rejected = rejected(SdkSignedTamperingTest.withTarget(presigned, presigned.rawPath(), query));

    assertThat(rejected.reason()).isEqualTo(RejectReason.MALFORMED_PRESIGNED_QUERY);
    assertThat(rejected.message()).isEqualTo(
        "AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the query-string parameters.");
  }
}
