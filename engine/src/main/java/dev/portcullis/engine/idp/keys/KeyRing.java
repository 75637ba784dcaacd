package dev.portcullis.engine.idp.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The signing keys of one local issuer: one current key per purpose (a Cognito pool signs ID and
 * access tokens with different keys, spec §9.7; an OIDC issuer has one), keys retired by a
 * rotation that stay published for a grace period, and per purpose an "unpublished" key that signs
 * but never appears in the JWKS, to reproduce "kid not found".
 *
 * <p>Every key, rotated ones included, is derived from the seed and a label
 * {@code <issuerLabel>/<purpose>/<generation>} (or {@code .../unpublished}), so a rotation made on
 * one run gives the same keys on the next. Thread-safe.
 */
public final class KeyRing {

  private final String seed;
  private final String issuerLabel;
  private final List<String> purposes;
  private int generation;
  private final List<Retired> retired = new ArrayList<>();

  private record Retired(RSAKey key, Instant until) {}

  /**
   * @param issuerLabel names the issuer in key labels, e.g. {@code cognito/us-east-1_Local01}
   * @param purposes the key roles, e.g. {@code id} and {@code access}
   */
  public KeyRing(String seed, String issuerLabel, List<String> purposes) {
    this.seed = Objects.requireNonNull(seed, "seed");
    this.issuerLabel = Objects.requireNonNull(issuerLabel, "issuerLabel");
    this.purposes = List.copyOf(purposes);
    if (this.purposes.isEmpty()) {
      throw new IllegalArgumentException("key ring of " + issuerLabel + " needs at least one purpose");
    }
  }

  /** The key that signs new tokens for a purpose. */
  public synchronized RSAKey current(String purpose) {
    return DerivedRsaKeys.derive(seed, label(purpose) + "/" + generation);
  }

  /**
   * Derives every purpose's current key now. Deriving an RSA key takes long enough that a first
   * JWKS request made while it runs could pass API Gateway's 1.5 s limit (apigw-facts §3), so a
   * world warms its keys before it listens: the first answer is as quick as the hundredth.
   */
  public void warm() {
    warm(List.of(this));
  }

  /**
   * {@link #warm()} for several rings at once, each key on a thread of its own: every key is a
   * prime search of its own, and a world with a pool (two keys) and an issuer (one) would otherwise
   * wait for three searches in a row before it listens.
   */
  public static void warm(Collection<KeyRing> rings) {
    List<Callable<RSAKey>> keys = new ArrayList<>();
    rings.forEach(ring -> ring.purposes.forEach(purpose -> keys.add(() -> ring.derive(purpose))));
    if (keys.size() == 1) {
      rings.forEach(ring -> ring.purposes.forEach(ring::derive));
      return;
    }
    try (ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("portcullis-keys-", 0).daemon(true).factory())) {
      for (Future<RSAKey> key : pool.invokeAll(keys)) {
        key.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deriving the local issuers' signing keys", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** The current key of a purpose, derived outside the ring's lock so that two purposes derive side by side. */
  private RSAKey derive(String purpose) {
    String label;
    synchronized (this) {
      label = label(purpose) + "/" + generation;
    }
    return DerivedRsaKeys.derive(seed, label);
  }

  /** A key that signs like the current one but is never published. */
  public RSAKey unpublished(String purpose) {
    return DerivedRsaKeys.derive(seed, label(purpose) + "/unpublished");
  }

  /**
   * Replaces every purpose's current key with the next generation.
   *
   * @param grace how long the old keys stay in the JWKS; zero drops them at once
   */
  public synchronized void rotate(Instant now, Duration grace) {
    Instant until = now.plus(grace);
    if (grace.isPositive()) {
      purposes.forEach(p -> retired.add(new Retired(current(p), until)));
    }
    generation++;
  }

  /** The public keys a verifier may fetch at {@code now}: current keys, then keys still in grace. */
  public synchronized JWKSet publicJwks(Instant now) {
    return new JWKSet(published(now).stream().map(JWK::toPublicJWK).toList());
  }

  /** A published key by {@code kid}, for verifying tokens this issuer signed itself. */
  public synchronized Optional<RSAKey> published(String kid, Instant now) {
    return published(now).stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
  }

  private List<RSAKey> published(Instant now) {
    Map<String, RSAKey> byKid = new LinkedHashMap<>();
    purposes.forEach(p -> byKid.putIfAbsent(current(p).getKeyID(), current(p)));
    retired.stream().filter(r -> r.until().isAfter(now)).forEach(r -> byKid.putIfAbsent(r.key().getKeyID(), r.key()));
    return List.copyOf(byKid.values());
  }

  private String label(String purpose) {
    if (!purposes.contains(purpose)) {
      throw new IllegalArgumentException("issuer " + issuerLabel + " has no '" + purpose + "' key; it has " + purposes);
    }
    return issuerLabel + "/" + purpose;
  }
}
