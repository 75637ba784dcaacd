package dev.portcullis.engine.send;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import dev.portcullis.engine.http.OutgoingRequest;
import dev.portcullis.engine.rules.sigv4.CredentialLookup;
import dev.portcullis.engine.rules.sigv4.SigV4Verification;
import dev.portcullis.engine.rules.sigv4.SigV4Verifier;
import dev.portcullis.engine.rules.sigv4.SigningSecret;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs requests for {@code execute-api} with the AWS SDK's own SigV4 signer (payload signing on),
 * then shows its work: the canonical request, string-to-sign and signature are recomputed from the
 * signed request with the local gateway's verifier, since the SDK does not expose them.
 */
public final class SigV4Signing {
  public static final String SERVICE = "execute-api";

  private SigV4Signing() {}

  /** A signed request and what went into its signature. */
  public record Signed(OutgoingRequest request, Instant signedAt, String region, String accessKeyId, boolean sessionToken,
      String canonicalRequest, String stringToSign, String signature, List<String> signedHeaders, String credentialScope) {}

  /**
   * Signs at {@code signingClock}'s time (a skewed clock reproduces the "clock skew" failures).
   *
   * @return the signed request, with the URL the SDK encoded (send that one: it is what was signed)
   */
  public static Signed sign(OutgoingRequest request, AwsCredentialsIdentity credentials, String region, Clock signingClock) {
    SdkHttpRequest.Builder sdk = SdkHttpRequest.builder().uri(request.url()).method(SdkHttpMethod.fromValue(request.method()));
    for (Map.Entry<String, String> h : request.headers().entries()) {
      sdk.appendHeader(h.getKey(), h.getValue());
    }
    SdkHttpRequest signed = AwsV4HttpSigner.create()
        .sign((SignRequest.Builder<AwsCredentialsIdentity> r) -> r.identity(credentials)
            .request(sdk.build())
            .payload(ContentStreamProvider.fromByteArray(request.body()))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
            .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, signingClock)
            .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true))
        .request();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    signed.forEachHeader((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
    OutgoingRequest out = new OutgoingRequest(request.method(), signed.getUri(), new HeaderList(headers), request.body());
    return inspect(out, credentials, region, SERVICE, signingClock.instant());
  }

  /**
   * The inspector: recomputes a signed request's canonical request, string-to-sign and signature
   * from the request itself, as a server would, for any signer's output.
   */
  public static Signed inspect(OutgoingRequest out, AwsCredentialsIdentity credentials, String region, String service,
      Instant signedAt) {
    String token = credentials instanceof AwsSessionCredentialsIdentity s ? s.sessionToken() : null;
    SigningSecret secret = new SigningSecret(credentials.secretAccessKey(), token, "caller");
    CredentialLookup lookup = id -> id.equals(credentials.accessKeyId()) ? Optional.of(secret) : Optional.empty();
    IncomingRequest asReceived = out.asReceived(signedAt);
    SigV4Verification v = SigV4Verifier.create(lookup).verify(asReceived, region, service);
    return switch (v) {
      case SigV4Verification.Verified ok -> new Signed(out, signedAt, region, credentials.accessKeyId(), token != null,
          ok.canonicalRequest(), ok.stringToSign(), ok.signature(), ok.signedHeaders(), ok.scope().toString());
      case SigV4Verification.Rejected no -> new Signed(out, signedAt, region, credentials.accessKeyId(), token != null,
          no.recomputed().map(r -> r.canonicalRequest()).orElse("(not recomputed: " + no.message() + ")"),
          no.recomputed().map(r -> r.stringToSign()).orElse(""), "", List.of(), "");
    };
  }
}
