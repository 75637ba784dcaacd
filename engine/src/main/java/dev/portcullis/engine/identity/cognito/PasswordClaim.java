package dev.portcullis.engine.identity.cognito;

import java.util.Objects;

/**
 * The client's answer to a PASSWORD_VERIFIER challenge (spec §9.4): the values that go into
 * ChallengeResponses next to USERNAME and PASSWORD_CLAIM_SECRET_BLOCK.
 *
 * @param signature PASSWORD_CLAIM_SIGNATURE, Base64
 * @param timestamp TIMESTAMP, exactly the string that was signed
 */
public record PasswordClaim(String signature, String timestamp) {

  public PasswordClaim {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  @Override
  public String toString() {
    // The signature proves knowledge of the password for this one login; keep it out of logs anyway.
    return "PasswordClaim[signature=***, timestamp=" + timestamp + "]";
  }
}
