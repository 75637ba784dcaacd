package dev.portcullis.engine.rules;

import dev.portcullis.engine.model.Gateway;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The ids API Gateway puts on an answer, derived from the pipeline's injected id source so tests
 * stay deterministic. REST answers {@code x-amzn-RequestId} as the source's UUID and
 * {@code x-amz-apigw-id} in the short form (spec §1.2). HTTP APIs answer only {@code apigw-requestid},
 * in the short form too (spec §1.3 shows {@code Mc7UVioPPHcEKPA=}).
 *
 * <p>The short form's shape is observed, not documented: AWS publishes one example value; captured
 * answers (e.g. {@code U9euFi_ySQ0EPsw=}, {@code cGMi_haHjoEEPmw=}) are always 15 characters of the
 * URL-safe Base64 alphabet and one {@code =}, i.e. 11 bytes.
 */
final class RequestIds {
  private static final int SHORT_ID_BYTES = 11;

  private RequestIds() {}

  /** The id an answer of {@code flavor} carries, and that its ruling is kept under. */
  static String forAnswer(Gateway.Flavor flavor, String sourceId) {
    return flavor == Gateway.Flavor.REST ? sourceId : shortForm(sourceId, Base64.getUrlEncoder());
  }

  /** REST's {@code x-amz-apigw-id} (and {@code extendedRequestId}) for a request id. */
  static String apigwId(String requestId) {
    return shortForm(requestId, Base64.getEncoder());
  }

  private static String shortForm(String seed, Base64.Encoder encoder) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return encoder.encodeToString(Arrays.copyOf(digest, SHORT_ID_BYTES));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java SE runtime provides SHA-256", e);
    }
  }
}
