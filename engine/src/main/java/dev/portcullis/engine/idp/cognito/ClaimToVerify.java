package dev.portcullis.engine.idp.cognito;

import java.util.Objects;

/**
 * What the client sent for one SRP login: SRP_A from InitiateAuth and the PASSWORD_VERIFIER
 * ChallengeResponses (spec §9.2, §9.4). Values are kept as received; the server parses them.
 *
 * @param srpA AuthParameters.SRP_A, hex
 * @param secretBlock PASSWORD_CLAIM_SECRET_BLOCK, Base64; the caller checks it is the block it issued
 * @param timestamp TIMESTAMP, signed as is
 * @param signature PASSWORD_CLAIM_SIGNATURE, Base64
 */
public record ClaimToVerify(String srpA, String secretBlock, String timestamp, String signature) {

  public ClaimToVerify {
    Objects.requireNonNull(srpA, "SRP_A");
    Objects.requireNonNull(secretBlock, "PASSWORD_CLAIM_SECRET_BLOCK");
    Objects.requireNonNull(timestamp, "TIMESTAMP");
    Objects.requireNonNull(signature, "PASSWORD_CLAIM_SIGNATURE");
  }
}
