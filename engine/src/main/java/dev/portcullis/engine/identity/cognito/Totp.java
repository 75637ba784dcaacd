package dev.portcullis.engine.identity.cognito;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) with HMAC-SHA1, as Cognito's SOFTWARE_TOKEN_MFA uses
 * them with authenticator apps: Base32 secrets, 30-second steps, 6 digits.
 *
 * <p>The instant is always passed in: callers take it from their injected {@link java.time.Clock}.
 *
 * @param digits length of the code, 6 to 8 (RFC 4226 §5.3)
 * @param step length of one time step, whole seconds
 */
public record Totp(int digits, Duration step) {

  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  public Totp {
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("TOTP digits must be 6 to 8 (RFC 4226), got " + digits);
    }
    Objects.requireNonNull(step, "step");
    if (step.toSeconds() < 1 || step.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException("TOTP step must be a positive whole number of seconds, got " + step);
    }
  }

  /** Cognito's parameters: 6 digits every 30 seconds. */
  public static Totp cognito() {
    return new Totp(6, Duration.ofSeconds(30));
  }

  /** The code for the time step that contains {@code at}. */
  public String code(String base32Secret, Instant at) {
    return code(key(base32Secret), counter(at));
  }

  /**
   * Whether {@code code} is valid at {@code at}, allowing one step either side for clock drift and
   * typing time. The comparison takes the same time wherever the codes differ.
   */
  public boolean verify(String base32Secret, String code, Instant at) {
    Objects.requireNonNull(at, "at");
    if (code == null || code.length() != digits || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    byte[] key = key(base32Secret);
    long counter = counter(at);
    boolean match = false;
    for (long drift = -1; drift <= 1; drift++) {
      // No early exit: which window matched should not show in the timing.
      match |= MessageDigest.isEqual(
          code(key, counter + drift).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
    }
    return match;
  }

  private long counter(Instant at) {
    Objects.requireNonNull(at, "at");
    if (at.getEpochSecond() < 0) {
      throw new IllegalArgumentException("TOTP is undefined before the Unix epoch, got " + at);
    }
    return at.getEpochSecond() / step.toSeconds();
  }

  /** HOTP (RFC 4226 §5.3): dynamic truncation of HMAC-SHA1 over the big-endian counter. */
  private String code(byte[] key, long counter) {
    byte[] hash = hmacSha1(key, ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
    int offset = hash[hash.length - 1] & 0x0f;
    int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
        | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
    String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
    return "0".repeat(digits - code.length()) + code;
  }

  private static byte[] key(String base32Secret) {
    Objects.requireNonNull(base32Secret, "TOTP secret");
    byte[] key = Base32.decode(base32Secret);
    if (key.length == 0) {
      throw new IllegalArgumentException("TOTP secret is empty");
    }
    return key;
  }

  private static byte[] hmacSha1(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is required of every Java runtime but is missing", e);
    }
  }
}
