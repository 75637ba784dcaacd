package dev.portcullis.engine.rules.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 and the SigV4 HMAC key chain (IAM-SIGN), on the JDK only. */
final class SigV4Crypto {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final HexFormat HEX = HexFormat.of();
  private static final MessageDigest SHA_256 = sha256();
  /** How many derived signing keys are kept: one per caller, day, region and service in use. */
  private static final int SIGNING_KEYS = 256;
  /**
   * kSigning by secret and scope, each as a Mac ready to sign with it: the key chain is four HMACs
   * per request otherwise, the same for a caller's whole day (the AWS SDKs cache it the same way).
   */
  private static final Map<String, Mac> SIGNING = new ConcurrentHashMap<>();

  private SigV4Crypto() {}

  static String sha256Hex(byte[] data) {
    try {
      // a clone of one instance: getInstance looked the provider up each time
      return HEX.formatHex(((MessageDigest) SHA_256.clone()).digest(data));
    } catch (CloneNotSupportedException e) {
      return HEX.formatHex(sha256().digest(data));
    }
  }

  static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  static String stringToSign(String amzDate, CredentialScope scope, String canonicalRequest) {
    return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
  }

  /** kDate, kRegion, kService, kSigning, then the signature over the string to sign. */
  static String signature(String secretAccessKey, CredentialScope scope, String stringToSign) {
    Mac signing = SIGNING.get(secretAccessKey + "/" + scope);
    if (signing == null) {
      byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), scope.date());
      key = hmac(key, scope.region());
      key = hmac(key, scope.service());
      key = hmac(key, scope.terminator());
      signing = mac(key);
      if (SIGNING.size() >= SIGNING_KEYS) {
        SIGNING.clear();
      }
      SIGNING.put(secretAccessKey + "/" + scope, signing);
    }
    return HEX.formatHex(copyOf(signing).doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
  }

  // an initialised Mac is cloned with its key; the kept one is never used itself, so threads share it safely
  private static Mac copyOf(Mac prototype) {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("this JDK's HmacSHA256 cannot be cloned", e);
    }
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK has no HmacSHA256, which every Java SE runtime must provide", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK has no SHA-256, which every Java SE runtime must provide", e);
    }
  }

  /** Constant-time, so the local gateway does not teach a timing oracle to anyone copying it. */
  static boolean sameSignature(String expected, String provided) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), provided.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] hmac(byte[] key, String data) {
    return mac(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
  }
}
