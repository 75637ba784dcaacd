package dev.portcullis.engine.identity.cognito;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SRP-6a as Amazon Cognito implements it (spec §9.4): the group (N, g, k) and the derivations that
 * the client ({@link CognitoSrpClient}) and the local Cognito server share, so that both sides hash
 * exactly the same bytes.
 *
 * <p>Every value that enters a hash goes through {@link #padHex(BigInteger)}: that is where
 * independent implementations disagreed (salt, B, S and u with a leading zero byte or a high bit).
 */
public final class SrpMath {

  /** The 3072-bit MODP prime of RFC 3526 (group 15), which Cognito uses. */
  public static final BigInteger N = new BigInteger(
      "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
          + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
          + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
          + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
          + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
          + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
          + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
          + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
      16);

  /** The generator. */
  public static final BigInteger G = BigInteger.TWO;

  /** The multiplier k = H(padHex(N) ‖ padHex(g)). */
  public static final BigInteger K = hashToInteger(padded(N), padded(G));

  /** Cognito's ephemeral private values are 128 random bytes (amplify {@code generateRandomSmallA}). */
  public static final int EPHEMERAL_BYTES = 128;

  private static final byte[] HKDF_INFO = "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8);
  private static final int HKDF_LENGTH = 16;

  private SrpMath() {}

  /**
   * The hex encoding Cognito hashes: even length, with a {@code 00} prefix when the first nibble is
   * 8 to f, so the value reads as positive in two's complement.
   */
  public static String padHex(BigInteger value) {
    return HexFormat.of().formatHex(padded(value));
  }

  /**
   * The bytes of {@link #padHex(BigInteger)}. For a non-negative value these are exactly {@link
   * BigInteger#toByteArray()}: minimal two's complement adds the sign byte precisely when the high
   * bit is set, and keeps one zero byte for zero.
   */
  static byte[] padded(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("SRP value must be non-negative, got " + value);
    }
    return value.toByteArray();
  }

  /** The multiplier u = H(padHex(A) ‖ padHex(B)); both sides abort when it is zero. */
  public static BigInteger scramble(BigInteger srpA, BigInteger srpB) {
    return hashToInteger(padded(srpA), padded(srpB));
  }

  /**
   * The private key x = H(padHex(salt) ‖ H(poolName ‖ userIdForSrp ‖ ":" ‖ password)). The salt is
   * the SALT hex parsed as a number, so leading zeros of the string do not count.
   */
  public static BigInteger privateKey(String poolName, String userIdForSrp, String password, BigInteger salt) {
    byte[] identity = sha256((poolName + userIdForSrp + ":" + password).getBytes(StandardCharsets.UTF_8));
    return hashToInteger(padded(salt), identity);
  }

  /** The verifier v = g^x mod N that the server stores instead of the password. */
  public static BigInteger verifier(BigInteger privateKey) {
    return G.modPow(privateKey, N);
  }

  /** The 16-byte key both sides derive from the shared secret S ("Caldera Derived Key" HKDF). */
  public static byte[] derivedKey(BigInteger sharedSecret, BigInteger scramble) {
    byte[] prk = hmacSha256(padded(scramble), padded(sharedSecret));
    return Arrays.copyOf(hmacSha256(prk, HKDF_INFO), HKDF_LENGTH);
  }

  /**
   * PASSWORD_CLAIM_SIGNATURE before Base64: HMAC-SHA256 under the derived key over poolName ‖
   * userIdForSrp ‖ secret block bytes ‖ timestamp.
   */
  public static byte[] claimSignature(
      byte[] derivedKey, String poolName, String userIdForSrp, byte[] secretBlock, String timestamp) {
    Mac mac = hmac(derivedKey);
    mac.update(poolName.getBytes(StandardCharsets.UTF_8));
    mac.update(userIdForSrp.getBytes(StandardCharsets.UTF_8));
    mac.update(secretBlock);
    return mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses a hex value as sent on the wire (SRP_A, SRP_B, SALT).
   *
   * @throws IllegalArgumentException naming the parameter when the text is not hex
   */
  public static BigInteger parseHex(String name, String hex) {
    if (hex == null || hex.isEmpty()) {
      throw new IllegalArgumentException(name + " is missing; expected a hex number");
    }
    try {
      BigInteger value = new BigInteger(hex, 16);
      if (value.signum() < 0) {
        throw new IllegalArgumentException(name + " is negative; expected an unsigned hex number");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a hex number: '" + abbreviate(hex) + "'", e);
    }
  }

  /**
   * Decodes a Base64 value as sent on the wire (SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE).
   *
   * @throws IllegalArgumentException naming the parameter when the text is not Base64
   */
  public static byte[] parseBase64(String name, String base64) {
    if (base64 == null) {
      throw new IllegalArgumentException(name + " is missing; expected Base64");
    }
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not Base64: " + e.getMessage(), e);
    }
  }

  /** Reads the bytes as an unsigned number: Java's byte[] constructor would read them signed. */
  static BigInteger unsigned(byte[] bytes) {
    return new BigInteger(1, bytes);
  }

  static BigInteger hashToInteger(byte[] first, byte[] second) {
    MessageDigest digest = sha256Digest();
    digest.update(first);
    return unsigned(digest.digest(second));
  }

  static byte[] sha256(byte[] input) {
    return sha256Digest().digest(input);
  }

  static byte[] hmacSha256(byte[] key, byte[] message) {
    return hmac(key).doFinal(message);
  }

  private static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime but is missing", e);
    }
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime but is missing", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 16 ? text : text.substring(0, 16) + "...";
  }
}
