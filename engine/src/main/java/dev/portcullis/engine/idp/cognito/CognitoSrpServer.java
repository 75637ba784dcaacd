package dev.portcullis.engine.idp.cognito;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The server side of Cognito's USER_SRP_AUTH (spec §9.4) for the local Cognito: enrol a password as
 * a salt and verifier, issue B for a PASSWORD_VERIFIER challenge, and check the client's claim.
 *
 * <p>Randomness is injected so that tests are deterministic; in production pass a {@link
 * java.security.SecureRandom}. Session bookkeeping (which b and secret block belong to which
 * login, how old the TIMESTAMP may be) belongs to the caller.
 */
public interface CognitoSrpServer {

  /** @param random the source of salts and of the private b; cryptographically strong outside tests */
  static CognitoSrpServer create(RandomGenerator random) {
    return new DefaultCognitoSrpServer(Objects.requireNonNull(random, "random"));
  }

  /** Picks a fresh 16-byte salt and derives the verifier for the password. */
  SrpCredential enroll(String poolName, String userIdForSrp, String password);

  /** Picks a fresh private b for one login of this user and computes SRP_B. */
  ServerEphemeral challenge(SrpCredential credential);

  /**
   * Checks a client's PASSWORD_CLAIM_SIGNATURE. The signature comparison takes the same time
   * wherever the signatures differ.
   *
   * @param credential the user's stored salt and verifier
   * @param ephemeral the b and B issued for this login
   * @param claim SRP_A and the challenge responses as received
   * @return {@link ClaimVerdict.Verified}, or {@link ClaimVerdict.Rejected} with a reason for a wrong
   *     password, a malformed value or an unsafe A; never throws for anything the client sent
   */
  ClaimVerdict verify(SrpCredential credential, ServerEphemeral ephemeral, ClaimToVerify claim);
}
