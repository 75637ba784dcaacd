package dev.portcullis.engine.rules;

import dev.portcullis.engine.model.Gateway;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
  private static final MessageDigest SHA_256 = sha256();

  private RequestIds() {}

  /**
   * Random version-4 UUIDs from {@link ThreadLocalRandom}: request ids must be unique, not secret (AWS
   * returns them in every answer), and {@link UUID#randomUUID()}'s {@code SecureRandom} took a lock and
   * a read of the system's entropy per request (issue 19: 4 % of the gateway's time under load).
   */
  static String random() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xf000L) | 0x4000L;
    long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** The id an answer of {@code flavor} carries, and that its ruling is kept under. */
  static String forAnswer(Gateway.Flavor flavor, String sourceId) {
    return flavor == Gateway.Flavor.REST ? sourceId : shortForm(sourceId, Base64.getUrlEncoder());
  }

  /** REST's {@code x-amz-apigw-id} (and {@code extendedRequestId}) for a request id. */
  static String apigwId(String requestId) {
    return shortForm(requestId, Base64.getEncoder());
  }

  private static String shortForm(String seed, Base64.Encoder encoder) {
    byte[] digest = copyOf(SHA_256).digest(seed.getBytes(StandardCharsets.UTF_8));
    return encoder.encodeToString(Arrays.copyOf(digest, SHORT_ID_BYTES));
  }

  // a clone of one instance: getInstance looked the provider up and checked its algorithm constraints each time
  private static MessageDigest copyOf(MessageDigest prototype) {
    try {
      return (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return sha256();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java SE runtime provides SHA-256", e);
    }
  }
}
