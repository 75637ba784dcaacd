package dev.portcullis.engine.idp.http;

import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every local identity provider handler shares: the injected clock (token times, session
 * expiry), the injected random source (session ids, refresh tokens, jti, SRP), and the event log.
 *
 * @param log receives one line per notable event (logins, SMS codes, rotations); lines never carry
 *     passwords, secrets or more than 12 characters of a token
 */
public record IdpContext(Clock clock, RandomGenerator random, Consumer<String> log) {

  private static final Logger LOG = LoggerFactory.getLogger("dev.portcullis.engine.idp");

  public IdpContext {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(log, "log");
  }

  /** An opaque random string of {@code bytes} random bytes, Base64url without padding. */
  public String randomToken(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /** A random UUID-shaped string (version 4 bits set), as Cognito's jti values look. */
  public String randomUuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(high, low).toString();
  }

  /** Logs an event line to the injected sink and to SLF4J. */
  public void event(String line) {
    LOG.info(line);
    log.accept(line);
  }
}
