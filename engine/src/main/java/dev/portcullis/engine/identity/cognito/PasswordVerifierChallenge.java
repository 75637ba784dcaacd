package dev.portcullis.engine.identity.cognito;

/**
 * What the client needs from a PASSWORD_VERIFIER challenge (spec §9.4), with the pool name the
 * client knows from its configuration.
 *
 * @param poolName the part of the user pool id after the underscore ({@code us-east-1_AbCd1234} →
 *     {@code AbCd1234}); the pool id itself would silently produce a wrong signature, so it is refused
 * @param userIdForSrp ChallengeParameters.USER_ID_FOR_SRP, the internal username
 * @param srpB ChallengeParameters.SRP_B, hex
 * @param salt ChallengeParameters.SALT, hex
 * @param secretBlock ChallengeParameters.SECRET_BLOCK, Base64, echoed back verbatim
 */
public record PasswordVerifierChallenge(
    String poolName, String userIdForSrp, String srpB, String salt, String secretBlock) {

  public PasswordVerifierChallenge {
    poolName = requirePoolName(poolName);
    userIdForSrp = requireText("USER_ID_FOR_SRP", userIdForSrp);
    srpB = requireText("SRP_B", srpB);
    salt = requireText("SALT", salt);
    secretBlock = requireText("SECRET_BLOCK", secretBlock);
  }

  /** The pool name of a user pool id: the part after the underscore. */
  public static String poolNameOf(String userPoolId) {
    int underscore = userPoolId == null ? -1 : userPoolId.indexOf('_');
    if (underscore <= 0 || underscore == userPoolId.length() - 1) {
      throw new IllegalArgumentException(
          "User pool id '" + userPoolId + "' is not of the form <region>_<name>, e.g. us-east-1_AbCd1234");
    }
    return userPoolId.substring(underscore + 1);
  }

  private static String requirePoolName(String poolName) {
    requireText("pool name", poolName);
    if (poolName.indexOf('_') >= 0) {
      throw new IllegalArgumentException("Pool name '" + poolName + "' looks like a user pool id; pass the part"
          + " after the underscore ('" + poolName.substring(poolName.indexOf('_') + 1) + "')");
    }
    return poolName;
  }

  private static String requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("PASSWORD_VERIFIER challenge: " + name + " is missing");
    }
    return value;
  }
}
