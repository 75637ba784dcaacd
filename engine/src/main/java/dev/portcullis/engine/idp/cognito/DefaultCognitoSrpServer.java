package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.identity.cognito.CognitoTimestamp;
import dev.portcullis.engine.identity.cognito.SrpMath;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

final class DefaultCognitoSrpServer implements CognitoSrpServer {

  private static final int SALT_BYTES = 16;

  private final RandomGenerator random;

  DefaultCognitoSrpServer(RandomGenerator random) {
    this.random = random;
  }

  @Override
  public SrpCredential enroll(String poolName, String userIdForSrp, String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return SrpCredential.derive(poolName, userIdForSrp, password, HexFormat.of().formatHex(salt));
  }

  @Override
  public ServerEphemeral challenge(SrpCredential credential) {
    Objects.requireNonNull(credential, "credential");
    byte[] bytes = new byte[SrpMath.EPHEMERAL_BYTES];
    while (true) {
      random.nextBytes(bytes);
      BigInteger b = new BigInteger(1, bytes);
      BigInteger srpB = ServerEphemeral.publicValue(b, credential.verifier());
      // b = 0 or B ≡ 0 would be refused by the client; both are astronomically unlikely, so draw again.
      if (b.signum() > 0 && srpB.signum() > 0) {
        return new ServerEphemeral(b, srpB);
      }
    }
  }

  @Override
  public ClaimVerdict verify(SrpCredential credential, ServerEphemeral ephemeral, ClaimToVerify claim) {
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(ephemeral, "ephemeral");
    Objects.requireNonNull(claim, "claim");
    String user = credential.userIdForSrp();
    try {
      Instant signedAt = CognitoTimestamp.parse(claim.timestamp());
      BigInteger srpA = SrpMath.parseHex("SRP_A", claim.srpA());
      if (srpA.mod(SrpMath.N).signum() == 0) {
        return reject(user, "SRP_A is 0 mod N, which would let anyone log in without the password");
      }
      BigInteger u = SrpMath.scramble(srpA, ephemeral.srpB());
      if (u.signum() == 0) {
        return reject(user, "u = H(A, B) is 0; the client must start a new login");
      }
      byte[] secretBlock = SrpMath.parseBase64("PASSWORD_CLAIM_SECRET_BLOCK", claim.secretBlock());
      byte[] signature = SrpMath.parseBase64("PASSWORD_CLAIM_SIGNATURE", claim.signature());
      byte[] key = SrpMath.derivedKey(sharedSecret(credential, ephemeral, srpA, u), u);
      byte[] expected = SrpMath.claimSignature(key, credential.poolName(), user, secretBlock, claim.timestamp());
      return MessageDigest.isEqual(expected, signature)
          ? new ClaimVerdict.Verified(signedAt)
          : reject(user, "PASSWORD_CLAIM_SIGNATURE does not match (wrong password, or SRP_A, SECRET_BLOCK"
              + " or TIMESTAMP differ from what was signed)");
    } catch (IllegalArgumentException malformed) {
      return reject(user, malformed.getMessage());
    }
  }

  /** S = (A · v^u)^b mod N. */
  private static BigInteger sharedSecret(
      SrpCredential credential, ServerEphemeral ephemeral, BigInteger srpA, BigInteger u) {
    BigInteger base = srpA.multiply(credential.verifier().modPow(u, SrpMath.N)).mod(SrpMath.N);
    return base.modPow(ephemeral.b(), SrpMath.N);
  }

  private static ClaimVerdict reject(String user, String detail) {
    return new ClaimVerdict.Rejected("SRP login of user '" + user + "' rejected: " + detail);
  }
}
