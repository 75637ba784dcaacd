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
import java.util.Optional;
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
 * takes a noticeable fraction of a second, and where each search ended is kept in the data folder
 * ({@link KeyHints}), so a later run tests two primes instead of searching for them: the same key,
 * without the search.
 */
public final class DerivedRsaKeys {

  private static final BigInteger E = BigInteger.valueOf(65_537);
  private static final int PRIME_BYTES = 128;
  /** What {@link BigInteger#nextProbablePrime()} tests a candidate with. */
  private static final int PRIME_CERTAINTY = 100;
  private static final Map<String, RSAKey> CACHE = new ConcurrentHashMap<>();
  private static final KeyHints HINTS = KeyHints.standard();

  private DerivedRsaKeys() {}

  /**
   * The key for one label under one seed.
   *
   * @param label names the key's role, e.g. {@code cognito/us-east-1_Local01/access/0}
   */
  public static RSAKey derive(String seed, String label) {
    // not computeIfAbsent: that holds a lock on the map's bin while the primes are searched, and keys
    // derived side by side (KeyRing.warm) may share a bin; two threads deriving one label agree anyway
    String id = seed + '\u0000' + label;
    RSAKey known = CACHE.get(id);
    if (known != null) {
      return known;
    }
    RSAKey derived = generate(seed, label, HINTS);
    RSAKey raced = CACHE.putIfAbsent(id, derived);
    return raced != null ? raced : derived;
  }

  /** The key, from the hints' primes when they pass, else searched (and the search's end kept in {@code hints}). */
  static RSAKey generate(String seed, String label, KeyHints hints) {
    Optional<BigInteger[]> hinted = hints.find(seed, label).flatMap(h -> confirm(seed, label, h));
    if (hinted.isPresent()) {
      return toJwk(hinted.get()[0], hinted.get()[1]);
    }
    ByteStream stream = new ByteStream(seed, label);
    Found p = nextPrime(stream);
    Found q = nextPrime(stream);
    while (q.prime().equals(p.prime())) {
      q = nextPrime(stream);
    }
    try {
      hints.put(seed, label, new KeyHints.Hint(p.draw(), p.offset(), q.draw(), q.offset()));
    } catch (IllegalArgumentException e) {
      // a search that ran past what a hint holds (a prime gap of a million): the next run searches too
    }
    return toJwk(p.prime(), q.prime());
  }

  /** A prime of the search, with where it was found: the draw it grew from and how far above it lies. */
  private record Found(BigInteger prime, int draw, int offset) {}

  private static Found nextPrime(ByteStream stream) {
    while (true) {
      int draw = stream.draws();
      BigInteger start = candidate(stream);
      BigInteger prime = start.nextProbablePrime();
      if (acceptable(prime)) {
        BigInteger offset = prime.subtract(start);
        return new Found(prime, draw, offset.bitLength() < Integer.SIZE ? offset.intValue() : -1);
      }
    }
  }

  private static BigInteger candidate(ByteStream stream) {
    byte[] bytes = stream.next(PRIME_BYTES);
    bytes[0] |= (byte) 0xC0;
    bytes[PRIME_BYTES - 1] |= 1;
    return new BigInteger(1, bytes);
  }

  private static boolean acceptable(BigInteger prime) {
    return prime.bitLength() == PRIME_BYTES * 8 && prime.subtract(BigInteger.ONE).gcd(E).equals(BigInteger.ONE);
  }

  /**
   * The primes a hint points at, when both pass the test {@link BigInteger#nextProbablePrime()} ends
   * with (certainty 100) and the checks of a searched prime: one test per prime instead of a search.
   */
  private static Optional<BigInteger[]> confirm(String seed, String label, KeyHints.Hint hint) {
    ByteStream stream = new ByteStream(seed, label);
    stream.skipDraws(hint.pDraw());
    BigInteger p = candidate(stream).add(BigInteger.valueOf(hint.pOffset()));
    stream.skipDraws(hint.qDraw() - hint.pDraw() - 1);
    BigInteger q = candidate(stream).add(BigInteger.valueOf(hint.qOffset()));
    boolean primes = acceptable(p) && acceptable(q) && !p.equals(q)
        && p.isProbablePrime(PRIME_CERTAINTY) && q.isProbablePrime(PRIME_CERTAINTY);
    return primes ? Optional.of(new BigInteger[] {p, q}) : Optional.empty();
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
    private static final int BLOCKS_PER_DRAW = PRIME_BYTES / 32; // HMAC-SHA256 gives 32 bytes a block
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

    /** How many {@link DerivedRsaKeys#PRIME_BYTES} draws were taken so far. */
    int draws() {
      return counter / BLOCKS_PER_DRAW;
    }

    /** Moves past {@code n} draws without computing them. */
    void skipDraws(int n) {
      counter += n * BLOCKS_PER_DRAW;
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
