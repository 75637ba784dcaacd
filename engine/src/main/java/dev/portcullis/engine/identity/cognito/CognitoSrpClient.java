package dev.portcullis.engine.identity.cognito;

import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The client side of Cognito's USER_SRP_AUTH (spec §9.4). {@link #begin()} picks the private a and
 * yields SRP_A for InitiateAuth; {@link SrpLogin#respond} answers the PASSWORD_VERIFIER challenge.
 *
 * <p>Randomness and time are injected so that a login can be replayed in a test; in production pass
 * a {@link java.security.SecureRandom} and {@link Clock#systemUTC()}.
 */
public interface CognitoSrpClient {

  /**
   * @param random the source of the private ephemeral a (128 bytes per login); must be a
   *     cryptographically strong generator outside tests
   * @param clock the source of TIMESTAMP
   */
  static CognitoSrpClient create(RandomGenerator random, Clock clock) {
    return new DefaultCognitoSrpClient(
        Objects.requireNonNull(random, "random"), Objects.requireNonNull(clock, "clock"));
  }

  /** Step 1: picks a fresh private a and computes A = g^a mod N. One login per call. */
  SrpLogin begin();
}
