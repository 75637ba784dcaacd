package dev.portcullis.engine.rules.sigv4;

import dev.portcullis.engine.http.HeaderList;
import dev.portcullis.engine.http.IncomingRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs requests with the AWS SDK's own signer, the one the product uses, and turns the result
 * into what the local gateway receives: the encoded path and query as the SDK puts them on the
 * wire, and the headers it set, Host included.
 */
final class SdkSigning {

  static final String HOST = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com";

  private SdkSigning() {}

  /** Fluent knobs for one signing; each test changes one. */
  record Options(String region, String service, Instant signedAt, boolean presigned, Duration expires) {
    static Options executeApi(String region, Instant signedAt) {
      return new Options(region, "execute-api", signedAt, false, null);
    }

    Options region(String newRegion) {
      return new Options(newRegion, service, signedAt, presigned, expires);
    }

    Options service(String newService) {
      return new Options(region, newService, signedAt, presigned, expires);
    }

    Options presignedFor(Duration lifetime) {
      return new Options(region, service, signedAt, true, lifetime);
    }
  }

  static SdkHttpRequest.Builder request(SdkHttpMethod method, String encodedPath) {
    return SdkHttpRequest.builder().method(method).protocol("https").host(HOST).encodedPath(encodedPath);
  }

  /** Signs with payload signing on, so the body hash is part of the signature. */
  static IncomingRequest sign(SdkHttpRequest.Builder request, byte[] body, AwsCredentialsIdentity identity,
      Options options, Instant receivedAt) {
    SdkHttpRequest signed = AwsV4HttpSigner.create()
        .sign((SignRequest.Builder<AwsCredentialsIdentity> r) -> configure(r, request.build(), body, identity, options))
        .request();
    return received(signed, body, receivedAt);
  }

  private static void configure(SignRequest.Builder<AwsCredentialsIdentity> r, SdkHttpRequest request, byte[] body,
      AwsCredentialsIdentity identity, Options options) {
    r.identity(identity)
        .request(request)
        .payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, options.service())
        .putProperty(AwsV4HttpSigner.REGION_NAME, options.region())
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(options.signedAt(), ZoneOffset.UTC))
        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true);
    if (options.presigned()) {
      r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
          .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, options.expires());
    }
  }

  static IncomingRequest received(SdkHttpRequest signed, byte[] body, Instant receivedAt) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (signed.firstMatchingHeader("Host").isEmpty()) {
      headers.add(Map.entry("Host", HOST)); // the HTTP client adds it if the signer did not
    }
    signed.forEachHeader((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
    return new IncomingRequest(signed.method().name(), signed.encodedPath(),
        signed.encodedQueryParameters().orElse(null), new HeaderList(headers), body, "203.0.113.7", receivedAt);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The same request with one header's values replaced (or removed when value is null). */
  static IncomingRequest withHeader(IncomingRequest request, String name, String value) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(
        request.headers().entries().stream().filter(e -> !e.getKey().equalsIgnoreCase(name)).toList());
    if (value != null) {
      headers.add(Map.entry(name, value));
    }
    return new IncomingRequest(request.method(), request.rawPath(), request.rawQuery(), new HeaderList(headers),
        request.body(), request.sourceIp(), request.receivedAt());
  }
}
