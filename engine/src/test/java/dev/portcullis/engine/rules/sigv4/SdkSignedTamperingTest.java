package dev.portcullis.engine.rules.sigv4;

import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.RECEIVED_AT;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.REGION;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.SIGNED_AT;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.VERIFIER;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.longTerm;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.options;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.signedGet;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.signedPost;
import static dev.portcullis.engine.rules.sigv4.SdkSignedVerificationTest.temporary;
import static dev.portcullis.engine.rules.sigv4.SdkSigning.request;
import static dev.portcullis.engine.rules.sigv4.SdkSigning.sign;
import static dev.portcullis.engine.rules.sigv4.SdkSigning.utf8;
import static dev.portcullis.engine.rules.sigv4.SdkSigning.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.rules.sigv4.SigV4Verification.Recomputed;
import dev.portcullis.engine.rules.sigv4.SigV4Verification.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;

/** SDK-signed requests changed one thing at a time, each refused with the spec's message and error type. */
class SdkSignedTamperingTest {

  /** spec §1.2, "SigV4 signature mismatch", with AWS's line breaks. */
  static String mismatchMessage(Recomputed r) {
    return "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
        + "Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String "
        + "for this request should have been\n'" + r.canonicalRequest() + "'\n\nThe String-to-Sign should have been\n'"
        + r.stringToSign() + "'\n";
  }

  static String amzDate(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(instant);
  }

  static Rejected rejected(IncomingRequest request) {
    SigV4Verification result = VERIFIER.verify(request, REGION, "execute-api");
    assertThat(result).isInstanceOf(Rejected.class);
    return (Rejected) result;
  }

  static void assertSignatureMismatch(Rejected rejected, String expectedInCanonical) {
    assertThat(rejected.reason()).isEqualTo(RejectReason.SIGNATURE_MISMATCH);
    assertThat(rejected.status()).isEqualTo(403);
    assertThat(rejected.errorType()).isEqualTo("InvalidSignatureException");
    assertThat(rejected.recomputed()).isPresent();
    assertThat(rejected.message()).isEqualTo(mismatchMessage(rejected.recomputed().get()));
    assertThat(rejected.recomputed().get().canonicalRequest()).contains(expectedInCanonical);
  }

