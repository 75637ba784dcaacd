package dev.portcullis.engine.idp.cognito;

import dev.portcullis.engine.identity.cognito.SrpMath;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The server's half of one SRP login: the private b, kept until RespondToAuthChallenge, and
 * B = (k·v + g^b) mod N, sent as SRP_B (spec §9.4).
 *
 * @param b the private ephemeral, positive
 * @param srpB the public ephemeral B, never 0 mod N
 */
public record ServerEphemeral(BigInteger b, BigInteger srpB) {

  public ServerEphemeral {
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(srpB, "srpB");
    if (b.signum() <= 0) {
      throw new IllegalArgumentException("SRP private b must be positive");
    }
    if (srpB.signum() <= 0 || srpB.compareTo(SrpMath.N) >= 0) {
      throw new IllegalArgumentException("SRP_B must be in (0, N); a client rejects B ≡ 0 mod N");
    }
  }

  /** Computes B from a private b and the user's verifier. */
  public static ServerEphemeral of(BigInteger b, SrpCredential credential) {
    Objects.requireNonNull(b, "b");
    return new ServerEphemeral(b, publicValue(b, credential.verifier()));
  }

  /** B = (k·v + g^b) mod N. */
  static BigInteger publicValue(BigInteger b, BigInteger verifier) {
    return SrpMath.K.multiply(verifier).add(SrpMath.G.modPow(b, SrpMath.N)).mod(SrpMath.N);
  }

  /** SRP_B for the challenge: lowercase hex without padding, as the file's server peer sends it. */
  public String srpBHex() {
    return srpB.toString(16);
  }

  @Override
  public String toString() {
    return "ServerEphemeral[b=***, srpB=" + srpBHex().substring(0, 16) + "...]";
  }
}
