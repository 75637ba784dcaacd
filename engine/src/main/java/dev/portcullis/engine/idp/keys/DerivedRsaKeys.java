package dev.portcullis.engine.idp.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RSA-2048 signing keys derived from the workspace's {@code signingKeySeed}, so that the local
 * issuers publish the same JWKS and sign with the same keys on every run and every machine.
 *
 * <p>How a key is derived (reproducible by anyone who knows the seed):
 * <ol>
 *   <li>a byte stream: block i = HMAC-SHA256(key = UTF-8(seed), msg = UTF-8(label) ‖ 0x00 ‖ i as
 *       4 bytes big-endian), i = 0, 1, 2, ... concatenated;</li>
 *   <li>each prime: take the next 128 bytes, set the top two bits (so p·q has exactly 2048 bits) and
 *       the lowest bit, and search upwards with {@link BigInteger#nextProbablePrime()}; skip it if
 *       gcd(p − 1, 65537) ≠ 1 or it grew past 1024 bits; q is the next prime different from p;</li>
 *   <li>e = 65537, d = e⁻¹ mod (p − 1)(q − 1), CRT values from p and q;</li>
 *   <li>{@code kid} = the RFC 7638 SHA-256 thumbprint of the public key, so it is stable too.</li>
 * </ol>
 * The JDK's own {@code KeyPairGenerator} is not used because its use of the random stream is an
 * implementation detail that may change between JDK releases.
 *
 * <p>The seed is not a secret worth protecting: these keys only sign local tokens, and anyone with
 * the workspace can mint them anyway. Keys are memoised per (seed, label) because finding primes
 * takes a noticeable fraction of a second.
 */
public final class DerivedRsaKeys {

  private static final BigInteger E = BigInteger.valueOf(65_537);
  private static final int PRIME_BYTES = 128;
  private static final Map<String, RSAKey> CACHE = new ConcurrentHashMap<>();

  private DerivedRsaKeys() {}

  /**
   * The key for one label under one seed.
   *
   * @param label names the key's role, e.g. {@code cognito/us-east-1_Local01/access/0}
   */
  public static RSAKey derive(String seed, String label) {
    return CACHE.computeIfAbsent(seed + '\u0000' + label, k -> generate(seed, label));
  }

  private static RSAKey generate(String seed, String label) {
    ByteStream stream = new ByteStream(seed, label);
    BigInteger p = nextPrime(stream);
    BigInteger q = nextPrime(stream);
    while (q.equals(p)) {
      q = nextPrime(stream);
    }
    return toJwk(p, q);
  }

  private static BigInteger nextPrime(ByteStream stream) {
    while (true) {
      byte[] bytes = stream.next(PRIME_BYTES);
      bytes[0] |= (byte) 0xC0;
      bytes[PRIME_BYTES - 1] |= 1;
      BigInteger candidate = new BigInteger(1, bytes).nextProbablePrime();
      if (candidate.bitLength() == PRIME_BYTES * 8
          && candidate.subtract(BigInteger.ONE).gcd(E).equals(BigInteger.ONE)) {
        return candidate;
      }
    }
  }

  private static RSAKey toJwk(BigInteger p, BigInteger q) {
    BigInteger n = p.multiply(q);
    BigInteger pMinus1 = p.subtract(BigInteger.ONE);
    BigInteger qMinus1 = q.subtract(BigInteger.ONE);
    BigInteger d = E.modInverse(pMinus1.multiply(qMinus1));
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new RSAPublicKeySpec(n, E));
      RSAPrivateKey privateKey = (RSAPrivateKey) factory.generatePrivate(new RSAPrivateCrtKeySpec(
          n, E, d, p, q, d.mod(pMinus1), d.mod(qMinus1), q.modInverse(p)));
      return new RSAKey.Builder(publicKey).privateKey(privateKey)
          .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("RSA key derivation failed although RSA is required of every Java runtime", e);
    }
  }

  /** HMAC-SHA256 in counter mode over (seed, label): the only source of the key's bits. */
  private static final class ByteStream {
    private final Mac mac;
    private final byte[] label;
    private int counter;

    ByteStream(String seed, String label) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is required of every Java runtime but is missing", e);
      }
      this.label = label.getBytes(StandardCharsets.UTF_8);
    }

    byte[] next(int length) {
      ByteBuffer out = ByteBuffer.allocate(length);
      while (out.hasRemaining()) {
        mac.update(label);
        mac.update((byte) 0);
        byte[] block = mac.doFinal(ByteBuffer.allocate(Integer.BYTES).putInt(counter++).array());
        out.put(block, 0, Math.min(block.length, out.remaining()));
      }
      return out.array();
    }
  }
}
