package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.identity.cognito.SrpMath;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What the local Cognito stores for a user instead of the password (spec §9.4): the salt and the
 * SRP verifier v = g^x mod N, bound to the pool name and USER_ID_FOR_SRP that went into x.
 *
 * @param poolName the part of the user pool id after the underscore
 * @param userIdForSrp the internal username the client hashes (sent as USER_ID_FOR_SRP)
 * @param salt the SALT sent to the client, hex
 * @param verifier v, in (0, N)
 */
public record SrpCredential(String poolName, String userIdForSrp, String salt, BigInteger verifier) {

  public SrpCredential {
    Objects.requireNonNull(poolName, "poolName");
    Objects.requireNonNull(userIdForSrp, "userIdForSrp");
    SrpMath.parseHex("SALT of user '" + userIdForSrp + "'", salt);
    Objects.requireNonNull(verifier, "verifier");
    if (verifier.signum() <= 0 || verifier.compareTo(SrpMath.N) >= 0) {
      throw new IllegalArgumentException("SRP verifier of user '" + userIdForSrp + "' is outside (0, N)");
    }
  }

  /** Derives the credential for a password with a given salt (e.g. to reproduce a known login). */
  public static SrpCredential derive(String poolName, String userIdForSrp, String password, String salt) {
    Objects.requireNonNull(password, "password");
    BigInteger x = SrpMath.privateKey(
        poolName, userIdForSrp, password, SrpMath.parseHex("SALT of user '" + userIdForSrp + "'", salt));
    return new SrpCredential(poolName, userIdForSrp, salt, SrpMath.verifier(x));
  }

  @Override
  public String toString() {
    // The verifier allows an offline dictionary attack on the password: keep it out of logs.
    return "SrpCredential[poolName=" + poolName + ", userIdForSrp=" + userIdForSrp + ", salt=" + salt
        + ", verifier=***]";
  }
}