  static IncomingRequest withBody(IncomingRequest r, byte[] body) {
    return new IncomingRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), body, r.sourceIp(), r.receivedAt());
  }

  static IncomingRequest withTarget(IncomingRequest r, String path, String query) {
    return new IncomingRequest(r.method(), path, query, r.headers(), r.body(), r.sourceIp(), r.receivedAt());
  }

  static IncomingRequest receivedAt(IncomingRequest r, Instant at) {
    return new IncomingRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), r.body(), r.sourceIp(), at);
  }

  @Test
  @DisplayName("spec §1.2/§5: a changed body is refused as a signature mismatch showing the new body's hash")
  void refusesChangedBody() {
    byte[] tampered = utf8("{\"amount\":4200}");

    Rejected rejected = rejected(withBody(signedPost(), tampered));

    assertSignatureMismatch(rejected, SigV4Crypto.sha256Hex(tampered));
  }

  @Test
  @DisplayName("spec §1.2/§5: a changed signed header is refused as a signature mismatch")
  void refusesChangedSignedHeader() {
    Rejected rejected = rejected(withHeader(signedPost(), "X-Portcullis-Tenant", "globex"));

    assertSignatureMismatch(rejected, "x-portcullis-tenant:globex\n");
  }

  @Test
  @DisplayName("spec §1.2/§5: a changed path is refused as a signature mismatch")
  void refusesChangedPath() {
    IncomingRequest original = signedGet(longTerm());

    Rejected rejected = rejected(withTarget(original, "/prod/partners/globex", original.rawQuery()));

    assertSignatureMismatch(rejected, "\n/prod/partners/globex\n");
  }

  @Test
  @DisplayName("spec §1.2/§5: an added query parameter is refused as a signature mismatch")
  void refusesChangedQuery() {
    IncomingRequest original = signedGet(longTerm());

    Rejected rejected = rejected(withTarget(original, original.rawPath(), "admin=true"));

    assertSignatureMismatch(rejected, "\nadmin=true\n");
  }

  @Test
  @DisplayName("spec §1.2/§5: received more than 5 minutes after signing is 'Signature expired'")
  void refusesStaleRequest() {
    Instant now = SIGNED_AT.plus(Duration.ofMinutes(5)).plusSeconds(1);

    Rejected rejected = rejected(receivedAt(signedGet(longTerm()), now));

    assertThat(rejected.reason()).isEqualTo(RejectReason.SIGNATURE_EXPIRED);
    assertThat(rejected.errorType()).isEqualTo("InvalidSignatureException");
    assertThat(rejected.message()).isEqualTo("Signature expired: " + amzDate(SIGNED_AT) + " is now earlier than "
        + amzDate(now.minus(Duration.ofMinutes(5))) + " (" + amzDate(now) + " - 5 min.)");
    assertThat(rejected.recomputed()).isEmpty();
  }

  @Test
  @DisplayName("spec §1.2/§5: received more than 5 minutes before the signing time is 'Signature not yet current'")
  void refusesRequestFromTheFuture() {
    Instant now = SIGNED_AT.minus(Duration.ofMinutes(5)).minusSeconds(1);

    Rejected rejected = rejected(receivedAt(signedGet(longTerm()), now));

    assertThat(rejected.reason()).isEqualTo(RejectReason.SIGNATURE_NOT_YET_CURRENT);
    assertThat(rejected.message()).isEqualTo("Signature not yet current: " + amzDate(SIGNED_AT)
        + " is still later than " + amzDate(now.plus(Duration.ofMinutes(5))) + " (" + amzDate(now) + " + 5 min.)");
  }

  @Test
  @DisplayName("spec §5: a credential scoped to another region is refused before any signature is computed")
  void refusesWrongRegion() {
    IncomingRequest request = sign(request(SdkHttpMethod.GET, "/prod/x"), new byte[0], longTerm(),
        options().region("us-east-1"), RECEIVED_AT);

    Rejected rejected = rejected(request);

    assertThat(rejected.reason()).isEqualTo(RejectReason.SCOPE_WRONG_REGION);
    assertThat(rejected.errorType()).isEqualTo("InvalidSignatureException");
    assertThat(rejected.message()).isEqualTo("Credential should be scoped to a valid region, not 'us-east-1'. ");
    assertThat(rejected.recomputed()).isEmpty();
  }

  @Test
  @DisplayName("spec §5: a credential scoped to another service than execute-api is refused")
  void refusesWrongService() {
    IncomingRequest request = sign(request(SdkHttpMethod.GET, "/prod/x"), new byte[0], longTerm(),
        options().service("lambda"), RECEIVED_AT);

    Rejected rejected = rejected(request);

    assertThat(rejected.reason()).isEqualTo(RejectReason.SCOPE_WRONG_SERVICE);
    assertThat(rejected.message()).isEqualTo("Credential should be scoped to correct service: 'execute-api'. ");
  }

  @Test
  @DisplayName("spec §1.2 'IAM keys invalid': an access key the gateway does not know")
  void refusesUnknownKey() {
    SigV4Verifier knowsNobody = SigV4Verifier.create(CredentialLookup.of(Map.of()));

    SigV4Verification result = knowsNobody.verify(signedGet(longTerm()), REGION, "execute-api");

    assertThat(result).isInstanceOfSatisfying(Rejected.class, r -> {
      assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_ACCESS_KEY);
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.errorType()).isEqualTo("AccessDeniedException");
      assertThat(r.message()).isEqualTo("The security token included in the request is invalid.");
    });
  }

  @Test
  @DisplayName("spec §5/§1.2: temporary credentials signed without their session token")
  void refusesMissingSessionToken() {
    IncomingRequest request = withHeader(signedGet(temporary(SdkSignedVerificationTest.TOKEN)),
        "X-Amz-Security-Token", null);

    Rejected rejected = rejected(request);

    assertThat(rejected.reason()).isEqualTo(RejectReason.SESSION_TOKEN_MISSING);
    assertThat(rejected.errorType()).isEqualTo("AccessDeniedException");
    assertThat(rejected.message()).isEqualTo("The security token included in the request is invalid.");
  }

  @Test
  @DisplayName("spec §5/§1.2: temporary credentials signed with another session's token")
  void refusesWrongSessionToken() {
    Rejected rejected = rejected(signedGet(temporary("someone-elses-token")));

    assertThat(rejected.reason()).isEqualTo(RejectReason.SESSION_TOKEN_MISMATCH);
    assertThat(rejected.message()).isEqualTo("The security token included in the request is invalid.");
  }

  @Test
  @DisplayName("spec §5: a long-term key that the gateway knows is refused with a session token attached")
  void refusesTokenOnLongTermKey() {
    Rejected rejected = rejected(withHeader(signedGet(longTerm()), "X-Amz-Security-Token", "stray"));

    assertThat(rejected.reason()).isEqualTo(RejectReason.SESSION_TOKEN_MISMATCH);
  }
}
