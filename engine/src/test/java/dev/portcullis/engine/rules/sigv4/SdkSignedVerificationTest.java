package dev.portcullis.engine.rules.sigv4;

import static dev.portcullis.engine.rules.sigv4.SdkSigning.request;
import static dev.portcullis.engine.rules.sigv4.SdkSigning.sign;
import static dev.portcullis.engine.rules.sigv4.SdkSigning.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.rules.sigv4.SdkSigning.Options;
import dev.portcullis.engine.rules.sigv4.SigV4Verification.Verified;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Requests the AWS SDK's own signer signed for execute-api verify (spec §5). */
class SdkSignedVerificationTest {

  static final String REGION = "eu-west-1";
  static final String KEY = "AKIAPORTCULLISTEST01";
  static final String TEMP_KEY = "ASIAPORTCULLISTEST02";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPORTCULLIS";
  static final String TOKEN = "IQoJb3JpZ2luX2VjEPortcullisSessionToken//////////wEaCWV1LXdlc3QtMSJHMEUCIQ==";
  static final Instant SIGNED_AT = Instant.parse("2025-03-14T09:26:53Z");
  static final Instant RECEIVED_AT = SIGNED_AT.plusSeconds(2);

  static final SigV4Verifier VERIFIER = SigV4Verifier.create(CredentialLookup.of(Map.of(
      KEY, new SigningSecret(SECRET, null, "arn:aws:iam::123456789012:user/alice"),
      TEMP_KEY, new SigningSecret(SECRET, TOKEN, "arn:aws:sts::123456789012:assumed-role/partner/bob"))));

  static AwsCredentialsIdentity longTerm() {
    return AwsCredentialsIdentity.create(KEY, SECRET);
  }

  static AwsCredentialsIdentity temporary(String token) {
    return AwsSessionCredentialsIdentity.create(TEMP_KEY, SECRET, token);
  }

  static Options options() {
    return Options.executeApi(REGION, SIGNED_AT);
  }

  static IncomingRequest signedGet(AwsCredentialsIdentity identity) {
    return sign(request(SdkHttpMethod.GET, "/prod/partners/acme"), new byte[0], identity, options(), RECEIVED_AT);
  }

  static IncomingRequest signedPost() {
    return sign(request(SdkHttpMethod.POST, "/prod/partners/acme/transactions")
            .putHeader("Content-Type", "application/json").putHeader("X-Portcullis-Tenant", "acme"),
        utf8("{\"amount\":42}"), longTerm(), options(), RECEIVED_AT);
  }

  static IncomingRequest signedAwkward() {
    return sign(request(SdkHttpMethod.GET, "/prod/partners/a%20b/caf%C3%A9")
            .putRawQueryParameter("filter", "a b&c=d/e+f;g?h#i")
            .putRawQueryParameter("name", "Zoë")
            .putRawQueryParameter("flag", ""),
        new byte[0], longTerm(), options(), RECEIVED_AT);
  }

  @Test
  @DisplayName("spec §5: a GET signed with a long-term key verifies and names the principal")
  void verifiesLongTermKey() {
    SigV4Verification result = VERIFIER.verify(signedGet(longTerm()), REGION, "execute-api");

    assertThat(result).isInstanceOfSatisfying(Verified.class, v -> {
      assertThat(v.principal()).isEqualTo("arn:aws:iam::123456789012:user/alice");
      assertThat(v.scope()).isEqualTo(new CredentialScope("20250314", REGION, "execute-api", "aws4_request"));
      assertThat(v.signedHeaders()).contains("host", "x-amz-date");
      assertThat(v.sessionTokenUsed()).isFalse();
      assertThat(v.location()).isEqualTo(SignatureLocation.AUTHORIZATION_HEADER);
      assertThat(v.notes()).isEmpty();
    });
  }

  @Test
  @DisplayName("spec §5: temporary credentials verify with X-Amz-Security-Token in the canonical string")
  void verifiesSessionCredentials() {
    SigV4Verification result = VERIFIER.verify(signedGet(temporary(TOKEN)), REGION, "execute-api");

    assertThat(result).isInstanceOfSatisfying(Verified.class, v -> {
      assertThat(v.sessionTokenUsed()).isTrue();
      assertThat(v.signedHeaders()).contains("x-amz-security-token");
      assertThat(v.principal()).contains("assumed-role/partner/bob");
    });
  }

  @Test
  @DisplayName("spec §5: a POST with payload signing verifies, the body hash being part of the canonical request")
  void verifiesSignedPayload() {
    IncomingRequest request = signedPost();

    SigV4Verification result = VERIFIER.verify(request, REGION, "execute-api");

    assertThat(result).isInstanceOfSatisfying(Verified.class, v -> assertThat(v.canonicalRequest())
        .endsWith("\n" + SigV4Crypto.sha256Hex(request.body())));
  }

  @Test
  @DisplayName("spec §5: reserved characters in the query and a space and UTF-8 in the path verify; the path is encoded twice")
  void verifiesAwkwardPathAndQuery() {
    SigV4Verification result = VERIFIER.verify(signedAwkward(), REGION, "execute-api");

    // spec §5's own example: a space travels as %20 and is %2520 in the canonical URI.
    assertThat(result).isInstanceOfSatisfying(Verified.class, v -> assertThat(v.canonicalRequest().split("\n")[1])
        .isEqualTo("/prod/partners/a%2520b/caf%25C3%25A9"));
  }

  @Test
  @DisplayName("spec §5, §10 q9: an SDK-presigned URL verifies and says presigning is undocumented for execute-api")
  void verifiesPresignedUrl() {
    IncomingRequest request = sign(request(SdkHttpMethod.GET, "/prod/partners/acme"), new byte[0], temporary(TOKEN),
        options().presignedFor(Duration.ofMinutes(15)), SIGNED_AT.plus(Duration.ofMinutes(14)));

    SigV4Verification result = VERIFIER.verify(request, REGION, "execute-api");

    assertThat(result).isInstanceOfSatisfying(Verified.class, v -> {
      assertThat(v.location()).isEqualTo(SignatureLocation.QUERY_STRING);
      assertThat(v.sessionTokenUsed()).isTrue();
      assertThat(v.notes()).singleElement().asString().contains("undocumented by AWS", "§10 q9");
    });
  }

  @Test
  @DisplayName("spec §5: a request exactly 5 minutes old or 5 minutes ahead is still inside the skew window")
  void acceptsSkewAtTheEdges() {
    IncomingRequest old = sign(request(SdkHttpMethod.GET, "/prod/x"), new byte[0], longTerm(), options(),
        SIGNED_AT.plus(Duration.ofMinutes(5)));
    IncomingRequest early = sign(request(SdkHttpMethod.GET, "/prod/x"), new byte[0], longTerm(), options(),
        SIGNED_AT.minus(Duration.ofMinutes(5)));

    assertThat(VERIFIER.verify(old, REGION, "execute-api")).isInstanceOf(Verified.class);
    assertThat(VERIFIER.verify(early, REGION, "execute-api")).isInstanceOf(Verified.class);
  }
}
