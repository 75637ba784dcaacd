package dev.portcullis.engine.identity.cognito;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * One client-side SRP login in progress: holds the private a between InitiateAuth (which sends
 * {@link #srpA()}) and RespondToAuthChallenge (which sends {@link #respond}'s claim). Create with
 * {@link CognitoSrpClient#begin()}.
 */
public final class SrpLogin {

  private final BigInteger a;
  private final BigInteger srpA;
  private final Clock clock;

  SrpLogin(BigInteger a, Clock clock) {
    BigInteger srpA = SrpMath.G.modPow(a, SrpMath.N);
    // Cannot happen for g = 2 and a prime N, but a server must reject A ≡ 0, so never send one.
    if (srpA.signum() == 0) {
      throw new IllegalStateException("SRP_A came out as 0 mod N; the random source is broken");
    }
    this.a = a;
    this.srpA = srpA;
    this.clock = clock;
  }

  /** SRP_A for InitiateAuth: lowercase hex without padding, as amazon-cognito-identity-js sends it. */
  public String srpA() {
    return srpA.toString(16);
  }

  /**
   * Step 2: proves knowledge of the password for this challenge, signed at the clock's current time.
   *
   * @throws IllegalArgumentException when the challenge is malformed or unsafe (B ≡ 0 mod N, u = 0);
   *     the message names the user and the parameter
   */
  public PasswordClaim respond(PasswordVerifierChallenge challenge, String password) {
    Objects.requireNonNull(challenge, "challenge");
    Objects.requireNonNull(password, "password");
    String user = challenge.userIdForSrp();
    BigInteger srpB = SrpMath.parseHex("SRP_B", challenge.srpB());
    if (srpB.mod(SrpMath.N).signum() == 0) {
      throw unsafe(user, "SRP_B is 0 mod N (\"B cannot be zero\"); the server is broken or hostile");
    }
    BigInteger u = SrpMath.scramble(srpA, srpB);
    if (u.signum() == 0) {
      throw unsafe(user, "u = H(A, B) is 0; start a new login with a fresh SRP_A");
    }
    BigInteger salt = SrpMath.parseHex("SALT", challenge.salt());
    byte[] secretBlock = SrpMath.parseBase64("SECRET_BLOCK", challenge.secretBlock());
    BigInteger x = SrpMath.privateKey(challenge.poolName(), user, password, salt);
    byte[] key = SrpMath.derivedKey(sharedSecret(srpB, u, x), u);
    String timestamp = CognitoTimestamp.format(clock.instant());
    byte[] signature = SrpMath.claimSignature(key, challenge.poolName(), user, secretBlock, timestamp);
    return new PasswordClaim(Base64.getEncoder().encodeToString(signature), timestamp);
  }

  /** S = (B − k·g^x)^(a + u·x) mod N; the base is reduced mod N first because B − k·g^x is usually negative. */
  private BigInteger sharedSecret(BigInteger srpB, BigInteger u, BigInteger x) {
    BigInteger base = srpB.subtract(SrpMath.K.multiply(SrpMath.G.modPow(x, SrpMath.N))).mod(SrpMath.N);
    return base.modPow(a.add(u.multiply(x)), SrpMath.N);
  }

  private static IllegalArgumentException unsafe(String user, String detail) {
    return new IllegalArgumentException("SRP challenge for user '" + user + "' rejected: " + detail);
  }

  @Override
  public String toString() {
    return "SrpLogin[srpA=" + srpA().substring(0, 16) + "...]";
  }
}
